import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { preparedOnce } from '../../../db/prepared';
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import { auditLog, boxDocuments, boxes, codeCounters, incidents, loans, type BoxRow, type LoanRow } from '../../../db/schema';
import type { AuditEntry } from './audit';
import { AppError } from '../../core/contract/errors';
import { isAccountNamed } from '../../core/contract/person-names';
import type { borrowerInput, Loan, loanDecisionInput, loanRequestInput, loanReturnInput } from '../../core/contract/loans';
import { nowIso, type Actor } from './actor';
import { getBoxRow } from './boxes';
import { getLoan } from './loan-views';
import { addDays, localDate } from './local-date';
import { getSettings } from './settings';
import { openTransfersOf } from './transfers';
import { mutate } from './transaction';
import { getUser } from './users';

/** A box has at most one loan in one of these states at a time. */
export const ACTIVE_STATUSES = ['requested', 'approved', 'out'] as const;

export function getLoanRow(db: Db, id: number): LoanRow {
  const row = preparedOnce(db, 'loan-row', (d) =>
    d
      .select()
      .from(loans)
      .where(eq(loans.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export const wrongState = (status: string) => new AppError('LOAN_WRONG_STATE', { params: { status } });

/** The audited actions that set a loan's status (a renewal changes its due date, not its state). */
const STATE_ACTIONS = ['loan-request', 'loan-import', 'loan-cancel', 'loan-approve', 'loan-reject', 'loan-hand-out', 'loan-return'];

/** Who put the loan in its present state: the newest of its state changes in the audit log names them. */
function stateSetBy(tx: Db, loanId: number): string | null {
  const row = preparedOnce(tx, 'loan-state-by', (d) =>
    d
      .select({ name: auditLog.actorName })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'loan'), eq(auditLog.entityId, sql.placeholder('id')), inArray(auditLog.action, STATE_ACTIONS)))
      .orderBy(desc(auditLog.seq))
      .limit(1)
      .prepare(),
  ).get({ id: String(loanId) });
  return row?.name ?? null;
}

/**
 * A loan no longer in the state the call needs, because someone else got there first (another
 * desk cancelled, handed out, returned or decided it a moment before): the refusal says what it
 * is now and who made it so. `context` picks the text for that status (LOAN_WRONG_STATE_cancelled:
 * 该借阅已由 张三 撤销); without a name the general text says the status alone.
 */
function overtaken(tx: Db, code: 'LOAN_WRONG_STATE' | 'BOX_NOT_ON_LOAN', loan: LoanRow): AppError {
  const by = stateSetBy(tx, loan.id);
  return new AppError(code, { params: by === null ? { status: loan.status } : { status: loan.status, by, context: loan.status } });
}

/**
 * Nobody approves their own request, nor a loan to themself (domain.md "People and roles"): a
 * borrower account by its id, and a person borrower by name too, since the desk can register the
 * manager as a person. Accounts carry no phone, so the borrower's phone cannot set them apart.
 */
export function assertNotSelf(tx: Db, actor: Actor, requestedBy: number, loan: Pick<LoanRow, 'borrowerUserId' | 'borrowerName'>): void {
  if (actor.id === requestedBy || actor.id === loan.borrowerUserId) throw new AppError('SELF_APPROVAL');
  if (loan.borrowerUserId === null && actor.id !== null && isAccountNamed(getUser(tx, actor.id), loan.borrowerName)) throw new AppError('SELF_APPROVAL');
}

/**
 * JY-2026-0001: numbered per local calendar year; the counter key cannot clash with a box stem (no
 * ':' in codes). Loans imported from the paper register are numbered in the year they were lent.
 */
export function takeLoanNo(tx: Db, year = localDate().slice(0, 4)): string {
  const key = `loan:JY-${year}`;
  const n = (tx.select().from(codeCounters).where(eq(codeCounters.prefix, key)).get()?.last ?? 0) + 1;
  tx.insert(codeCounters)
    .values({ prefix: key, last: n })
    .onConflictDoUpdate({ target: codeCounters.prefix, set: { last: n } })
    .run();
  return `JY-${year}-${String(n).padStart(4, '0')}`;
}

/** Account borrowers are copied onto the loan, so the register stands if the account changes later. */
function borrowerFields(tx: Db, borrower: z.output<typeof borrowerInput>) {
  if (borrower.kind === 'person')
    return { borrowerUserId: null, borrowerName: borrower.name, borrowerDepartment: borrower.department, borrowerPhone: borrower.phone };
  const user = getUser(tx, borrower.userId);
  if (user.disabled) throw new AppError('BORROWER_DISABLED');
  // Accounts belong to the department that keeps the archive, named by the site name.
  return { borrowerUserId: user.id, borrowerName: user.displayName, borrowerDepartment: getSettings(tx).siteName, borrowerPhone: '' };
}

/**
 * A box listed on a transfer order still open stays on the shelf for the sign-off (§4.7): it is not
 * lent, nor handed out on a loan approved before the order, until the order is signed off or ends.
 */
function assertNotOnTransfer(tx: Db, box: BoxRow): void {
  const [open] = openTransfersOf(tx, box.id);
  if (open) throw new AppError('LOAN_BOX_ON_TRANSFER', { params: { transferNo: open.transferNo } });
}

function assertLendable(tx: Db, box: BoxRow): void {
  if (box.status !== 'in_stock') throw new AppError('LOAN_BOX_UNAVAILABLE', { params: { status: box.status } });
  assertNotOnTransfer(tx, box);
  const active = tx
    .select({ loanNo: loans.loanNo })
    .from(loans)
    .where(and(eq(loans.boxId, box.id), inArray(loans.status, ACTIVE_STATUSES)))
    .get();
  if (active) throw new AppError('LOAN_BOX_BUSY', { params: { loanNo: active.loanNo } });
}

const loanAudit = (action: AuditEntry['action'], box: BoxRow, before: unknown, after: LoanRow & Record<string, unknown>): AuditEntry => ({
  action,
  entity: 'loan',
  entityId: after.id,
  boxCode: box.code,
  before,
  after,
});

export function requestLoan(db: Db, actor: Actor, input: z.output<typeof loanRequestInput>): Loan {
  const id = mutate(db, actor, (tx) => {
    const box = tx.select().from(boxes).where(eq(boxes.code, input.boxCode)).get();
    if (!box) throw new AppError('NOT_FOUND', { params: { code: input.boxCode } });
    assertLendable(tx, box);
    const row = tx
      .insert(loans)
      .values({
        loanNo: takeLoanNo(tx),
        boxId: box.id,
        ...borrowerFields(tx, input.borrower),
        purpose: input.purpose,
        loanType: input.loanType,
        days: input.days,
        copyRequested: input.copyRequested,
        note: input.note,
        requestedAt: nowIso(),
        requestedBy: actor.id ?? 0,
      })
      .returning()
      .get();
    return { result: row.id, audit: loanAudit('loan-request', box, null, row) };
  });
  return getLoan(db, id);
}

/** Runs a state change of one loan inside its transaction, re-reading the loan there. */
function changeLoan(db: Db, actor: Actor, id: number, change: (tx: Db, loan: LoanRow, box: BoxRow) => AuditEntry | AuditEntry[]): Loan {
  mutate(db, actor, (tx) => {
    const loan = getLoanRow(tx, id);
    return { result: null, audit: change(tx, loan, getBoxRow(tx, loan.boxId)) };
  });
  return getLoan(db, id);
}

/** Each set of changed fields is its own statement, prepared once. */
function setLoan(tx: Db, id: number, fields: Partial<LoanRow>): LoanRow {
  const names = Object.keys(fields).sort() as (keyof LoanRow)[];
  const update = preparedOnce(tx, `loan-set:${names.join(',')}`, (d) =>
    d
      .update(loans)
      .set(Object.fromEntries(names.map((name) => [name, sql.placeholder(name)])))
      .where(eq(loans.id, sql.placeholder('id')))
      .returning()
      .prepare(),
  );
  const row = update.get({ ...fields, id });
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

const setBoxStatus = (tx: Db, id: number, status: BoxRow['status']) =>
  preparedOnce(tx, 'box-set-status', (d) =>
    d
      .update(boxes)
      .set({ status: sql`${sql.placeholder('status')}`, updatedAt: sql`${sql.placeholder('at')}` })
      .where(eq(boxes.id, sql.placeholder('id')))
      .prepare(),
  ).run({ status, at: nowIso(), id });

export function cancelLoan(db: Db, actor: Actor, id: number): Loan {
  return changeLoan(db, actor, id, (tx, loan, box) => {
    if (loan.status !== 'requested' && loan.status !== 'approved') throw overtaken(tx, 'LOAN_WRONG_STATE', loan);
    return loanAudit('loan-cancel', box, loan, setLoan(tx, id, { status: 'cancelled' }));
  });
}

export function decideLoan(db: Db, actor: Actor, input: z.output<typeof loanDecisionInput>): Loan {
  return changeLoan(db, actor, input.id, (tx, loan, box) => {
    if (loan.status !== 'requested') throw overtaken(tx, 'LOAN_WRONG_STATE', loan);
    assertNotSelf(tx, actor, loan.requestedBy, loan);
    // Copying is its own consent (§4.6.2): only granted on an approval of a request that asked for it.
    if (input.copyAllowed && !(input.approve && loan.copyRequested))
      throw new AppError('VALIDATION', { issues: [{ path: ['copyAllowed'], message: 'v.copyNotRequested' }] });
    const after = setLoan(tx, loan.id, {
      status: input.approve ? 'approved' : 'rejected',
      copyAllowed: input.copyAllowed,
      decidedAt: nowIso(),
      decidedBy: actor.id,
      decisionReason: input.reason,
    });
    return loanAudit(input.approve ? 'loan-approve' : 'loan-reject', box, loan, after);
  });
}

/** Re-reads loan and box inside the IMMEDIATE transaction, so of two hand-outs at once exactly one wins. */
export function handOutLoan(db: Db, actor: Actor, id: number): Loan {
  return changeLoan(db, actor, id, (tx, loan, box) => {
    if (loan.status === 'requested') throw new AppError('LOAN_NOT_APPROVED');
    if (loan.status !== 'approved') throw overtaken(tx, 'LOAN_WRONG_STATE', loan);
    if (box.status !== 'in_stock') throw new AppError('LOAN_BOX_UNAVAILABLE', { params: { status: box.status } });
    assertNotOnTransfer(tx, box);
    const after = setLoan(tx, id, { status: 'out', handedOutAt: nowIso(), handedOutBy: actor.id, dueDate: addDays(localDate(), loan.days) });
    setBoxStatus(tx, box.id, 'on_loan');
    return loanAudit('loan-hand-out', box, { ...loan, boxStatus: box.status }, { ...after, boxStatus: 'on_loan' });
  });
}

function assertDocumentsOfBox(tx: Db, boxId: number, ids: number[]): void {
  if (!ids.length) return;
  const found = tx
    .select({ id: boxDocuments.id })
    .from(boxDocuments)
    .where(and(eq(boxDocuments.boxId, boxId), inArray(boxDocuments.id, ids)))
    .all();
  if (found.length !== new Set(ids).size) throw new AppError('VALIDATION', { issues: [{ path: ['missingDocumentIds'], message: 'v.documentNotInBox' }] });
}

/**
 * The box is back on the shelf whatever its condition; damage or loss opens an incident with the
 * people responsible (§4.5.3), which then blocks renewals of the box until closed.
 */
export function returnLoan(db: Db, actor: Actor, input: z.output<typeof loanReturnInput>): Loan {
  return changeLoan(db, actor, input.id, (tx, loan, box) => {
    if (loan.status !== 'out') throw overtaken(tx, 'BOX_NOT_ON_LOAN', loan);
    assertDocumentsOfBox(tx, box.id, input.missingDocumentIds);
    const after = setLoan(tx, loan.id, { status: 'returned', returnedAt: nowIso(), receivedBy: actor.id, returnCondition: input.condition });
    setBoxStatus(tx, box.id, 'in_stock');
    const entries: AuditEntry[] = [loanAudit('loan-return', box, { ...loan, boxStatus: box.status }, { ...after, boxStatus: 'in_stock' })];
    if (input.condition !== 'intact') {
      const incident = tx
        .insert(incidents)
        .values({
          boxId: box.id,
          loanId: loan.id,
          kind: input.condition,
          description: input.incident.description,
          responsible: input.incident.responsible,
          followUp: input.incident.followUp,
          missingDocumentIds: [...new Set(input.missingDocumentIds)],
          createdAt: nowIso(),
          createdBy: actor.id ?? 0,
        })
        .returning()
        .get();
      entries.push({ action: 'incident-open', entity: 'incident', entityId: incident.id, boxCode: box.code, before: null, after: incident });
    }
    return entries;
  });
}
