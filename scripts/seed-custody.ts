// Custody history for the bulk seed (seed-bulk.ts): transfer orders 移交, holds 冻结, yearly
// destructions 销毁 and the monthly inspections 检查, written row by row with the same audit
// actions and before/after objects the services (transfers.ts, holds.ts, destructions.ts,
// inspections.ts) log, so the audit viewer cannot tell them from real ones.
import { PNG } from 'pngjs';
import type { Db } from '../db/connection';
import type { Location } from '../db/schema';
import type { AuditAction, AuditEntity } from '../electron/core/contract/audit';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const localDay = (ms: number): string => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
const iso = (ms: number): string => new Date(ms).toISOString();

/** Where a box is in the archive's eyes; lending and inspection only see ARCHIVE boxes. */
const ARCHIVE = 0;
const TRANSFERRED = 1;
const PENDING = 2;
const DESTROYED = 3;

const DEPARTMENTS = ['法务部', '财务部', '招商部', '营运部', '工程部', '人事行政部'];
const TRANSFER_REASONS = ['租户涉诉，档案移交法务部跟进', '部门职能调整，档案随业务移交', '年度审计，档案移交财务部保管', '租户退场结算，档案移交招商部'];
const HOLD_REASONS = ['租赁合同纠纷诉讼中，暂停销毁', '审计专项检查，封存备查', '消防事故调查取证'];
const FINDINGS = [
  { fields: { complete: false }, findings: ['incomplete'], note: '卷内文件缺页，待补齐' },
  { fields: { correctlyFiled: false }, findings: ['misfiled'], note: '未按架位顺序存放' },
  { fields: { condition: 'damp' }, findings: ['condition'], note: '盒体受潮' },
  { fields: { condition: 'pests' }, findings: ['condition'], note: '发现虫蛀痕迹' },
  { fields: { condition: 'damaged' }, findings: ['condition'], note: '盒体破损' },
] as const;

/** A receiver's drawn signature as the desk's signature pad gives it: a small PNG data URL. */
function drawnSignature(): string {
  const png = new PNG({ width: 160, height: 48 });
  for (let x = 8; x < 152; x++) {
    const y = Math.round(24 + 14 * Math.sin(x / 11) * Math.cos(x / 37));
    for (const dy of [0, 1]) {
      const at = ((y + dy) * 160 + x) * 4;
      png.data[at + 3] = 255;
    }
  }
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}

export interface CustodyCounts {
  transfers: number;
  transferBoxes: number;
  holds: number;
  destructions: number;
  destroyedBoxes: number;
  inspections: number;
  inspectionItems: number;
  followUps: number;
}

export interface CustodyContext {
  db: Db;
  boxes: number;
  firstDay: number;
  lastDay: number;
  rand: () => number;
  int: (lo: number, hi: number) => number;
  pick: <T>(items: readonly T[]) => T;
  personName: () => string;
  audit: (at: number, who: number, action: AuditAction, entity: AuditEntity, entityId: number, boxCode: string | null, before: unknown, after: unknown) => void;
  schedule: (at: number, run: () => void) => void;
  takeFormNo: (prefix: string, at: number) => string;
  /** Boxes created so far (ids 1..n). */
  catalogued: () => number;
  codes: string[];
  itemCount: (boxId: number) => number;
  /** The seed's lending bookkeeping: a box is lent only when freeAt ≤ now; Infinity keeps it out for good. */
  freeAt: Float64Array;
  onLoan: Uint8Array;
  locations: Location[];
  /** Boxes whose retention ends before the seed does, with the end date, filled as boxes are made. */
  expiring: { id: number; end: string }[];
  users: { custodian: number; manager: number };
  names: Record<number, string>;
}

