// The bulk path of `npm run seed`: a decade of an office's archive written straight into the
// tables with prepared statements in big transactions, event by event in time order, with the
// audit chain hashed by the same entryHash/diffFields the services use; custody history comes from
// seed-custody.ts on the same timeline. About 100,000 boxes,
// 1,000,000 loans and 5,000,000 audit entries in minutes instead of hours.
import type { Db } from '../db/connection';
import { DOC_CATEGORIES } from '../electron/core/enums';
import type { LoanRow, Location } from '../db/schema';
import { fillCodePattern, numberCode } from '../electron/core/contract/box-code-pattern';
import { diffFields, entryHash, GENESIS_HASH } from '../electron/server/services/audit';
import { retentionEnd } from '../electron/server/services/retention';
import { rebuildSearchIndex } from '../electron/server/services/search-index';
import { DEFAULT_SETTINGS } from '../electron/server/services/settings';
import type { AuditAction, AuditEntity } from '../electron/core/contract/audit';
import { scheduleCustody, type CustodyCounts } from './seed-custody';

export interface BulkOptions {
  boxes: number;
  loans: number;
  seed: number;
  /** The accounts made by setup and seed.ts, by role. */
  users: { custodian: number; clerk: number; manager: number; auditor: number };
  names: Record<number, string>;
  progress?: (line: string) => void;
}

/** The seeded decade: boxes from FIRST_DAY, loans from a year later, everything ends at LAST_DAY. */
const FIRST_DAY = Date.UTC(2016, 0, 4, 1, 0, 0);
const LAST_DAY = Date.UTC(2026, 10, 20, 9, 0, 0);
const LOANS_FROM = Date.UTC(2017, 0, 3, 1, 0, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Office hours in China (UTC+8): local calendar days are what due dates count. */
const localDay = (ms: number): string => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
const iso = (ms: number): string => new Date(ms).toISOString();

/** mulberry32: small, fast and the same on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = ['上海', '北京', '广州', '深圳', '杭州', '南京', '成都', '武汉', '苏州', '重庆', '西安', '长沙', '天津', '青岛', '厦门', '宁波'];
const BRANDS = [
  '万达',
  '海底捞',
  '星巴克',
  '优衣库',
  '屈臣氏',
  '喜茶',
  '西贝',
  '名创',
  '周大福',
  '华为',
  '小米',
  '太平鸟',
  '安踏',
  '李宁',
  '老凤祥',
  '必胜客',
  '肯德基',
  '外婆家',
  '绿茶',
  '奈雪',
  '元气',
  '鲜丰',
  '百果园',
  '永辉',
  '大润发',
  '苏宁',
  '国美',
  '良品',
  '三只松鼠',
  '来伊份',
  '蜜雪',
  '瑞幸',
  '古茗',
  '茶百道',
  '太二',
  '九毛九',
  '巴奴',
  '木屋',
  '眼镜城',
  '新华书店',
];
const TRADES_CATERING = ['餐饮管理', '餐饮', '食品', '茶饮', '咖啡'];
const TRADES_OTHER = ['服饰', '商贸', '珠宝', '电子科技', '化妆品', '体育用品', '百货', '家居', '教育科技', '眼镜'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '欧阳', '司马'];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '建国',
  '晓东',
  '子涵',
  '一鸣',
];
const DEPARTMENTS = ['工程部', '财务部', '招商部', '营运部', '法务部', '物业部', '安保部', '市场部', '人事行政部'];
const PURPOSES = ['续租谈判查阅合同', '消防检查备查', '装修审批核对图纸', '财务审计抽查', '法律纠纷取证', '租户退场结算', '年度检查', '证照到期核对'];
const FLOORS = ['B1', 'L1', 'L2', 'L3', 'L4', 'L5', 'L6'];
const DOC_TITLES: Record<(typeof DOC_CATEGORIES)[number], string[]> = {
  a: ['租户基本情况记录表'],
  b: ['消防验收单', '消防安全责任书'],
  c: ['装修申请资料', '装修竣工验收记录'],
  d: ['巡场记录表', '整改通知书'],
  e: ['油烟管道清洗合同备案', '四害消杀合同备案', '油烟管道清洁记录'],
  f: ['工作联系函'],
  g: ['租赁合同复印件', '营业执照复印件'],
};
const OTHER_KINDS = ['personnel', 'work_log', 'letters', 'other'] as const;
const OTHER_TITLES: Record<(typeof OTHER_KINDS)[number], string> = { personnel: '人事档案', work_log: '工作日志', letters: '对外发函', other: '通知汇编' };

/** A binary min-heap of future events by time; ties keep insertion order so runs are repeatable. */
class Timeline {
  private items: { at: number; n: number; run: () => void }[] = [];
  private n = 0;
  get size(): number {
    return this.items.length;
  }
  peek(): number {
    return this.items.length ? this.items[0].at : Infinity;
  }
  push(at: number, run: () => void): void {
    const items = this.items;
    items.push({ at, n: this.n++, run });
    let i = items.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(items[i], items[p])) break;
      [items[i], items[p]] = [items[p], items[i]];
      i = p;
    }
  }
  pop(): () => void {
    const items = this.items;
    const top = items[0];
    const last = items.pop()!;
    if (items.length) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(items[l], items[m])) m = l;
        if (r < items.length && this.less(items[r], items[m])) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m], items[i]];
        i = m;
      }
    }
    return top.run;
  }
  private less(a: { at: number; n: number }, b: { at: number; n: number }): boolean {
    return a.at < b.at || (a.at === b.at && a.n < b.n);
  }
}

