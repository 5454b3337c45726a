import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import { boxes, destructionBoxes, destructions, users, type DestructionRow } from '../../../db/schema';
import type {
  Destruction,
  destructionDecisionInput,
  destructionExecuteInput,
  destructionListInput,
  destructionProposeInput,
  DestructionSummary,
} from '../../core/contract/destructions';
import { AppError } from '../../core/contract/errors';
import { personKey } from '../../core/contract/person-names';
import { nowIso, type Actor } from './actor';
import type { AuditEntry } from './audit';
import { itemCounts, takeFormNo } from './form-numbers';
import { heldBoxIds } from './holds';
import { localDate } from './local-date';
import { proposedBoxIds, retentionEnd } from './retention';
import { mutate } from './transaction';

const proposer = alias(users, 'proposer');
const decider = alias(users, 'decider');
const executor = alias(users, 'executor');

function destructionQuery(db: Db) {
  return db
    .select({ d: destructions, proposedByName: proposer.displayName, decidedByName: decider.displayName, executedByName: executor.displayName })
    .from(destructions)
    .innerJoin(proposer, eq(proposer.id, destructions.proposedBy))
    .leftJoin(decider, eq(decider.id, destructions.decidedBy))
    .leftJoin(executor, eq(executor.id, destructions.executedBy));
}
type DestructionQueryRow = ReturnType<ReturnType<typeof destructionQuery>['all']>[number];

function summaryOf({ d, ...names }: DestructionQueryRow, boxCount: number): DestructionSummary {
  return {
    id: d.id,
    registerNo: d.registerNo,
    reason: d.reason,
    status: d.status,
    proposedAt: d.proposedAt,
    proposedById: d.proposedBy,
    proposedByName: names.proposedByName,
    decidedAt: d.decidedAt,
    decidedByName: names.decidedByName,
    decisionReason: d.decisionReason,
    method: d.method,
    methodNote: d.methodNote,
    destroyedOn: d.destroyedOn,
    executorName: d.executorName,
    supervisors: d.supervisor1 !== null && d.supervisor2 !== null ? [d.supervisor1, d.supervisor2] : null,
    executedAt: d.executedAt,
    executedByName: names.executedByName,
    boxCount,
  };
}