export function scheduleCustody(ctx: CustodyContext): CustodyCounts {
  const sqlite = ctx.db.$client;
  const { rand, int, pick, audit, schedule, codes, freeAt, onLoan } = ctx;
  const { custodian, manager } = ctx.users;
  const counts: CustodyCounts = {
    transfers: 0,
    transferBoxes: 0,
    holds: 0,
    destructions: 0,
    destroyedBoxes: 0,
    inspections: 0,
    inspectionItems: 0,
    followUps: 0,
  };
  const state = new Uint8Array(ctx.boxes + 1);
  const held = new Set<number>();
  const signature = drawnSignature();
  const insert = {
    transfer:
      sqlite.prepare(`INSERT INTO transfers (id, transfer_no, from_department, to_department, reason, personnel_move_date, status, requested_at, requested_by,
      decided_at, decided_by, decision_reason, cancelled_at, cancelled_by, handover_user_id, handover_name, handover_signature, receiver_user_id, receiver_name,
      receiver_signature, signed_at, signed_recorded_by)
      VALUES (@id, @transferNo, @fromDepartment, @toDepartment, @reason, @personnelMoveDate, @status, @requestedAt, @requestedBy, @decidedAt, @decidedBy,
      @decisionReason, @cancelledAt, @cancelledBy, @handoverUserId, @handoverName, @handoverSignature, @receiverUserId, @receiverName, @receiverSignature,
      @signedAt, @signedRecordedBy)`),
    transferBox: sqlite.prepare(`INSERT INTO transfer_boxes (transfer_id, box_id, item_count) VALUES (?, ?, ?)`),
    boxTransferred: sqlite.prepare(`UPDATE boxes SET status = 'transferred', custodian_department = ?, updated_at = ? WHERE id = ?`),
    boxStatus: sqlite.prepare(`UPDATE boxes SET status = ?, updated_at = ? WHERE id = ?`),
    hold: sqlite.prepare(`INSERT INTO holds (id, box_id, reason, placed_at, placed_by, lifted_at, lifted_by, lift_reason)
      VALUES (@id, @boxId, @reason, @placedAt, @placedBy, @liftedAt, @liftedBy, @liftReason)`),
    destruction: sqlite.prepare(`INSERT INTO destructions (id, register_no, reason, status, proposed_at, proposed_by, decided_at, decided_by, decision_reason,
      method, method_note, destroyed_on, executor_name, supervisor1, supervisor2, executed_at, executed_by)
      VALUES (@id, @registerNo, @reason, @status, @proposedAt, @proposedBy, @decidedAt, @decidedBy, @decisionReason, @method, @methodNote, @destroyedOn,
      @executorName, @supervisor1, @supervisor2, @executedAt, @executedBy)`),
    destructionBox: sqlite.prepare(`INSERT INTO destruction_boxes (destruction_id, box_id, item_count, retention_end) VALUES (?, ?, ?, ?)`),
    inspection: sqlite.prepare(`INSERT INTO inspections (id, month, status, started_at, started_by, completed_at, completed_by)
      VALUES (@id, @month, @status, @startedAt, @startedBy, @completedAt, @completedBy)`),
    inspectionDone: sqlite.prepare(`UPDATE inspections SET status = 'completed', completed_at = ?, completed_by = ? WHERE id = ?`),
    item: sqlite.prepare(`INSERT INTO inspection_items (id, inspection_id, box_id, seq, present, complete, correctly_filed, condition, note, checked_at, checked_by)
      VALUES (@id, @inspectionId, @boxId, @seq, @present, @complete, @correctlyFiled, @condition, @note, @checkedAt, @checkedBy)`),
    followUp:
      sqlite.prepare(`INSERT INTO follow_ups (id, inspection_id, item_id, box_id, findings, note, owner, status, created_at, created_by, closed_at, closed_by, resolution)
      VALUES (@id, @inspectionId, @itemId, @boxId, @findings, @note, @owner, @status, @createdAt, @createdBy, @closedAt, @closedBy, @resolution)`),
  };
  const bool = (b: boolean | null) => (b === null ? null : b ? 1 : 0);
  /** In the archive, on the shelf and not promised to a loan, order or proposal at that moment. */
  const available = (id: number, at: number) => state[id] === ARCHIVE && !onLoan[id] && freeAt[id] <= at;
  const lastDay = ctx.lastDay;
  /** A moment between 09:00 and 16:00 local (UTC+8) on the day of `ms`. */
  const officeHours = (ms: number) => ms - (ms % DAY) + HOUR + int(0, 420) * 60_000;

  // Transfers: about one order per 500 boxes over the decade, spread evenly; the last tenth are
  // left open or turned down near the end, the others signed at the desk.
  const transferTotal = Math.max(1, Math.round(ctx.boxes / 500));
  const tail = Math.floor(transferTotal / 10);
  const from = ctx.firstDay + 365 * DAY;
  const until = lastDay - 20 * DAY;
  for (let k = 0; k < transferTotal; k++) {
    const outcome = k < transferTotal - tail ? 'signed' : (['requested', 'rejected', 'cancelled', 'approved'] as const)[k % 4];
    const day =
      k >= transferTotal - tail ? lastDay - (6 + tail - (k - (transferTotal - tail))) * DAY : from + Math.floor(((k + 0.5) * (until - from)) / transferTotal);
    const at = officeHours(day);
    schedule(at, () => transfer(at, outcome));
  }

  function transfer(at: number, outcome: 'signed' | 'requested' | 'rejected' | 'cancelled' | 'approved'): void {
    const n = ctx.catalogued();
    const want = int(1, 8);
    const list: number[] = [];
    for (let tries = 0; tries < want * 8 && list.length < want; tries++) {
      const id = 1 + Math.floor(rand() * n);
      if (n > 0 && available(id, at) && !list.includes(id)) list.push(id);
    }
    if (!list.length) return;
    list.sort((a, b) => a - b);
    const id = ++counts.transfers;
    let row = {
      id,
      transferNo: ctx.takeFormNo('YJ', at),
      fromDepartment: '档案室',
      toDepartment: pick(DEPARTMENTS),
      reason: pick(TRANSFER_REASONS),
      personnelMoveDate: null as string | null,
      status: 'requested' as 'requested' | 'approved' | 'rejected' | 'cancelled' | 'signed',
      requestedAt: iso(at),
      requestedBy: custodian,
      decidedAt: null as string | null,
      decidedBy: null as number | null,
      decisionReason: '',
      cancelledAt: null as string | null,
      cancelledBy: null as number | null,
      handoverUserId: null as number | null,
      handoverName: null as string | null,
      handoverSignature: null as string | null,
      receiverUserId: null as number | null,
      receiverName: null as string | null,
      receiverSignature: null as string | null,
      signedAt: null as string | null,
      signedRecordedBy: null as number | null,
    };
    for (const boxId of list) {
      freeAt[boxId] = Infinity;
      insert.transferBox.run(id, boxId, ctx.itemCount(boxId));
      counts.transferBoxes++;
    }
    audit(at, custodian, 'transfer-request', 'transfer', id, null, null, { ...row, boxCodes: list.map((b) => codes[b]) });
    // Signatures are logged as 'png', as transferAudit does.
    const logged = (r: typeof row) => ({ ...r, handoverSignature: r.handoverSignature ? 'png' : null, receiverSignature: r.receiverSignature ? 'png' : null });
    const release = (when: number) => {
      for (const b of list) freeAt[b] = when;
    };
    if (outcome === 'requested') return void insert.transfer.run(row);
    const decidedAt = Math.max(officeHours(at + int(0, 1) * DAY), at + 30 * 60_000);
    schedule(decidedAt, () => {
      const before = row;
      const approve = outcome !== 'rejected';
      row = {
        ...row,
        status: approve ? 'approved' : 'rejected',
        decidedAt: iso(decidedAt),
        decidedBy: manager,
        decisionReason: approve ? '同意移交' : '移交范围需重新核定',
      };
      audit(decidedAt, manager, approve ? 'transfer-approve' : 'transfer-reject', 'transfer', id, null, before, logged(row));
      if (!approve) release(decidedAt);
      if (outcome === 'rejected' || outcome === 'approved') return void insert.transfer.run(row);
      const nextAt = officeHours(decidedAt + int(1, 4) * DAY);
      schedule(nextAt, () => {
        const before = row;
        if (outcome === 'cancelled') {
          row = { ...row, status: 'cancelled', cancelledAt: iso(nextAt), cancelledBy: custodian };
          audit(nextAt, custodian, 'transfer-cancel', 'transfer', id, null, before, logged(row));
          release(nextAt);
          return void insert.transfer.run(row);
        }
        // The custodian hands over with the account's password; the receiver signs on the pad.
        row = {
          ...row,
          status: 'signed',
          handoverUserId: custodian,
          handoverName: ctx.names[custodian],
          handoverSignature: null,
          receiverUserId: null,
          receiverName: ctx.personName(),
          receiverSignature: signature,
          signedAt: iso(nextAt),
          signedRecordedBy: custodian,
        };
        audit(nextAt, custodian, 'transfer-sign-off', 'transfer', id, null, before, logged(row));
        for (const boxId of list) {
          state[boxId] = TRANSFERRED;
          insert.boxTransferred.run(row.toDepartment, iso(nextAt), boxId);
          audit(
            nextAt,
            custodian,
            'transfer-sign-off',
            'box',
            boxId,
            codes[boxId],
            { status: 'in_stock', custodianDepartment: '' },
            { status: 'transferred', custodianDepartment: row.toDepartment, transferNo: row.transferNo },
          );
        }
        insert.transfer.run(row);
      });
    });
  }

  // Holds: a few dozen boxes frozen for a dispute or an audit, about half lifted later.
  const holdTotal = Math.max(2, Math.min(40, Math.round(ctx.boxes / 2500)));
  for (let k = 0; k < holdTotal; k++) {
    const at = officeHours(from + Math.floor(((k + 0.5) * (until - from)) / holdTotal));
    schedule(at, () => {
      const n = ctx.catalogued();
      let boxId = 0;
      for (let tries = 0; tries < 20 && !boxId; tries++) {
        const id = 1 + Math.floor(rand() * n);
        if (state[id] === ARCHIVE && !held.has(id)) boxId = id;
      }
      if (!boxId) return;
      held.add(boxId);
      const hold = {
        id: ++counts.holds,
        boxId,
        reason: pick(HOLD_REASONS),
        placedAt: iso(at),
        placedBy: custodian,
        liftedAt: null as string | null,
        liftedBy: null as number | null,
        liftReason: '',
      };
      audit(at, custodian, 'hold-place', 'hold', hold.id, codes[boxId], null, hold);
      const liftAt = officeHours(at + int(30, 500) * DAY);
      if (rand() < 0.5 || liftAt > lastDay) return void insert.hold.run(hold);
      schedule(liftAt, () => {
        const lifted = { ...hold, liftedAt: iso(liftAt), liftedBy: manager, liftReason: '纠纷已结案，解除冻结' };
        audit(liftAt, manager, 'hold-lift', 'hold', hold.id, codes[boxId], hold, lifted);
        held.delete(boxId);
        insert.hold.run(lifted);
      });
    });
  }

  // Destructions: each March, part of the boxes whose retention has ended (never all of them, so
  // the retention report always has some to propose); one proposal still waits at the end.
  const firstYear = new Date(ctx.firstDay).getUTCFullYear() + 3;
  const lastYear = Number(localDay(lastDay).slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++) {
    const at = Date.UTC(year, 2, 10, 2, 0, 0);
    if (at < lastDay - 40 * DAY) schedule(at, () => destruction(at, 0.6, true));
  }
  schedule(lastDay - 5 * DAY, () => destruction(lastDay - 5 * DAY, 0.3, false));

  function destruction(at: number, share: number, execute: boolean): void {
    const today = localDay(at);
    const due = ctx.expiring.filter((e) => e.end <= today && available(e.id, at) && !held.has(e.id));
    for (let i = due.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [due[i], due[j]] = [due[j], due[i]];
    }
    const list = due.slice(0, Math.floor(due.length * share)).sort((a, b) => a.id - b.id);
    if (!list.length) return;
    const id = ++counts.destructions;
    let row = {
      id,
      registerNo: ctx.takeFormNo('XH', at),
      reason: '保管期限已满，经鉴定无继续保存价值',
      status: 'proposed' as 'proposed' | 'approved' | 'executed',
      proposedAt: iso(at),
      proposedBy: custodian,
      decidedAt: null as string | null,
      decidedBy: null as number | null,
      decisionReason: '',
      method: null as 'shred' | 'pulp' | 'incinerate' | null,
      methodNote: '',
      destroyedOn: null as string | null,
      executorName: null as string | null,
      supervisor1: null as string | null,
      supervisor2: null as string | null,
      executedAt: null as string | null,
      executedBy: null as number | null,
    };
    audit(at, custodian, 'destruction-propose', 'destruction', id, null, null, { ...row, boxCodes: list.map((e) => codes[e.id]) });
    const setBoxes = (when: number, from: string, to: 'pending_destruction' | 'destroyed', action: AuditAction) => {
      for (const { id: boxId } of list) {
        insert.boxStatus.run(to, iso(when), boxId);
        audit(when, custodian, action, 'box', boxId, codes[boxId], { status: from }, { status: to, registerNo: row.registerNo });
      }
    };
    for (const { id: boxId, end } of list) {
      state[boxId] = PENDING;
      freeAt[boxId] = Infinity;
      insert.destructionBox.run(id, boxId, ctx.itemCount(boxId), end);
    }
    setBoxes(at, 'in_stock', 'pending_destruction', 'destruction-propose');
    if (!execute) return void insert.destruction.run(row);
    const decidedAt = officeHours(at + int(1, 5) * DAY);
    schedule(decidedAt, () => {
      const before = row;
      row = { ...row, status: 'approved', decidedAt: iso(decidedAt), decidedBy: manager, decisionReason: '同意销毁' };
      audit(decidedAt, manager, 'destruction-approve', 'destruction', id, null, before, row);
      const doneAt = officeHours(decidedAt + int(3, 14) * DAY);
      schedule(doneAt, () => {
        const before = row;
        const first = ctx.personName();
        let second = ctx.personName();
        while (second === first) second = ctx.personName();
        row = {
          ...row,
          status: 'executed',
          method: pick(['shred', 'pulp', 'incinerate'] as const),
          destroyedOn: localDay(doneAt),
          executorName: ctx.personName(),
          supervisor1: first,
          supervisor2: second,
          executedAt: iso(doneAt),
          executedBy: custodian,
        };
        audit(doneAt, custodian, 'destruction-execute', 'destruction', id, null, before, row);
        for (const { id: boxId } of list) state[boxId] = DESTROYED;
        counts.destroyedBoxes += list.length;
        setBoxes(doneAt, 'pending_destruction', 'destroyed', 'destruction-execute');
        insert.destruction.run(row);
      });
    });
  }

  // Inspections: the monthly check of every box in stock, for the last three complete months
  // only. A full decade (120 months × ~95,000 boxes at 100k) would add 11M rows and audit entries
  // and dwarf the rest of the seed; the current month is left not started, as a desk would find it.
  const endMonth = localDay(lastDay).slice(0, 7);
  for (let back = 3; back >= 1; back--) {
    const [y, m] = endMonth.split('-').map(Number);
    const first = Date.UTC(y, m - 1 - back, 3, 1, 30, 0);
    const month = localDay(first).slice(0, 7);
    schedule(first, () => inspection(first, month));
  }

  function inspection(at: number, month: string): void {
    const n = ctx.catalogued();
    const inStock: number[] = [];
    for (let id = 1; id <= n; id++) if (state[id] === ARCHIVE && !onLoan[id]) inStock.push(id);
    sortByShelf(inStock, ctx.locations, codes);
    const id = ++counts.inspections;
    const row = {
      id,
      month,
      status: 'open' as 'open' | 'completed',
      startedAt: iso(at),
      startedBy: custodian,
      completedAt: null as string | null,
      completedBy: null as number | null,
    };
    insert.inspection.run(row);
    audit(at, custodian, 'inspection-start', 'inspection', id, null, null, { ...row, boxes: inStock.length });
    const itemBase = counts.inspectionItems;
    counts.inspectionItems += inStock.length;
    const findingAt = new Map<number, (typeof FINDINGS)[number]>();
    const findings = Math.min(inStock.length, int(3, 8));
    for (let k = 0; k < findings * 4 && findingAt.size < findings; k++) findingAt.set(Math.floor(rand() * inStock.length), pick(FINDINGS));
    // Ten working days, 09:30–17:00 local, in shelf order.
    const perDay = Math.max(1, Math.ceil(inStock.length / 10));
    const timeOf = (seq: number) => at + Math.floor(seq / perDay) * DAY + Math.floor(((seq % perDay) * 7.5 * HOUR) / perDay);
    const check = (seq: number) => {
      const when = timeOf(seq);
      const boxId = inStock[seq];
      const before = {
        id: itemBase + seq + 1,
        inspectionId: id,
        boxId,
        seq: seq + 1,
        present: null,
        complete: null,
        correctlyFiled: null,
        condition: null,
        note: '',
        checkedAt: null,
        checkedBy: null,
      };
      const found = findingAt.get(seq);
      const after = {
        ...before,
        present: true,
        complete: true,
        correctlyFiled: true,
        condition: 'good',
        checkedAt: iso(when),
        checkedBy: custodian,
        ...(found ? { ...found.fields, note: found.note } : {}),
      };
      insert.item.run({ ...after, present: bool(after.present), complete: bool(after.complete), correctlyFiled: bool(after.correctlyFiled) });
      audit(when, custodian, 'inspection-check', 'inspection', id, codes[boxId], before, after);
      if (found) followUp(when, id, after.id, boxId, found);
      if (seq + 1 < inStock.length) schedule(timeOf(seq + 1), () => check(seq + 1));
      else {
        const doneAt = when + HOUR;
        schedule(doneAt, () => {
          insert.inspectionDone.run(iso(doneAt), custodian, id);
          audit(doneAt, custodian, 'inspection-complete', 'inspection', id, null, row, {
            ...row,
            status: 'completed',
            completedAt: iso(doneAt),
            completedBy: custodian,
          });
        });
      }
    };
    if (inStock.length) schedule(timeOf(0), () => check(0));
  }

  function followUp(at: number, inspectionId: number, itemId: number, boxId: number, found: (typeof FINDINGS)[number]): void {
    const row = {
      id: ++counts.followUps,
      inspectionId,
      itemId,
      boxId,
      findings: [...found.findings] as string[],
      note: found.note,
      owner: ctx.personName(),
      status: 'open' as 'open' | 'closed',
      createdAt: iso(at),
      createdBy: custodian,
      closedAt: null as string | null,
      closedBy: null as number | null,
      resolution: '',
    };
    audit(at, custodian, 'follow-up-open', 'follow-up', row.id, codes[boxId], null, row);
    const store = (r: typeof row) => insert.followUp.run({ ...r, findings: JSON.stringify(r.findings) });
    const closeAt = officeHours(at + int(2, 20) * DAY);
    if (rand() < 0.2 || closeAt > lastDay) return void store(row);
    schedule(closeAt, () => {
      const closed = { ...row, status: 'closed' as const, closedAt: iso(closeAt), closedBy: custodian, resolution: '已整改并复查' };
      audit(closeAt, custodian, 'follow-up-close', 'follow-up', row.id, codes[boxId], row, closed);
      store(closed);
    });
  }

  return counts;
}

/**
 * The service's shelf order (room, cabinet, shelf, position, code; numbers compared as numbers),
 * with each location field ranked once instead of collating 100k boxes field by field.
 */
function sortByShelf(ids: number[], locations: Location[], codes: string[]): void {
  const natural = new Intl.Collator('zh-CN', { numeric: true });
  const fields = ['room', 'cabinet', 'shelf', 'position'] as const;
  const ranks = fields.map((f) => {
    const values = [...new Set(ids.map((id) => locations[id][f]))].sort(natural.compare);
    return new Map(values.map((v, i) => [v, i]));
  });
  const keys = new Map(ids.map((id) => [id, fields.map((f, i) => ranks[i].get(locations[id][f])!)]));
  ids.sort((a, b) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
    return natural.compare(codes[a], codes[b]);
  });
}