/**
 * Secondary indexes and triggers of the big tables are dropped during the load and made again
 * from their own SQL after: one sort beats 5M random inserts, and the audit log's guard trigger
 * costs a lookup per row (the seed numbers entries itself).
 */
function withoutIndexes(db: Db, tables: string[], load: () => void): void {
  const sqlite = db.$client;
  const marks = tables.map(() => '?').join(',');
  const objects = sqlite
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN (${marks})`)
    .all(...tables) as { type: string; name: string; sql: string }[];
  for (const { type, name } of objects) sqlite.exec(`DROP ${type.toUpperCase()} "${name}"`);
  load();
  for (const { sql } of objects) sqlite.exec(sql);
}

export interface BulkCounts extends CustodyCounts {
  owners: number;
  boxes: number;
  documents: number;
  moves: number;
  loans: number;
  renewals: number;
  incidents: number;
  audit: number;
}

export function seedBulk(db: Db, options: BulkOptions): BulkCounts {
  const sqlite = db.$client;
  const rand = prng(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const personName = () => pick(SURNAMES) + pick(GIVEN);
  const { custodian, clerk, manager, auditor } = options.users;

  const insert = {
    owner:
      sqlite.prepare(`INSERT INTO owners (id, name, unit_no, floor, business_type, contact_person, phone, lease_start, move_out_date, note, created_at, updated_at)
      VALUES (@id, @name, @unitNo, @floor, @businessType, @contactPerson, @phone, @leaseStart, @moveOutDate, @note, @createdAt, @updatedAt)`),
    box: sqlite.prepare(`INSERT INTO boxes (id, code, kind, title, owner_id, volume, year_from, year_to, room, cabinet, shelf, position, confidentiality,
      retention_class, retention_years, retention_start, status, note, created_by, created_at, updated_at)
      VALUES (@id, @code, @kind, @title, @ownerId, @volume, @yearFrom, @yearTo, @room, @cabinet, @shelf, @position, @confidentiality,
      @retentionClass, @retentionYears, @retentionStart, @status, @note, @createdBy, @createdAt, @updatedAt)`),
    document: sqlite.prepare(`INSERT INTO box_documents (id, box_id, doc_date, title, category, pages, note, created_by, created_at)
      VALUES (@id, @boxId, @docDate, @title, @category, @pages, @note, @createdBy, @createdAt)`),
    move: sqlite.prepare(`INSERT INTO box_moves (box_id, from_location, to_location, reason, moved_by, moved_at) VALUES (?, ?, ?, ?, ?, ?)`),
    boxLocation: sqlite.prepare(`UPDATE boxes SET room = ?, cabinet = ?, shelf = ?, position = ?, updated_at = ? WHERE id = ?`),
    boxStatus: sqlite.prepare(`UPDATE boxes SET status = ?, updated_at = ? WHERE id = ?`),
    loan: sqlite.prepare(`INSERT INTO loans (id, loan_no, box_id, borrower_user_id, borrower_name, borrower_department, borrower_phone, purpose, loan_type, days,
      copy_requested, copy_allowed, note, status, requested_at, requested_by, decided_at, decided_by, decision_reason, handed_out_at, handed_out_by, due_date,
      returned_at, received_by, return_condition)
      VALUES (@id, @loanNo, @boxId, @borrowerUserId, @borrowerName, @borrowerDepartment, @borrowerPhone, @purpose, @loanType, @days,
      @copyRequested, @copyAllowed, @note, @status, @requestedAt, @requestedBy, @decidedAt, @decidedBy, @decisionReason, @handedOutAt, @handedOutBy, @dueDate,
      @returnedAt, @receivedBy, @returnCondition)`),
    renewal:
      sqlite.prepare(`INSERT INTO loan_renewals (id, loan_id, days, reason, status, requested_at, requested_by, decided_at, decided_by, decision_reason, new_due_date)
      VALUES (@id, @loanId, @days, @reason, @status, @requestedAt, @requestedBy, @decidedAt, @decidedBy, @decisionReason, @newDueDate)`),
    incident:
      sqlite.prepare(`INSERT INTO incidents (id, box_id, loan_id, kind, description, responsible, follow_up, missing_document_ids, status, created_at, created_by, closed_at, closed_by, resolution)
      VALUES (@id, @boxId, @loanId, @kind, @description, @responsible, @followUp, @missingDocumentIds, @status, @createdAt, @createdBy, @closedAt, @closedBy, @resolution)`),
    audit: sqlite.prepare(`INSERT INTO audit_log (seq, at, actor_id, actor_name, action, entity, entity_id, box_code, changes, prev_hash, hash)
      VALUES (@seq, @at, @actorId, @actorName, @action, @entity, @entityId, @boxCode, @changes, @prevHash, @hash)`),
    counter: sqlite.prepare(`INSERT INTO code_counters (prefix, last) VALUES (?, ?) ON CONFLICT(prefix) DO UPDATE SET last = excluded.last`),
  };
  const bool = (b: boolean) => (b ? 1 : 0);

  // The chain continues from whatever setup and the accounts wrote.
  const head = sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  function audit(
    at: number,
    who: number,
    action: AuditAction,
    entity: AuditEntity,
    entityId: number,
    boxCode: string | null,
    before: unknown,
    after: unknown,
  ): void {
    const row = {
      seq: ++seq,
      at: iso(at),
      actorId: who,
      actorName: options.names[who],
      action,
      entity,
      entityId: String(entityId),
      boxCode,
      changes: JSON.stringify(diffFields(before, after)),
      // Seeded as this PC's own window: no desk, as the INSERT leaves the columns.
      clientAddress: null,
      clientName: null,
      prevHash,
    };
    prevHash = entryHash(row);
    insert.audit.run({ ...row, hash: prevHash });
  }

  const counts = { owners: 0, boxes: 0, documents: 0, moves: 0, loans: 0, renewals: 0, incidents: 0, audit: 0 };
  const boxCodes: string[] = [''];
  const boxDocs = { first: new Int32Array(options.boxes + 1), count: new Int8Array(options.boxes + 1) };
  /** When a box is next free to lend: busy while a loan runs and until its open incident closes. */
  const boxFreeAt = new Float64Array(options.boxes + 1);
  /** Boxes handed out and not back: not on the shelf for an inspection or a custody order. */
  const onLoan = new Uint8Array(options.boxes + 1);
  const locations: Location[] = [];
  const expiring: { id: number; end: string }[] = [];
  const counters = new Map<string, number>();
  const timeline = new Timeline();
  const outAtEnd: number[] = [];
  /** Loans nobody brought back: still out, long overdue, when the seeded decade ends. */
  const neverReturned: (() => void)[] = [];

  function createBox(i: number, at: number): void {
    const id = i + 1;
    const kind = i % 20 === 7 ? pick(OTHER_KINDS) : 'tenant';
    const catering = rand() < 0.35;
    const floor = pick(FLOORS);
    const leaseYear = Math.min(2026, new Date(at).getUTCFullYear() - int(0, 3));
    const moveOut = rand() < 0.2 ? localDay(at + int(200, 2500) * DAY) : null;
    const moveOutDate = moveOut && moveOut < localDay(LAST_DAY) ? moveOut : null;
    const created = iso(at);
    let ownerId: number | null = null;
    let name = '';
    if (kind === 'tenant') {
      name = `${pick(CITIES)}${pick(BRANDS)}${pick(catering ? TRADES_CATERING : TRADES_OTHER)}有限公司`;
      ownerId = ++counts.owners;
      const owner = {
        id: ownerId,
        name,
        unitNo: `${floor}-${pad(int(1, 180), 3)}`,
        floor,
        businessType: catering ? 'catering' : 'non_catering',
        contactPerson: personName(),
        phone: `13${pad(int(0, 999999999), 9)}`,
        leaseStart: `${leaseYear}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`,
        moveOutDate,
        note: '',
        createdAt: created,
        updatedAt: created,
      };
      insert.owner.run(owner);
      audit(at, custodian, 'owner-create', 'owner', ownerId, null, null, owner);
    }
    const year = new Date(at + 8 * HOUR).getUTCFullYear();
    const stem = fillCodePattern(DEFAULT_SETTINGS.codePattern, DEFAULT_SETTINGS.kindPrefixes[kind], year);
    const n = (counters.get(stem) ?? 0) + 1;
    counters.set(stem, n);
    const code = numberCode(stem, n);
    boxCodes.push(code);
    // The office's own yearly files come in up to nine years after their year (the backlog boxed
    // when the register began), so a decade-old archive has boxes past their ten years.
    const fileYear = kind === 'tenant' ? year : year - int(0, 9);
    const box = {
      id,
      code,
      kind,
      title: kind === 'tenant' ? `${name}租户档案` : `${fileYear}年度${OTHER_TITLES[kind]}`,
      ownerId,
      volume: 1,
      yearFrom: kind === 'tenant' ? leaseYear : fileYear,
      yearTo: moveOutDate ? Number(moveOutDate.slice(0, 4)) : null,
      room: pick(['一号档案室', '二号档案室']),
      cabinet: `${floor}-${pad(int(1, 40), 2)}`,
      shelf: String(int(1, 6)),
      position: String(int(1, 12)),
      confidentiality: pick(['internal', 'internal', 'secret', 'public'] as const),
      // Tenants' files run from the move-out; the office's own keep the order's minimum from their
      // year's end (人事 定期30年, the rest 定期10年).
      retentionClass: kind === 'tenant' ? pick(['y10', 'y10', 'y30', 'permanent'] as const) : kind === 'personnel' ? ('y30' as const) : ('y10' as const),
      retentionYears: null,
      retentionStart: kind === 'tenant' ? moveOutDate : `${fileYear}-12-31`,
      status: 'in_stock',
      note: '',
      createdBy: custodian,
      createdAt: created,
      updatedAt: created,
    };
    insert.box.run(box);
    const location = { room: box.room, cabinet: box.cabinet, shelf: box.shelf, position: box.position };
    locations[id] = location;
    const end = retentionEnd(box);
    if (end !== null && end <= localDay(LAST_DAY)) expiring.push({ id, end });
    insert.move.run(id, null, JSON.stringify(location), '入库登记', custodian, created);
    counts.moves++;
    audit(at, custodian, 'box-create', 'box', id, code, null, box);
    const docs = kind === 'tenant' ? int(3, 9) : int(1, 4);
    boxDocs.first[id] = counts.documents + 1;
    boxDocs.count[id] = docs;
    for (let d = 0; d < docs; d++) {
      const category = pick(catering ? DOC_CATEGORIES : DOC_CATEGORIES.filter((c) => c !== 'e'));
      const doc = {
        id: ++counts.documents,
        boxId: id,
        docDate: localDay(at - int(0, 900) * DAY),
        title: pick(DOC_TITLES[category]),
        category,
        pages: int(1, 40),
        note: '',
        createdBy: custodian,
        createdAt: iso(at + (d + 1) * 60_000),
      };
      insert.document.run(doc);
      audit(at + (d + 1) * 60_000, custodian, 'box-document-add', 'box-document', id, code, null, doc);
    }
    // One box in ten is moved to another shelf later on.
    if (rand() < 0.1) {
      const when = at + int(30, 900) * DAY;
      if (when < LAST_DAY)
        timeline.push(when, () => {
          const to = {
            room: pick(['一号档案室', '二号档案室']),
            cabinet: `${pick(FLOORS)}-${pad(int(1, 40), 2)}`,
            shelf: String(int(1, 6)),
            position: String(int(1, 12)),
          };
          insert.boxLocation.run(to.room, to.cabinet, to.shelf, to.position, iso(when), id);
          locations[id] = to;
          insert.move.run(id, JSON.stringify(location), JSON.stringify(to), '档案室整理调架', custodian, iso(when));
          counts.moves++;
          audit(when, custodian, 'box-move', 'box', id, code, location, { ...to, reason: '档案室整理调架' });
        });
    }
  }

  /** JY-2026-0001 for loans under 'loan:', YJ/XH forms under 'form:' — the keys the services count with. */
  function takeNo(kind: 'loan' | 'form', prefix: string, at: number): string {
    const year = localDay(at).slice(0, 4);
    const key = `${kind}:${prefix}-${year}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return `${prefix}-${year}-${pad(n, 4)}`;
  }
  const takeLoanNo = (at: number) => takeNo('loan', 'JY', at);

  /** One loan's life: request, decision, hand-out, renewals, return — each step scheduled at its own time. */
  function requestLoan(at: number, boxesSoFar: number): void {
    let boxId = 0;
    for (let tries = 0; tries < 8 && !boxId; tries++) {
      const candidate = 1 + Math.floor(rand() * boxesSoFar);
      if (boxFreeAt[candidate] <= at) boxId = candidate;
    }
    if (!boxId) return;
    const code = boxCodes[boxId];
    const id = ++counts.loans;
    const byAccount = rand() < 0.15;
    const loanType = rand() < 0.7 ? 'short' : 'long';
    const days = loanType === 'short' ? int(1, 3) : int(4, 7);
    const copyRequested = rand() < 0.3;
    let loan: LoanRow = {
      id,
      loanNo: takeLoanNo(at),
      boxId,
      borrowerUserId: byAccount ? pick([auditor, clerk]) : null,
      borrowerName: byAccount ? '' : personName(),
      borrowerDepartment: pick(DEPARTMENTS),
      borrowerPhone: byAccount ? '' : `13${pad(int(0, 999999999), 9)}`,
      purpose: pick(PURPOSES),
      loanType,
      days,
      copyRequested,
      copyAllowed: false,
      note: '',
      status: 'requested',
      requestedAt: iso(at),
      requestedBy: clerk,
      decidedAt: null,
      decidedBy: null,
      decisionReason: '',
      handedOutAt: null,
      handedOutBy: null,
      dueDate: null,
      returnedAt: null,
      receivedBy: null,
      returnCondition: null,
      imported: false,
      paperApprover: '',
      paperHandler: '',
    };
    if (byAccount) loan.borrowerName = options.names[loan.borrowerUserId!];
    boxFreeAt[boxId] = Infinity;
    audit(at, clerk, 'loan-request', 'loan', id, code, null, loan);
    const finish = () => {
      insert.loan.run({ ...loan, copyRequested: bool(loan.copyRequested), copyAllowed: bool(loan.copyAllowed) });
    };
    const step = (when: number, run: () => void) => {
      if (when > LAST_DAY) {
        finish();
        if (loan.status === 'out') outAtEnd.push(boxId);
      } else timeline.push(when, run);
    };
    const set = (fields: Partial<LoanRow>) => {
      const before = loan;
      loan = { ...loan, ...fields };
      return before;
    };
    const decidedAt = at + int(10, 240) * 60_000;
    step(decidedAt, () => {
      if (rand() < 0.04) {
        const before = set({ status: 'rejected', decidedAt: iso(decidedAt), decidedBy: manager, decisionReason: '涉密档案，请走专项审批' });
        audit(decidedAt, manager, 'loan-reject', 'loan', id, code, before, loan);
        boxFreeAt[boxId] = decidedAt;
        return finish();
      }
      const before = set({
        status: 'approved',
        copyAllowed: copyRequested && rand() < 0.7,
        decidedAt: iso(decidedAt),
        decidedBy: manager,
        decisionReason: '同意',
      });
      audit(decidedAt, manager, 'loan-approve', 'loan', id, code, before, loan);
      const outAt = decidedAt + int(5, 120) * 60_000;
      step(outAt, () => {
        if (rand() < 0.02) {
          const before = set({ status: 'cancelled' });
          audit(outAt, clerk, 'loan-cancel', 'loan', id, code, before, loan);
          boxFreeAt[boxId] = outAt;
          return finish();
        }
        let due = localDay(outAt + days * DAY);
        const before = set({ status: 'out', handedOutAt: iso(outAt), handedOutBy: custodian, dueDate: due });
        onLoan[boxId] = 1;
        audit(outAt, custodian, 'loan-hand-out', 'loan', id, code, { ...before, boxStatus: 'in_stock' }, { ...loan, boxStatus: 'on_loan' });
        let renewals = rand() < 0.12 ? int(1, 2) : 0;
        const scheduleReturn = (from: number) => {
          if (rand() < 0.0005) return void neverReturned.push(() => (finish(), outAtEnd.push(boxId)));
          // Most come back on time; one in twenty is late by up to two weeks.
          const backAt =
            rand() < 0.05
              ? Date.parse(`${due}T02:00:00Z`) + int(1, 14) * DAY
              : from + int(2, 30) * HOUR + Math.floor(rand() * Math.max(1, Date.parse(`${due}T02:00:00Z`) - from));
          step(backAt, () => {
            const roll = rand();
            const condition = roll < 0.015 ? 'damaged' : roll < 0.02 ? 'documents_missing' : 'intact';
            const before = set({ status: 'returned', returnedAt: iso(backAt), receivedBy: custodian, returnCondition: condition });
            audit(backAt, custodian, 'loan-return', 'loan', id, code, { ...before, boxStatus: 'on_loan' }, { ...loan, boxStatus: 'in_stock' });
            finish();
            boxFreeAt[boxId] = backAt;
            onLoan[boxId] = 0;
            if (condition !== 'intact') openIncident(backAt, id, boxId, condition);
          });
        };
        const scheduleRenewal = (from: number) => {
          const dueAt = Date.parse(`${due}T01:00:00Z`);
          const askAt = Math.max(from + HOUR, dueAt - DAY);
          if (renewals-- <= 0 || askAt >= dueAt) return scheduleReturn(from);
          step(askAt, () => {
            const renewal = {
              id: ++counts.renewals,
              loanId: id,
              days: int(1, days),
              reason: '资料核对未完成',
              status: 'requested' as 'requested' | 'approved',
              requestedAt: iso(askAt),
              requestedBy: clerk,
              decidedAt: null as string | null,
              decidedBy: null as number | null,
              decisionReason: '',
              newDueDate: null as string | null,
            };
            audit(askAt, clerk, 'loan-renewal-request', 'loan', id, code, null, renewal);
            const okAt = askAt + int(10, 120) * 60_000;
            const decide = () => {
              const newDue = localDay(Date.parse(`${due}T01:00:00Z`) + renewal.days * DAY);
              const decided = {
                ...renewal,
                status: 'approved' as const,
                decidedAt: iso(okAt),
                decidedBy: manager,
                decisionReason: '同意续借',
                newDueDate: newDue,
              };
              audit(okAt, manager, 'loan-renewal-approve', 'loan', id, code, { ...renewal, dueDate: due }, { ...decided, dueDate: newDue });
              insert.renewal.run(decided);
              set({ dueDate: newDue });
              due = newDue;
              scheduleRenewal(okAt);
            };
            if (okAt > LAST_DAY) insert.renewal.run(renewal);
            step(okAt, decide);
          });
        };
        scheduleRenewal(outAt);
      });
    });
  }

  function openIncident(at: number, loanId: number, boxId: number, kind: 'damaged' | 'documents_missing'): void {
    const missing = kind === 'documents_missing' ? [boxDocs.first[boxId] + Math.floor(rand() * boxDocs.count[boxId])] : [];
    const incident = {
      id: ++counts.incidents,
      boxId,
      loanId,
      kind,
      description: kind === 'damaged' ? '盒体受潮，部分页面卷边' : '归还时缺少卷内文件',
      responsible: personName(),
      followUp: '责任人限期补交或修复',
      missingDocumentIds: missing,
      status: 'open' as 'open' | 'closed',
      createdAt: iso(at),
      createdBy: custodian,
      closedAt: null as string | null,
      closedBy: null as number | null,
      resolution: '',
    };
    audit(at, custodian, 'incident-open', 'incident', incident.id, boxCodes[boxId], null, incident);
    const closeAt = at + int(2, 20) * DAY;
    boxFreeAt[boxId] = Math.min(closeAt, LAST_DAY + DAY);
    const store = (row: typeof incident) => insert.incident.run({ ...row, missingDocumentIds: JSON.stringify(row.missingDocumentIds) });
    if (closeAt > LAST_DAY) return void store(incident);
    timeline.push(closeAt, () => {
      const closed = { ...incident, status: 'closed' as const, closedAt: iso(closeAt), closedBy: custodian, resolution: '已修复并归档' };
      audit(closeAt, custodian, 'incident-close', 'incident', incident.id, boxCodes[boxId], incident, closed);
      store(closed);
    });
  }

  const boxEvery = (LAST_DAY - 30 * DAY - FIRST_DAY) / options.boxes;
  const loanEvery = (LAST_DAY - LOANS_FROM) / Math.max(1, options.loans);
  let nextBox = 0;
  let nextLoan = 0;
  const boxTime = (i: number) => FIRST_DAY + Math.floor(i * boxEvery);
  const loanTime = (i: number) => LOANS_FROM + Math.floor(i * loanEvery);
  const started = Date.now();
  const custody = scheduleCustody({
    db,
    boxes: options.boxes,
    firstDay: FIRST_DAY,
    lastDay: LAST_DAY,
    rand,
    int,
    pick,
    personName,
    audit,
    schedule: (at, run) => timeline.push(at, run),
    takeFormNo: (prefix, at) => takeNo('form', prefix, at),
    catalogued: () => nextBox,
    codes: boxCodes,
    itemCount: (boxId) => boxDocs.count[boxId],
    freeAt: boxFreeAt,
    onLoan,
    locations,
    expiring,
    users: { custodian, manager },
    names: options.names,
  });

  // A seed that dies half-way is simply run again: no journal, no fsync, no FK checks while loading
  // (checked once at the end), a big page cache. The app's own settings come back afterwards.
  sqlite.pragma('journal_mode=DELETE');
  sqlite.pragma('journal_mode=OFF');
  sqlite.pragma('synchronous=OFF');
  sqlite.pragma('foreign_keys=OFF');
  sqlite.pragma('cache_size=-262144');
  withoutIndexes(db, ['audit_log', 'loans', 'box_documents', 'box_moves', 'loan_renewals', 'incidents', 'inspection_items', 'follow_ups'], () => {
    const batch = sqlite.transaction(() => {
      for (let k = 0; k < 50_000; k++) {
        const tBox = nextBox < options.boxes ? boxTime(nextBox) : Infinity;
        const tLoan = nextLoan < options.loans ? loanTime(nextLoan) : Infinity;
        const tEvent = timeline.peek();
        if (tBox === Infinity && tLoan === Infinity && tEvent === Infinity) return false;
        if (tEvent <= tBox && tEvent <= tLoan) timeline.pop()();
        else if (tBox <= tLoan) createBox(nextBox++, tBox);
        else {
          const at = tLoan;
          nextLoan++;
          // Only boxes already catalogued can be lent.
          const catalogued = Math.min(nextBox, Math.floor((at - FIRST_DAY) / boxEvery));
          if (catalogued > 0) requestLoan(at, catalogued);
        }
      }
      return true;
    });
    while (batch()) options.progress?.(`${nextBox} boxes, ${counts.loans} loans, ${seq} audit entries, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    sqlite.transaction(() => {
      for (const finish of neverReturned) finish();
      const at = iso(LAST_DAY);
      for (const boxId of outAtEnd) insert.boxStatus.run('on_loan', at, boxId);
      for (const [key, last] of counters) insert.counter.run(key, last);
      options.progress?.('search indexes');
      rebuildSearchIndex(db);
    })();
    options.progress?.('indexes');
  });
  const broken = sqlite.pragma('foreign_key_check') as unknown[];
  if (broken.length) throw new Error(`seed broke ${broken.length} foreign keys`);
  sqlite.pragma('foreign_keys=ON');
  sqlite.pragma('synchronous=FULL');
  sqlite.pragma('journal_mode=WAL');
  counts.boxes = nextBox;
  counts.audit = seq;
  return { ...counts, ...custody };
}
