import { and, count, desc, eq, gte, inArray, isNull, lt, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/connection';
import { boxes, incidents, loanRenewals, loans, users } from '../../db/schema';
import { AppError } from '../contract/errors';
import type { Loan, LoanDashboard, loanListInput, LoanRenewal } from '../contract/loans';
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

function renewalsOf(db: Db, loanIds: number[]): (LoanRenewal & { loanId: number })[] {
  if (!loanIds.length) return [];
  const renewalRequester = alias(users, 'renewal_requester');
  const renewalDecider = alias(users, 'renewal_decider');
  return db
    .select({ r: loanRenewals, requestedByName: renewalRequester.displayName, decidedByName: renewalDecider.displayName })
    .from(loanRenewals)
    .innerJoin(renewalRequester, eq(renewalRequester.id, loanRenewals.requestedBy))
    .leftJoin(renewalDecider, eq(renewalDecider.id, loanRenewals.decidedBy))
    .where(inArray(loanRenewals.loanId, loanIds))
    .orderBy(loanRenewals.id)
    .all()
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
      imported: l.imported,
    };
  });
}

export function getLoan(db: Db, id: number): Loan {
  const row = loanQuery(db).where(eq(loans.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND');
  return toLoans(db, [row])[0];
}

const overdueCondition = (today: string) => and(eq(loans.status, 'out'), lt(loans.dueDate, today));
/** Loans with a renewal awaiting a decision: few at any time, found by the renewals' status index. */
const pendingRenewalLoanIds = (db: Db) => db.select({ id: loanRenewals.loanId }).from(loanRenewals).where(eq(loanRenewals.status, 'requested'));

/** Newest first, keyset-paged by id; `from`/`to` are local calendar days of the request. */
export function listLoans(db: Db, input: z.output<typeof loanListInput>): { rows: Loan[]; nextCursor: number | null } {
  const today = localDate();
  const where: (SQL | undefined)[] = [
    input.status && eq(loans.status, input.status),
    input.overdue ? overdueCondition(today) : undefined,
    input.dueToday ? and(eq(loans.status, 'out'), eq(loans.dueDate, today)) : undefined,
    input.renewalPending ? and(eq(loans.status, 'out'), inArray(loans.id, pendingRenewalLoanIds(db))) : undefined,
    input.boxId ? eq(loans.boxId, input.boxId) : undefined,
    input.borrowerUserId ? eq(loans.borrowerUserId, input.borrowerUserId) : undefined,
    input.borrowerName ? eq(loans.borrowerName, input.borrowerName) : undefined,
    input.borrowerPhone !== undefined ? and(isNull(loans.borrowerUserId), eq(loans.borrowerPhone, input.borrowerPhone)) : undefined,
    input.from ? gte(loans.requestedAt, localDayStart(input.from)) : undefined,
    input.to ? lt(loans.requestedAt, localDayStart(addDays(input.to, 1))) : undefined,
    input.cursor ? lt(loans.id, input.cursor) : undefined,
  ];
  const rows = loanQuery(db)
    .where(and(...where))
    .orderBy(desc(loans.id))
    .limit(input.limit + 1)
    .all();
  const page = toLoans(db, rows.slice(0, input.limit), today);
  return { rows: page, nextCursor: rows.length > input.limit ? page[page.length - 1].id : null };
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
