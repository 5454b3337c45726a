import { and, count, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { idsIn, preparedOnce } from '../../../db/prepared';
import type { z } from 'zod';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../../db/connection';
import { boxes, incidents, loanCopies, loanRenewals, loans, users } from '../../../db/schema';
import { AppError } from '../../core/contract/errors';
import type { Loan, LoanCopy, LoanDashboard, loanListInput, LoanRenewal } from '../../core/contract/loans';
import { incidentsOfLoans } from './incidents';
import { addDays, daysBetween, localDate, localDayStart } from './local-date';

/**
 * Read side of lending: a loan with its box, the names of everyone who handled it, renewals and
 * incidents. `alias` (not aliasedTable) so the four joins of users keep distinct names in the types.
 */
const requester = alias(users, 'requester');
const decider = alias(users, 'decider');
const handler = alias(users, 'handler');
const receiver = alias(users, 'receiver');

function loanQuery(db: Db) {
  return db
    .select({
      loan: loans,
      boxCode: boxes.code,
      boxTitle: boxes.title,
      requestedByName: requester.displayName,
      decidedByName: decider.displayName,
      handedOutByName: handler.displayName,
      receivedByName: receiver.displayName,
    })
    .from(loans)
    .innerJoin(boxes, eq(boxes.id, loans.boxId))
    .innerJoin(requester, eq(requester.id, loans.requestedBy))
    .leftJoin(decider, eq(decider.id, loans.decidedBy))
    .leftJoin(handler, eq(handler.id, loans.handedOutBy))
    .leftJoin(receiver, eq(receiver.id, loans.receivedBy));
}
type LoanQueryRow = ReturnType<ReturnType<typeof loanQuery>['all']>[number];

const renewalRequester = alias(users, 'renewal_requester');
const renewalDecider = alias(users, 'renewal_decider');

function renewalsOf(db: Db, loanIds: number[]): (LoanRenewal & { loanId: number })[] {
  if (!loanIds.length) return [];
  return preparedOnce(db, 'loan-renewals', (d) =>
    d
      .select({ r: loanRenewals, requestedByName: renewalRequester.displayName, decidedByName: renewalDecider.displayName })
      .from(loanRenewals)
      .innerJoin(renewalRequester, eq(renewalRequester.id, loanRenewals.requestedBy))
      .leftJoin(renewalDecider, eq(renewalDecider.id, loanRenewals.decidedBy))
      .where(idsIn(loanRenewals.loanId))
      .orderBy(loanRenewals.id)
      .prepare(),
  )
    .all({ ids: JSON.stringify(loanIds) })
    .map(({ r, requestedByName, decidedByName }) => ({
      loanId: r.loanId,
      id: r.id,
      days: r.days,
      reason: r.reason,
      status: r.status,
      requestedAt: r.requestedAt,
      requestedByName,
      decidedAt: r.decidedAt,
      decidedByName,
      decisionReason: r.decisionReason,
      newDueDate: r.newDueDate,
    }));
}

/** The copy registrations of a page of loans, fetched once, oldest first. */
function copiesOfLoans(db: Db, loanIds: number[]): (LoanCopy & { loanId: number })[] {
  if (!loanIds.length) return [];
  return preparedOnce(db, 'loan-copies', (d) =>
    d
      .select({ c: loanCopies, createdByName: users.displayName })
      .from(loanCopies)
      .innerJoin(users, eq(users.id, loanCopies.createdBy))
      .where(idsIn(loanCopies.loanId))
      .orderBy(loanCopies.id)
      .prepare(),
  )
    .all({ ids: JSON.stringify(loanIds) })
    .map(({ c, createdByName }) => ({
      loanId: c.loanId,
      id: c.id,
      kind: c.kind,
      description: c.description,
      documentTitles: c.documentTitles,
      pages: c.pages,
      copies: c.copies,
      madeBy: c.madeBy,
      madeOn: c.madeOn,
      createdAt: c.createdAt,
      createdByName,
    }));
}

/**
 * A loan read in from the paper register has no accounts behind its approver and handler: the
 * names written on paper stand in, the approver marked so that every view and form says where it
 * came from (批准人：张三（纸质登记）).
 */
function paperNames(l: LoanQueryRow['loan'], names: Omit<LoanQueryRow, 'loan'>) {
  if (!l.imported) return names;
  return { ...names, decidedByName: l.paperApprover ? `${l.paperApprover}（纸质登记）` : '（纸质登记）', handedOutByName: l.paperHandler || null };
}

/** Renewals and incidents are fetched once per page, not once per loan. */
function toLoans(db: Db, rows: LoanQueryRow[], today = localDate()): Loan[] {
  const ids = rows.map((r) => r.loan.id);
  const renewals = renewalsOf(db, ids);
  const loanIncidents = incidentsOfLoans(db, ids);
  const copyRows = copiesOfLoans(db, ids);
  return rows.map(({ loan: l, ...accounts }) => {
    const names = paperNames(l, accounts);
    return {
      id: l.id,
      loanNo: l.loanNo,
      boxId: l.boxId,
      boxCode: names.boxCode,
      boxTitle: names.boxTitle,
      borrower: { userId: l.borrowerUserId, name: l.borrowerName, department: l.borrowerDepartment, phone: l.borrowerPhone },
      purpose: l.purpose,
      loanType: l.loanType,
      days: l.days,
      copyRequested: l.copyRequested,
      copyAllowed: l.copyAllowed,
      note: l.note,
      status: l.status,
      requestedAt: l.requestedAt,
      requestedByName: names.requestedByName,
      decidedAt: l.decidedAt,
      decidedByName: names.decidedByName,
      decisionReason: l.decisionReason,
      handedOutAt: l.handedOutAt,
      handedOutByName: names.handedOutByName,
      dueDate: l.dueDate,
      returnedAt: l.returnedAt,
      receivedByName: names.receivedByName,
      returnCondition: l.returnCondition,
      daysOverdue: l.status === 'out' && l.dueDate !== null && l.dueDate < today ? daysBetween(l.dueDate, today) : 0,
      renewals: renewals.filter((r) => r.loanId === l.id).map(({ loanId: _, ...r }) => r),
      incidents: loanIncidents.filter((i) => i.loanId === l.id),
      copies: copyRows.filter((c) => c.loanId === l.id).map(({ loanId: _, ...c }) => c),
      imported: l.imported,
    };
  });
}

export function getLoan(db: Db, id: number): Loan {
  const row = preparedOnce(db, 'loan', (d) =>
    loanQuery(d)
      .where(eq(loans.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
  if (!row) throw new AppError('NOT_FOUND');
  return toLoans(db, [row])[0];
}

const overdueCondition = (today: string) => and(eq(loans.status, 'out'), lt(loans.dueDate, today));
/** Loans with a renewal awaiting a decision: few at any time, found by the renewals' status index. */
const pendingRenewalLoanIds = (db: Db) => db.select({ id: loanRenewals.loanId }).from(loanRenewals).where(eq(loanRenewals.status, 'requested'));

const ph = (name: string) => sql.placeholder(name);

/** Each filter of the loan list, with its values as placeholders. */
const LOAN_FILTERS = {
  status: () => eq(loans.status, ph('status')),
  overdue: () => and(eq(loans.status, 'out'), lt(loans.dueDate, ph('today'))),
  dueToday: () => and(eq(loans.status, 'out'), eq(loans.dueDate, ph('today'))),
  renewalPending: (db: Db) => and(eq(loans.status, 'out'), inArray(loans.id, pendingRenewalLoanIds(db))),
  imported: () => eq(loans.imported, true),
  boxId: () => eq(loans.boxId, ph('boxId')),
  borrowerUserId: () => eq(loans.borrowerUserId, ph('borrowerUserId')),
  borrowerName: () => eq(loans.borrowerName, ph('borrowerName')),
  borrowerPhone: () => and(isNull(loans.borrowerUserId), eq(loans.borrowerPhone, ph('borrowerPhone'))),
  borrowerDepartment: () => eq(loans.borrowerDepartment, ph('borrowerDepartment')),
  from: () => gte(loans.requestedAt, ph('fromStart')),
  to: () => lt(loans.requestedAt, ph('toEnd')),
  cursor: () => lt(loans.id, ph('cursor')),
} satisfies Record<string, (db: Db) => SQL | undefined>;
type LoanFilter = keyof typeof LOAN_FILTERS;

/** Newest first, keyset-paged by id; `from`/`to` are local calendar days of the request. */
export function listLoans(db: Db, input: z.output<typeof loanListInput>): { rows: Loan[]; nextCursor: number | null } {
  const today = localDate();
  const given = (Object.keys(LOAN_FILTERS) as LoanFilter[]).filter((f) => (f === 'borrowerPhone' ? input.borrowerPhone !== undefined : Boolean(input[f])));
  const page = preparedOnce(db, `loan-list:${given.join(',')}`, (d) =>
    loanQuery(d)
      .where(and(...given.map((f) => LOAN_FILTERS[f](d))))
      .orderBy(desc(loans.id))
      .limit(ph('limit'))
      .prepare(),
  );
  const rows = page.all({
    ...input,
    today,
    fromStart: input.from && localDayStart(input.from),
    toEnd: input.to && localDayStart(addDays(input.to, 1)),
    limit: input.limit + 1,
  });
  const shown = toLoans(db, rows.slice(0, input.limit), today);
  return { rows: shown, nextCursor: rows.length > input.limit ? shown[shown.length - 1].id : null };
}

export function loanDashboard(db: Db): LoanDashboard {
  const today = localDate();
  const countLoans = (where: SQL | undefined) => db.select({ n: count() }).from(loans).where(where).get()?.n ?? 0;
  return {
    dueToday: countLoans(and(eq(loans.status, 'out'), eq(loans.dueDate, today))),
    overdue: countLoans(overdueCondition(today)),
    awaitingApproval: countLoans(eq(loans.status, 'requested')),
    // Only renewals of loans still out can be decided; those of returned loans are moot.
    renewalsAwaitingApproval:
      db
        .select({ n: count() })
        .from(loanRenewals)
        .innerJoin(loans, eq(loans.id, loanRenewals.loanId))
        .where(and(eq(loanRenewals.status, 'requested'), eq(loans.status, 'out')))
        .get()?.n ?? 0,
    out: countLoans(eq(loans.status, 'out')),
    openIncidents: db.select({ n: count() }).from(incidents).where(eq(incidents.status, 'open')).get()?.n ?? 0,
  };
}
