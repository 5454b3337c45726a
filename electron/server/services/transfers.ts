import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import { preparedOnce } from '../../../db/prepared';
import { boxes, transferBoxes, transfers, users, type BoxRow, type TransferRow } from '../../../db/schema';
import { AppError } from '../../core/contract/errors';
import { personKey } from '../../core/contract/person-names';
import {
  PERSONNEL_COLLECTION_DAYS,
  type signOffParty,
  type Transfer,
  type transferCreateInput,
  type transferDecisionInput,
  type transferListInput,
  type transferSignOffCheckInput,
  type transferSignOffInput,
  type TransferSummary,
} from '../../core/contract/transfers';
import { nowIso, type Actor } from './actor';
import type { AuditEntry } from './audit';
import { itemCounts, takeFormNo } from './form-numbers';
import { addDays, localDate } from './local-date';
import { checkAccountPassword } from './password-throttle';
import { mutate } from './transaction';
import { getUser, lockedError } from './users';

/** A box is on at most one order that has not ended. */
const OPEN_STATUSES = ['requested', 'approved'] as const;

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

function transferQuery(db: Db) {
  return db
    .select({ t: transfers, requestedByName: requester.displayName, decidedByName: decider.displayName })
    .from(transfers)
    .innerJoin(requester, eq(requester.id, transfers.requestedBy))
    .leftJoin(decider, eq(decider.id, transfers.decidedBy));
}
type TransferQueryRow = ReturnType<ReturnType<typeof transferQuery>['all']>[number];

function summaryOf({ t, requestedByName, decidedByName }: TransferQueryRow, boxCount: number, today: string): TransferSummary {
  const collectBy = t.personnelMoveDate ? addDays(t.personnelMoveDate, PERSONNEL_COLLECTION_DAYS) : null;
  return {
    id: t.id,
    transferNo: t.transferNo,
    fromDepartment: t.fromDepartment,
    toDepartment: t.toDepartment,
    reason: t.reason,
    personnelMoveDate: t.personnelMoveDate,
    collectBy,
    collectOverdue: collectBy !== null && OPEN_STATUSES.some((s) => s === t.status) && collectBy < today,
    status: t.status,
    requestedAt: t.requestedAt,
    requestedById: t.requestedBy,
    requestedByName,
    decidedAt: t.decidedAt,
    decidedByName,
    decisionReason: t.decisionReason,
    cancelledAt: t.cancelledAt,
    signedAt: t.signedAt,
    boxCount,
    handoverName: t.handoverName,
    receiverName: t.receiverName,
  };
}