export function getDestruction(db: Db, id: number): Destruction {
  const row = destructionQuery(db).where(eq(destructions.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND');
  const list = db
    .select({ db: destructionBoxes, box: boxes })
    .from(destructionBoxes)
    .innerJoin(boxes, eq(boxes.id, destructionBoxes.boxId))
    .where(eq(destructionBoxes.destructionId, id))
    .orderBy(destructionBoxes.id)
    .all()
    .map(({ db: entry, box }) => ({
      boxId: box.id,
      code: box.code,
      title: box.title,
      yearFrom: box.yearFrom,
      yearTo: box.yearTo,
      retentionClass: box.retentionClass,
      retentionYears: box.retentionYears,
      retentionEnd: entry.retentionEnd,
      itemCount: entry.itemCount,
      status: box.status,
    }));
  const { boxCount: _, ...summary } = summaryOf(row, list.length);
  return { ...summary, boxes: list };
}

export function listDestructions(db: Db, input: z.output<typeof destructionListInput>): { rows: DestructionSummary[]; nextCursor: number | null } {
  const where: (SQL | undefined)[] = [input.status && eq(destructions.status, input.status), input.cursor ? lt(destructions.id, input.cursor) : undefined];
  const rows = destructionQuery(db)
    .where(and(...where))
    .orderBy(desc(destructions.id))
    .limit(input.limit + 1)
    .all();
  const page = rows.slice(0, input.limit);
  const ids = page.map((r) => r.d.id);
  const counts = new Map<number, number>();
  if (ids.length)
    for (const e of db.select({ id: destructionBoxes.destructionId }).from(destructionBoxes).where(inArray(destructionBoxes.destructionId, ids)).all())
      counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
  return { rows: page.map((r) => summaryOf(r, counts.get(r.d.id) ?? 0)), nextCursor: rows.length > input.limit ? page[page.length - 1].d.id : null };
}

const destructionAudit = (action: AuditEntry['action'], before: unknown, after: DestructionRow & Record<string, unknown>): AuditEntry => ({
  action,
  entity: 'destruction',
  entityId: after.id,
  before,
  after,
});

function getDestructionRow(db: Db, id: number): DestructionRow {
  const row = db.select().from(destructions).where(eq(destructions.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

const wrongState = (status: string) => new AppError('DESTRUCTION_WRONG_STATE', { params: { status } });
const setDestruction = (tx: Db, id: number, fields: Partial<DestructionRow>) =>
  tx.update(destructions).set(fields).where(eq(destructions.id, id)).returning().get();

function boxesOf(tx: Db, destructionId: number) {
  return tx
    .select({ box: boxes })
    .from(destructionBoxes)
    .innerJoin(boxes, eq(boxes.id, destructionBoxes.boxId))
    .where(eq(destructionBoxes.destructionId, destructionId))
    .all()
    .map((r) => r.box);
}

/** Sets every box of the proposal to a status, one audit entry per box (its record says what ended it). */
function setBoxStatuses(tx: Db, d: DestructionRow, to: 'in_stock' | 'pending_destruction' | 'destroyed', action: AuditEntry['action']): AuditEntry[] {
  const at = nowIso();
  return boxesOf(tx, d.id).map((box) => {
    tx.update(boxes).set({ status: to, updatedAt: at }).where(eq(boxes.id, box.id)).run();
    return { action, entity: 'box', entityId: box.id, boxCode: box.code, before: { status: box.status }, after: { status: to, registerNo: d.registerNo } };
  });
}

function assertNoneHeld(tx: Db, ids: number[], codes: Map<number, string>): void {
  const held = heldBoxIds(tx, ids);
  const first = ids.find((id) => held.has(id));
  if (first !== undefined) throw new AppError('BOX_HELD', { params: { code: codes.get(first) ?? '' } });
}

/**
 * A proposal lists boxes whose retention has run out (domain.md "Destruction"), none held, each
 * in stock and on no other proposal; they wait as 待销毁 until the decision.
 */
export function proposeDestruction(db: Db, actor: Actor, input: z.output<typeof destructionProposeInput>): Destruction {
  const id = mutate(db, actor, (tx) => {
    const found = new Map(
      tx
        .select()
        .from(boxes)
        .where(inArray(boxes.code, input.boxCodes))
        .all()
        .map((b) => [b.code, b]),
    );
    const today = localDate();
    const list = input.boxCodes.map((code) => {
      const box = found.get(code);
      if (!box) throw new AppError('NOT_FOUND', { params: { code } });
      return box;
    });
    const ids = list.map((b) => b.id);
    assertNoneHeld(tx, ids, new Map(list.map((b) => [b.id, b.code])));
    const busy = proposedBoxIds(tx, ids);
    const ends = list.map((box) => {
      if (box.status !== 'in_stock' || busy.has(box.id)) throw new AppError('DESTRUCTION_BOX_UNAVAILABLE', { params: { code: box.code, status: box.status } });
      const end = retentionEnd(box);
      if (end === null || end > today) throw new AppError('RETENTION_NOT_ENDED', { params: { code: box.code, end: end ?? '—' } });
      return end;
    });
    const counts = itemCounts(tx, ids);
    const row = tx
      .insert(destructions)
      .values({ registerNo: takeFormNo(tx, 'XH'), reason: input.reason, proposedAt: nowIso(), proposedBy: actor.id ?? 0 })
      .returning()
      .get();
    tx.insert(destructionBoxes)
      .values(list.map((b, i) => ({ destructionId: row.id, boxId: b.id, itemCount: counts.get(b.id) ?? 0, retentionEnd: ends[i] })))
      .run();
    return {
      result: row.id,
      audit: [
        destructionAudit('destruction-propose', null, { ...row, boxCodes: input.boxCodes }),
        ...setBoxStatuses(tx, row, 'pending_destruction', 'destruction-propose'),
      ],
    };
  });
  return getDestruction(db, id);
}

export function decideDestruction(db: Db, actor: Actor, input: z.output<typeof destructionDecisionInput>): Destruction {
  mutate(db, actor, (tx) => {
    const d = getDestructionRow(tx, input.id);
    if (d.status !== 'proposed') throw wrongState(d.status);
    if (actor.id === d.proposedBy) throw new AppError('SELF_APPROVAL');
    const list = boxesOf(tx, d.id);
    if (input.approve)
      assertNoneHeld(
        tx,
        list.map((b) => b.id),
        new Map(list.map((b) => [b.id, b.code])),
      );
    const after = setDestruction(tx, d.id, {
      status: input.approve ? 'approved' : 'rejected',
      decidedAt: nowIso(),
      decidedBy: actor.id,
      decisionReason: input.reason,
    });
    const entries = [destructionAudit(input.approve ? 'destruction-approve' : 'destruction-reject', d, after)];
    if (!input.approve) entries.push(...setBoxStatuses(tx, d, 'in_stock', 'destruction-reject'));
    return { result: null, audit: entries };
  });
  return getDestruction(db, input.id);
}

export function cancelDestruction(db: Db, actor: Actor, id: number): Destruction {
  mutate(db, actor, (tx) => {
    const d = getDestructionRow(tx, id);
    if (d.status !== 'proposed' && d.status !== 'approved') throw wrongState(d.status);
    const after = setDestruction(tx, id, { status: 'cancelled' });
    return { result: null, audit: [destructionAudit('destruction-cancel', d, after), ...setBoxStatuses(tx, d, 'in_stock', 'destruction-cancel')] };
  });
  return getDestruction(db, id);
}

/**
 * Everything the execution refuses: the proposal's state, one supervisor named twice, a date in the
 * future, a box held since the approval. Run again inside the execution's transaction; the renderer
 * asks it first, before its irreversible confirmation.
 */
export function checkExecution(db: Db, input: z.output<typeof destructionExecuteInput>): DestructionRow {
  const d = getDestructionRow(db, input.id);
  if (d.status === 'proposed') throw new AppError('DESTRUCTION_NOT_APPROVED');
  if (d.status !== 'approved') throw wrongState(d.status);
  const [first, second] = input.supervisors;
  if (personKey(first) === personKey(second)) throw new AppError('SUPERVISOR_DUPLICATE', { params: { name: first } });
  if (input.destroyedOn > localDate()) throw new AppError('VALIDATION', { issues: [{ path: ['destroyedOn'], message: 'v.notInFuture' }] });
  const list = boxesOf(db, d.id);
  assertNoneHeld(
    db,
    list.map((b) => b.id),
    new Map(list.map((b) => [b.id, b.code])),
  );
  return d;
}

/** Records the destruction 《档案销毁清册》: method, date, executor and two different supervisors 监销人. */
export function executeDestruction(db: Db, actor: Actor, input: z.output<typeof destructionExecuteInput>): Destruction {
  mutate(db, actor, (tx) => {
    const d = checkExecution(tx, input);
    const [first, second] = input.supervisors;
    const after = setDestruction(tx, d.id, {
      status: 'executed',
      method: input.method,
      methodNote: input.methodNote,
      destroyedOn: input.destroyedOn,
      executorName: input.executor,
      supervisor1: first,
      supervisor2: second,
      executedAt: nowIso(),
      executedBy: actor.id,
    });
    return { result: null, audit: [destructionAudit('destruction-execute', d, after), ...setBoxStatuses(tx, d, 'destroyed', 'destruction-execute')] };
  });
  return getDestruction(db, input.id);
}
