import { z } from 'zod';
import type { ExportFile } from './audit';
import type { Borrower } from './loans';
import { call } from './define';
import { id, phone, text } from './fields';
import { cleanName } from './person-names';

/**
 * Reminders (issue #17): loans due back tomorrow and those overdue, chased with a printed
 * 催还通知单 per borrower (domain.md: "Overdue loans are listed every day until they come back");
 * and, for the custodian, retention ending this month and the holds that keep such boxes.
 */

/** A borrower as the lending desk tells them apart: an account by its id, a person by name and phone. */
export const borrowerRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: id }).strict(),
  z
    .object({
      kind: z.literal('person'),
      name: text(40)
        .transform(cleanName)
        .pipe(z.string().min(1, { error: 'v.required' })),
      phone,
    })
    .strict(),
]);
export type BorrowerRef = z.input<typeof borrowerRef>;

export const noticePdfInput = z
  .object({
    /** One notice per borrower, each with its own number, in one PDF (打印全部 sends every borrower of the list). */
    borrowers: z.array(borrowerRef).min(1, { error: 'v.required' }).max(200),
  })
  .strict();

/** One loan on the list: out, and due tomorrow or already past its due date. */
export interface ReminderLoan {
  loanId: number;
  loanNo: string;
  boxCode: string;
  boxTitle: string;
  /** The local day it was handed out. */
  lentOn: string;
  dueDate: string;
  /** Whole days past the due date; 0 for a loan due tomorrow. */
  daysOverdue: number;
}

export interface BorrowerReminder {
  borrower: Borrower;
  ref: BorrowerRef;
  /** Most overdue first, then by due date. */
  loans: ReminderLoan[];
  overdue: number;
  dueTomorrow: number;
}

export interface ReminderList {
  today: string;
  tomorrow: string;
  dueTomorrow: number;
  overdue: number;
  /** Borrowers with an overdue loan first (the longest overdue first), then those due tomorrow. */
  borrowers: BorrowerReminder[];
}

/**
 * What concerns the signed-in person (host mode: each desk sees its own): the desk's loans to chase
 * for those who lend, retention ending and holds for the custodian, and their own loans as a borrower.
 */
export interface MyReminders {
  /** Loans due tomorrow plus overdue, for a role that chases them; null for other roles. */
  desk: { dueTomorrow: number; overdue: number } | null;
  /** This month's retention ending and holds on such boxes, for the custodian; null for other roles. */
  custody: { month: string; retentionEnding: number; heldEnding: number } | null;
  /** The signed-in person's own loans due tomorrow or overdue. */
  own: ReminderLoan[];
}

/** Who chases loans at the desk: those who lend and take back. */
export const DESK_ROLES = ['clerk', 'custodian'] as const;

export const reminderCalls = {
  'reminder-list': call<ReminderList>()({ input: z.object({}).strict(), access: ['clerk', 'custodian', 'manager', 'auditor'], reads: ['loan', 'user'] }),
  'reminder-notice-pdf': call<ExportFile>()({ input: noticePdfInput, access: DESK_ROLES, changes: [] }),
  'reminder-mine': call<MyReminders>()({ input: z.object({}).strict(), access: 'signed-in', reads: ['loan', 'box', 'hold', 'destruction'] }),
};