export function getTransfer(db: Db, id: number): Transfer {
  const row = transferQuery(db).where(eq(transfers.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND');
  const list = db
    .select({ tb: transferBoxes, code: boxes.code, title: boxes.title, kind: boxes.kind, status: boxes.status })
    .from(transferBoxes)
    .innerJoin(boxes, eq(boxes.id, transferBoxes.boxId))
    .where(eq(transferBoxes.transferId, id))
    .orderBy(transferBoxes.id)
    .all()
    .map(({ tb, ...box }) => ({ boxId: tb.boxId, itemCount: tb.itemCount, remarks: tb.remarks, ...box }));
  const { boxCount: _, handoverName, receiverName, ...summary } = summaryOf(row, list.length, localDate());
  const t = row.t;
  return {
    ...summary,
    handover: handoverName === null ? null : { userId: t.handoverUserId, name: handoverName, signature: t.handoverSignature },
    receiver: receiverName === null ? null : { userId: t.receiverUserId, name: receiverName, signature: t.receiverSignature },
    boxes: list,
  };
}

export function listTransfers(db: Db, input: z.output<typeof transferListInput>): { rows: TransferSummary[]; nextCursor: number | null } {
  const where: (SQL | undefined)[] = [input.status && eq(transfers.status, input.status), input.cursor ? lt(transfers.id, input.cursor) : undefined];
  const rows = transferQuery(db)
    .where(and(...where))
    .orderBy(desc(transfers.id))
    .limit(input.limit + 1)
    .all();
  const page = rows.slice(0, input.limit);
  const ids = page.map((r) => r.t.id);
  const counts = new Map<number, number>();
  if (ids.length)
    for (const tb of db.select({ transferId: transferBoxes.transferId }).from(transferBoxes).where(inArray(transferBoxes.transferId, ids)).all())
      counts.set(tb.transferId, (counts.get(tb.transferId) ?? 0) + 1);
  const today = localDate();
  return { rows: page.map((r) => summaryOf(r, counts.get(r.t.id) ?? 0, today)), nextCursor: rows.length > input.limit ? page[page.length - 1].t.id : null };
}

/** The transfer orders not yet signed off, rejected or cancelled that list the box (at most one, but for the order being edited). */
export function openTransfersOf(tx: Db, boxId: number): { id: number; transferNo: string }[] {
  return preparedOnce(tx, 'box-open-transfers', (d) =>
    d
      .select({ id: transfers.id, transferNo: transfers.transferNo })
      .from(transferBoxes)
      .innerJoin(transfers, eq(transfers.id, transferBoxes.transferId))
      .where(and(eq(transferBoxes.boxId, sql.placeholder('boxId')), inArray(transfers.status, OPEN_STATUSES)))
      .prepare(),
  ).all({ boxId });
}

/** A box on loan, or already transferred, pending destruction, destroyed or missing, cannot be handed over. */
function assertTransferable(tx: Db, box: BoxRow, exceptTransferId?: number): void {
  if (box.status === 'on_loan') throw new AppError('TRANSFER_BOX_ON_LOAN', { params: { code: box.code } });
  if (box.status !== 'in_stock') throw new AppError('TRANSFER_BOX_UNAVAILABLE', { params: { code: box.code, status: box.status } });
  const open = openTransfersOf(tx, box.id).find((t) => t.id !== exceptTransferId);
  if (open) throw new AppError('TRANSFER_BOX_BUSY', { params: { code: box.code, transferNo: open.transferNo } });
}

const transferAudit = (action: AuditEntry['action'], before: unknown, after: TransferRow): AuditEntry => ({
  action,
  entity: 'transfer',
  entityId: after.id,
  before,
  // Drawn signatures are kept on the record, not copied into the log: it notes only that one was given.
  after: { ...after, handoverSignature: after.handoverSignature ? 'png' : null, receiverSignature: after.receiverSignature ? 'png' : null },
});

export function createTransfer(db: Db, actor: Actor, input: z.output<typeof transferCreateInput>): Transfer {
  const id = mutate(db, actor, (tx) => {
    const found = tx.select().from(boxes).where(inArray(boxes.code, input.boxCodes)).all();
    const byCode = new Map(found.map((b) => [b.code, b]));
    const list = input.boxCodes.map((code) => {
      const box = byCode.get(code);
      if (!box) throw new AppError('NOT_FOUND', { params: { code } });
      assertTransferable(tx, box);
      return box;
    });
    const counts = itemCounts(
      tx,
      list.map((b) => b.id),
    );
    const row = tx
      .insert(transfers)
      .values({
        transferNo: takeFormNo(tx, 'YJ'),
        fromDepartment: input.fromDepartment,
        toDepartment: input.toDepartment,
        reason: input.reason,
        personnelMoveDate: input.personnelMoveDate,
        requestedAt: nowIso(),
        requestedBy: actor.id ?? 0,
      })
      .returning()
      .get();
    tx.insert(transferBoxes)
      .values(list.map((b) => ({ transferId: row.id, boxId: b.id, itemCount: counts.get(b.id) ?? 0 })))
      .run();
    return { result: row.id, audit: { ...transferAudit('transfer-request', null, row), after: { ...row, boxCodes: input.boxCodes } } };
  });
  return getTransfer(db, id);
}

function getTransferRow(db: Db, id: number): TransferRow {
  const row = db.select().from(transfers).where(eq(transfers.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

const wrongState = (status: string) => new AppError('TRANSFER_WRONG_STATE', { params: { status } });
const setTransfer = (tx: Db, id: number, fields: Partial<TransferRow>) => tx.update(transfers).set(fields).where(eq(transfers.id, id)).returning().get();

export function decideTransfer(db: Db, actor: Actor, input: z.output<typeof transferDecisionInput>): Transfer {
  mutate(db, actor, (tx) => {
    const t = getTransferRow(tx, input.id);
    if (t.status !== 'requested') throw wrongState(t.status);
    if (actor.id === t.requestedBy) throw new AppError('SELF_APPROVAL');
    const after = setTransfer(tx, t.id, {
      status: input.approve ? 'approved' : 'rejected',
      decidedAt: nowIso(),
      decidedBy: actor.id,
      decisionReason: input.reason,
    });
    return { result: null, audit: transferAudit(input.approve ? 'transfer-approve' : 'transfer-reject', t, after) };
  });
  return getTransfer(db, input.id);
}

/** Before sign-off an order can be withdrawn; after it, the boxes have changed hands. */
export function cancelTransfer(db: Db, actor: Actor, id: number): Transfer {
  mutate(db, actor, (tx) => {
    const t = getTransferRow(tx, id);
    if (!OPEN_STATUSES.some((s) => s === t.status)) throw wrongState(t.status);
    const after = setTransfer(tx, id, { status: 'cancelled', cancelledAt: nowIso(), cancelledBy: actor.id });
    return { result: null, audit: transferAudit('transfer-cancel', t, after) };
  });
  return getTransfer(db, id);
}

type Party = z.output<typeof signOffParty>;
interface Signer {
  userId: number | null;
  name: string;
  signature: string | null;
}

/** An account side proves itself with its own password; a disabled or locked account cannot sign. */
async function signerOf(db: Db, party: Party): Promise<Signer> {
  if (party.kind === 'person') return { userId: null, name: party.name, signature: party.signature };
  const user = db.select().from(users).where(eq(users.username, party.username)).get();
  // Counted like a login (the desk cannot be used to guess a password). An unknown user name
  // reads like a wrong password, so the desk cannot probe for accounts.
  const check = await checkAccountPassword(db, user, party.password);
  if (check.outcome === 'locked' && check.lockedNow) throw lockedError(check.minutes);
  if (check.outcome === 'wrong' || !user) throw new AppError('SIGNOFF_BAD_PASSWORD', { params: { name: user?.displayName ?? party.username } });
  if (check.outcome === 'locked' || getUser(db, user.id).disabled) throw new AppError('SIGNOFF_ACCOUNT_UNAVAILABLE', { params: { name: user.displayName } });
  return { userId: user.id, name: user.displayName, signature: null };
}

/** The names a side answers to: a person their name; an account its display name and its user name. */
const namesOf = (db: Db, side: Signer): string[] => (side.userId === null ? [side.name] : [side.name, getUser(db, side.userId).username]);

/** One account twice, or any name of one side that is, letter for letter once look-alikes are folded (personKey), a name of the other. */
function samePerson(db: Db, a: Signer, b: Signer): boolean {
  if (a.userId !== null && a.userId === b.userId) return true;
  const keys = new Set(namesOf(db, a).map(personKey));
  return namesOf(db, b).some((name) => keys.has(personKey(name)));
}

const boxesOnOrder = (tx: Db, transferId: number) =>
  tx.select({ box: boxes }).from(transferBoxes).innerJoin(boxes, eq(boxes.id, transferBoxes.boxId)).where(eq(transferBoxes.transferId, transferId)).all();

/** A side as far as it is known without its password; an unknown user name stays a name, so the check cannot probe for accounts. */
function namedSigner(db: Db, party: z.output<typeof transferSignOffCheckInput>['handover']): Signer {
  if (party.kind === 'person') return { userId: null, name: party.name, signature: null };
  const user = db.select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.username, party.username)).get();
  return user ? { userId: user.id, name: user.displayName, signature: null } : { userId: null, name: party.username, signature: null };
}

/**
 * What the sign-off refuses before any password is tried or signature drawn: the order's state, a
 * box lent out or taken since the approval, one person on both sides. The renderer asks this
 * before its irreversible confirmation; the sign-off itself checks all of it again.
 */
export function checkSignOff(db: Db, input: z.output<typeof transferSignOffCheckInput>): null {
  const t = getTransferRow(db, input.id);
  if (t.status === 'requested') throw new AppError('TRANSFER_NOT_APPROVED');
  if (t.status !== 'approved') throw wrongState(t.status);
  for (const { box } of boxesOnOrder(db, t.id)) assertTransferable(db, box, t.id);
  if (samePerson(db, namedSigner(db, input.handover), namedSigner(db, input.receiver))) throw new AppError('SIGNOFF_SAME_PERSON');
  return null;
}

/**
 * Both sides sign at the same desk (§4.7.2 "由双方经办人当场签字"); then every box is 已移交 and
 * held by the receiving department. Statuses are checked again inside the transaction: a box lent
 * out since the approval stops the sign-off.
 */
export async function signOffTransfer(db: Db, actor: Actor, input: z.output<typeof transferSignOffInput>): Promise<Transfer> {
  const before = getTransferRow(db, input.id);
  if (before.status === 'requested') throw new AppError('TRANSFER_NOT_APPROVED');
  if (before.status !== 'approved') throw wrongState(before.status);
  const handover = await signerOf(db, input.handover);
  const receiver = await signerOf(db, input.receiver);
  if (samePerson(db, handover, receiver)) throw new AppError('SIGNOFF_SAME_PERSON');
  mutate(db, actor, (tx) => {
    const t = getTransferRow(tx, input.id);
    if (t.status !== 'approved') throw wrongState(t.status);
    const list = boxesOnOrder(tx, t.id);
    for (const { box } of list) assertTransferable(tx, box, t.id);
    const signedAt = nowIso();
    const after = setTransfer(tx, t.id, {
      status: 'signed',
      handoverUserId: handover.userId,
      handoverName: handover.name,
      handoverSignature: handover.signature,
      receiverUserId: receiver.userId,
      receiverName: receiver.name,
      receiverSignature: receiver.signature,
      signedAt,
      signedRecordedBy: actor.id,
    });
    const entries: AuditEntry[] = [transferAudit('transfer-sign-off', t, after)];
    for (const { box } of list) {
      tx.update(boxes).set({ status: 'transferred', custodianDepartment: t.toDepartment, updatedAt: signedAt }).where(eq(boxes.id, box.id)).run();
      entries.push({
        action: 'transfer-sign-off',
        entity: 'box',
        entityId: box.id,
        boxCode: box.code,
        before: { status: box.status, custodianDepartment: box.custodianDepartment },
        after: { status: 'transferred', custodianDepartment: t.toDepartment, transferNo: t.transferNo },
      });
    }
    return { result: null, audit: entries };
  });
  return getTransfer(db, input.id);
}
