import { and, asc, eq, lt, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import { boxes, loans, users, type UserRow } from '../../../db/schema';
import { AppError } from '../../core/contract/errors';
import { DESK_ROLES, type BorrowerReminder, type borrowerRef, type MyReminders, type ReminderList, type ReminderLoan } from '../../core/contract/reminders';
import { addDays, daysBetween, localDate } from './local-date';
import { retentionReport } from './retention';

type Ref = z.output<typeof borrowerRef>;

interface DueLoan extends ReminderLoan {
  borrowerUserId: number | null;
  borrower: BorrowerReminder['borrower'];
}

/** An account by its id; a person recorded by name and phone, as the desk's borrower history tells them apart. */
const refKey = (ref: Ref): string => (ref.kind === 'user' ? `user:${ref.userId}` : `person:${ref.name}\u0000${ref.phone}`);
const refOf = (loan: Pick<DueLoan, 'borrowerUserId' | 'borrower'>): Ref =>
  loan.borrowerUserId !== null ? { kind: 'user', userId: loan.borrowerUserId } : { kind: 'person', name: loan.borrower.name, phone: loan.borrower.phone };

/** Out and due back tomorrow, or past the due date: what the desk chases today (local calendar days). */
function dueLoans(db: Db, today: string, borrowerUserId?: number): DueLoan[] {
  const tomorrow = addDays(today, 1);
  return db
    .select({ loan: loans, boxCode: boxes.code, boxTitle: boxes.title })
    .from(loans)
    .innerJoin(boxes, eq(boxes.id, loans.boxId))
    .where(
      and(
        eq(loans.status, 'out'),
        or(lt(loans.dueDate, today), eq(loans.dueDate, tomorrow)),
        borrowerUserId === undefined ? undefined : eq(loans.borrowerUserId, borrowerUserId),
      ),
    )
    .orderBy(asc(loans.dueDate), asc(loans.id))
    .all()
    .map(({ loan, boxCode, boxTitle }) => {
      const dueDate = loan.dueDate ?? tomorrow;
      return {
        loanId: loan.id,
        loanNo: loan.loanNo,
        boxCode,
        boxTitle,
        lentOn: loan.handedOutAt ? localDate(new Date(loan.handedOutAt)) : '',
        dueDate,
        daysOverdue: dueDate < today ? daysBetween(dueDate, today) : 0,
        borrowerUserId: loan.borrowerUserId,
        borrower: { userId: loan.borrowerUserId, name: loan.borrowerName, department: loan.borrowerDepartment, phone: loan.borrowerPhone },
      };
    });
}

const reminderLoan = ({ borrowerUserId: _, borrower: __, ...loan }: DueLoan): ReminderLoan => loan;

/**
 * 催还清单: the loans due tomorrow and those overdue, one entry per borrower with all of theirs
 * (most overdue first); borrowers with the longest overdue loan come first, those only due tomorrow last.
 */
export function reminderList(db: Db, today = localDate()): ReminderList {
  const due = dueLoans(db, today);
  const byBorrower = new Map<string, BorrowerReminder>();
  for (const loan of due) {
    const ref = refOf(loan);
    const key = refKey(ref);
    const entry = byBorrower.get(key) ?? { borrower: loan.borrower, ref, loans: [], overdue: 0, dueTomorrow: 0 };
    // The newest loan's department and phone are the ones to ring.
    if (loan.loanId > Math.max(...entry.loans.map((l) => l.loanId), 0)) entry.borrower = loan.borrower;
    entry.loans.push(reminderLoan(loan));
    if (loan.daysOverdue > 0) entry.overdue++;
    else entry.dueTomorrow++;
    byBorrower.set(key, entry);
  }
  const worst = (b: BorrowerReminder) => b.loans[0]?.daysOverdue ?? 0;
  const borrowers = [...byBorrower.values()].sort((a, b) => worst(b) - worst(a) || a.borrower.name.localeCompare(b.borrower.name, 'zh-CN'));
  return {
    today,
    tomorrow: addDays(today, 1),
    overdue: due.filter((l) => l.daysOverdue > 0).length,
    dueTomorrow: due.filter((l) => l.daysOverdue === 0).length,
    borrowers,
  };
}

/** The name a refused notice names: the account's display name, or the person's as asked. */
function refName(db: Db, ref: Ref): string {
  if (ref.kind === 'person') return ref.name;
  return db.select({ name: users.displayName }).from(users).where(eq(users.id, ref.userId)).get()?.name ?? `#${ref.userId}`;
}

/** The list's entries for these borrowers, in the order asked; a borrower with nothing to chase is refused by name. */
export function remindersFor(db: Db, refs: readonly Ref[], today = localDate()): BorrowerReminder[] {
  const list = new Map(reminderList(db, today).borrowers.map((b) => [refKey(b.ref as Ref), b]));
  const seen = new Set<string>();
  const found: BorrowerReminder[] = [];
  for (const ref of refs) {
    const key = refKey(ref);
    if (seen.has(key)) continue;
    seen.add(key);
    const entry = list.get(key);
    if (!entry) throw new AppError('REMINDER_NOTHING_DUE', { params: { name: refName(db, ref) } });
    found.push(entry);
  }
  return found;
}

/** What concerns the signed-in person: the desk's chasing, the custodian's month, their own loans due. */
export function myReminders(db: Db, user: Pick<UserRow, 'id' | 'role'>, today = localDate()): MyReminders {
  const chases = (DESK_ROLES as readonly string[]).includes(user.role);
  const desk = chases ? reminderList(db, today) : null;
  let custody: MyReminders['custody'] = null;
  if (user.role === 'custodian') {
    const month = today.slice(0, 7);
    const report = retentionReport(db, { month });
    custody = { month, retentionEnding: report.rows.filter((r) => !r.proposed).length, heldEnding: report.held.length };
  }
  return {
    desk: desk && { dueTomorrow: desk.dueTomorrow, overdue: desk.overdue },
    custody,
    own: dueLoans(db, today, user.id)
      .map(reminderLoan)
      .sort((a, b) => b.daysOverdue - a.daysOverdue),
  };
}
