import { z } from 'zod';
import { COPY_KINDS, INCIDENT_KINDS, INCIDENT_STATUSES, LOAN_STATUSES, LOAN_TYPES, RENEWAL_STATUSES, RETURN_CONDITIONS } from '../enums';
import { boxCode } from './boxes';
import { call } from './define';
import { empty, id, isoDate, listLimit, phone, requiredPhone, requiredText, text } from './fields';
import { cleanName, personName } from './person-names';
import type { ExportFile } from './audit';

/**
 * Lending (domain.md "Lending 借阅", seed §4.4, §4.6): nothing leaves without the manager's
 * consent; short loans at most 3 days, long at most 7 (§4.6.4); copying or excerpting needs its
 * own explicit consent (§4.6.2); renewals are asked for before the due date.
 */
// The enums live beside the tables (like BOX_STATUSES), so the schema needs no contract import.
export { COPY_KINDS, INCIDENT_KINDS, INCIDENT_STATUSES, LOAN_STATUSES, LOAN_TYPES, RENEWAL_STATUSES, RETURN_CONDITIONS };
export const LOAN_DAYS_LIMIT: Record<(typeof LOAN_TYPES)[number], number> = { short: 3, long: 7 };

/** A borrower with an account, or a person of another department recorded by name. */
export const borrowerInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: id }).strict(),
  z.object({ kind: z.literal('person'), name: personName(40), department: requiredText(60), phone: requiredPhone }).strict(),
]);

export const loanRequestInput = z
  .object({
    boxCode: boxCode.pipe(z.string().min(1, { error: 'v.required' })),
    borrower: borrowerInput,
    purpose: requiredText(200),
    loanType: z.enum(LOAN_TYPES),
    /** Days from hand-out to the due date; at most the type's limit, so only shortenable. */
    days: z.number().int().min(1).max(LOAN_DAYS_LIMIT.long, { error: 'v.loanDays' }),
    copyRequested: z.boolean(),
    note: text(500),
  })
  .strict()
  .refine((v) => v.days <= LOAN_DAYS_LIMIT[v.loanType], {
    error: 'v.loanDays',
    path: ['days'],
    // Said with the form's other gaps, not only once the borrower is filled in: it needs just an object with these two.
    when: ({ issues }) => !issues.some((issue) => !issue.path?.length || issue.path[0] === 'days' || issue.path[0] === 'loanType'),
  });

export const loanDecisionInput = z
  .object({
    id,
    approve: z.boolean(),
    /** The separate consent to excerpt or copy; only meaningful when approving a request that asked. */
    copyAllowed: z.boolean(),
    reason: text(200),
  })
  .strict()
  .refine((v) => v.approve || v.reason.length > 0, { error: 'v.rejectReason', path: ['reason'] });

export const loanReturnInput = z
  .object({
    id,
    condition: z.enum(RETURN_CONDITIONS),
    /** Contents (box_documents ids) found missing, when condition is documents_missing. */
    missingDocumentIds: z.array(id).max(500),
    /** What happened, who is responsible, what follows: required unless intact (§4.5.3). */
    incident: z.object({ description: text(1000), responsible: text(100), followUp: text(500) }).strict(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.condition === 'intact') {
      if (v.missingDocumentIds.length > 0) ctx.addIssue({ code: 'custom', message: 'v.intactWithMissing', path: ['missingDocumentIds'] });
      return;
    }
    if (!v.incident.description) ctx.addIssue({ code: 'custom', message: 'v.required', path: ['incident', 'description'] });
    if (!v.incident.responsible) ctx.addIssue({ code: 'custom', message: 'v.required', path: ['incident', 'responsible'] });
    if (v.condition === 'documents_missing' && v.missingDocumentIds.length === 0)
      ctx.addIssue({ code: 'custom', message: 'v.missingDocuments', path: ['missingDocumentIds'] });
  });

export const renewalRequestInput = z
  .object({ loanId: id, days: z.number().int().min(1).max(LOAN_DAYS_LIMIT.long, { error: 'v.loanDays' }), reason: requiredText(200) })
  .strict();
export const renewalDecisionInput = z
  .object({ id, approve: z.boolean(), reason: text(200) })
  .strict()
  .refine((v) => v.approve || v.reason.length > 0, { error: 'v.rejectReason', path: ['reason'] });

/**
 * 复制/摘抄登记 (§4.6.2): one copy or excerpt made from a loan's box while it is out, on a loan
 * approved with that consent. What was copied is said in words, and may name documents of the box.
 */
export const loanCopyInput = z
  .object({
    loanId: id,
    kind: z.enum(COPY_KINDS),
    description: requiredText(200),
    documentIds: z.array(id).max(500),
    pages: z.number().int().min(1).max(10_000),
    copies: z.number().int().min(1).max(1_000),
    madeBy: personName(40),
    madeOn: isoDate,
  })
  .strict();

export const loanListInput = z
  .object({
    status: z.enum(LOAN_STATUSES).optional(),
    /** Out and past the due date, listed every day until returned. */
    overdue: z.boolean().optional(),
    /** Out and due back today. */
    dueToday: z.boolean().optional(),
    /** Out with a renewal waiting for the manager. */
    renewalPending: z.boolean().optional(),
    /** Read in from the paper register (借阅登记 import). */
    imported: z.boolean().optional(),
    boxId: id.optional(),
    borrowerUserId: id.optional(),
    /** Cleaned like the names it is compared with. */
    borrowerName: text(40).transform(cleanName).optional(),
    /** With borrowerName: a person recorded by name and phone (not an account of the same name). */
    borrowerPhone: phone.optional(),
    /** The department the borrower gave, as recorded on the loan. */
    borrowerDepartment: text(60).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    cursor: id.optional(),
    limit: listLimit,
  })
  .strict();

export const incidentListInput = z
  .object({ boxId: id.optional(), status: z.enum(INCIDENT_STATUSES).optional(), cursor: id.optional(), limit: listLimit })
  .strict();

export const incidentCloseInput = z.object({ id, resolution: requiredText(500) }).strict();

export interface Borrower {
  userId: number | null;
  name: string;
  department: string;
  phone: string;
}

export interface LoanRenewal {
  id: number;
  days: number;
  reason: string;
  status: (typeof RENEWAL_STATUSES)[number];
  requestedAt: string;
  requestedByName: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionReason: string;
  /** The due date the approval set. */
  newDueDate: string | null;
}

export interface Incident {
  id: number;
  boxId: number;
  loanId: number | null;
  kind: (typeof INCIDENT_KINDS)[number];
  description: string;
  responsible: string;
  followUp: string;
  missingDocumentTitles: string[];
  status: (typeof INCIDENT_STATUSES)[number];
  createdAt: string;
  createdByName: string;
  closedAt: string | null;
  resolution: string;
}

export interface LoanCopy {
  id: number;
  kind: (typeof COPY_KINDS)[number];
  description: string;
  documentTitles: string[];
  pages: number;
  copies: number;
  madeBy: string;
  madeOn: string;
  createdAt: string;
  createdByName: string;
}

export interface Loan {
  id: number;
  loanNo: string;
  boxId: number;
  boxCode: string;
  boxTitle: string;
  borrower: Borrower;
  purpose: string;
  loanType: (typeof LOAN_TYPES)[number];
  days: number;
  copyRequested: boolean;
  copyAllowed: boolean;
  note: string;
  status: (typeof LOAN_STATUSES)[number];
  requestedAt: string;
  requestedByName: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionReason: string;
  handedOutAt: string | null;
  handedOutByName: string | null;
  /** Set at hand-out: hand-out date + days, moved by approved renewals. */
  dueDate: string | null;
  returnedAt: string | null;
  receivedByName: string | null;
  returnCondition: (typeof RETURN_CONDITIONS)[number] | null;
  /** Whole days past the due date while out (0 when not overdue). */
  daysOverdue: number;
  renewals: LoanRenewal[];
  incidents: Incident[];
  /** 复制/摘抄登记, oldest first. */
  copies: LoanCopy[];
  /** Read in from the paper/Excel register: approver and handler are names written on paper (decidedByName says so). */
  imported: boolean;
}

export interface LoanDashboard {
  dueToday: number;
  overdue: number;
  awaitingApproval: number;
  renewalsAwaitingApproval: number;
  out: number;
  openIncidents: number;
}

export const loanCalls = {
  'loan-request': call<Loan>()({ input: loanRequestInput, access: ['clerk', 'custodian'], changes: ['loan'] }),
  'loan-cancel': call<Loan>()({ input: z.object({ id }).strict(), access: ['clerk', 'custodian'], changes: ['loan'] }),
  'loan-decide': call<Loan>()({ input: loanDecisionInput, access: ['manager'], changes: ['loan'] }),
  'loan-hand-out': call<Loan>()({ input: z.object({ id }).strict(), access: ['clerk', 'custodian'], changes: ['loan', 'box'] }),
  'loan-return': call<Loan>()({ input: loanReturnInput, access: ['custodian'], changes: ['loan', 'box', 'incident'] }),
  'loan-renewal-request': call<Loan>()({ input: renewalRequestInput, access: ['clerk', 'custodian'], changes: ['loan'] }),
  'loan-renewal-decide': call<Loan>()({ input: renewalDecisionInput, access: ['manager'], changes: ['loan'] }),
  'loan-copy-register': call<Loan>()({ input: loanCopyInput, access: ['clerk', 'custodian'], changes: ['loan'] }),
  'loan-get': call<Loan>()({ input: z.object({ id }).strict(), access: 'signed-in', reads: ['loan', 'incident'] }),
  'loan-list': call<{ rows: Loan[]; nextCursor: number | null }>()({ input: loanListInput, access: 'signed-in', reads: ['loan'] }),
  'loan-dashboard': call<LoanDashboard>()({ input: empty, access: 'signed-in', reads: ['loan', 'incident'] }),
  'incident-list': call<{ rows: Incident[]; nextCursor: number | null }>()({ input: incidentListInput, access: 'signed-in', reads: ['incident'] }),
  'incident-close': call<Incident>()({ input: incidentCloseInput, access: ['custodian', 'manager'], changes: ['incident'] }),
  'loan-slip-pdf': call<ExportFile>()({ input: z.object({ id }).strict(), access: 'signed-in', changes: [] }),
  /** The desktop app's print dialog for the slip; `printed` is false when the user cancelled. */
  'loan-slip-print': call<{ printed: boolean }>()({ input: z.object({ id }).strict(), access: 'signed-in', changes: [] }),
  'loan-register-export': call<ExportFile>()({
    input: z.object({ from: isoDate, to: isoDate, format: z.enum(['pdf', 'csv', 'xlsx']) }).strict(),
    access: ['clerk', 'custodian', 'manager', 'auditor'],
    changes: [],
  }),
};
