import { z } from 'zod';
import { DESTRUCTION_METHODS, DESTRUCTION_STATUSES, RETENTION_CLASSES } from '../enums';
import type { BoxRow } from '../../../db/schema';
import type { ExportFile } from './audit';
import { boxCode } from './boxes';
import { call } from './define';
import { id, isoDate, isoMonth, listLimit, requiredText, text } from './fields';
import { personName } from './person-names';

/**
 * Retention and destruction 销毁 (domain.md "Destruction 销毁", "Retention 保管期限", seed §4.9):
 * only boxes whose retention has run out and that are not held; a manager other than the proposer
 * approves; execution names the method, the executor and two different supervisors 监销人.
 */
export { DESTRUCTION_METHODS, DESTRUCTION_STATUSES };

export const retentionReportInput = z
  .object({
    /** Boxes whose retention ends on or before this date (today: those already ended). */
    by: isoDate.optional(),
    /** And on or after this date: one month's ends, as the overview's retention bars open them. */
    from: isoDate.optional(),
    /** Or the custodian's monthly list: boxes whose retention ends within this month (2026-03). */
    month: isoMonth.optional(),
    retentionClass: z.enum(RETENTION_CLASSES).optional(),
  })
  .strict()
  .refine((v) => (v.by === undefined) !== (v.month === undefined), { error: 'v.required', path: ['by'] })
  .refine((v) => !v.from || (v.by !== undefined && v.from <= v.by), { error: 'v.rangeOrder', path: ['by'] });

export const destructionProposeInput = z
  .object({
    boxCodes: z
      .array(boxCode.pipe(z.string().min(1, { error: 'v.required' })))
      .min(1, { error: 'v.boxesRequired' })
      .max(500)
      .refine((codes) => new Set(codes).size === codes.length, { error: 'v.boxTwice' }),
    reason: requiredText(200),
  })
  .strict();

export const destructionDecisionInput = z
  .object({ id, approve: z.boolean(), reason: text(200) })
  .strict()
  .refine((v) => v.approve || v.reason.length > 0, { error: 'v.rejectReason', path: ['reason'] });

export const destructionExecuteInput = z
  .object({
    id,
    method: z.enum(DESTRUCTION_METHODS),
    methodNote: text(200),
    destroyedOn: isoDate,
    executor: personName(40),
    supervisors: z.tuple([personName(40), personName(40)]),
  })
  .strict()
  .refine((v) => v.method !== 'other' || v.methodNote.length > 0, { error: 'v.methodNote', path: ['methodNote'] });

export const destructionListInput = z.object({ status: z.enum(DESTRUCTION_STATUSES).optional(), cursor: id.optional(), limit: listLimit }).strict();

export const destructionExportInput = destructionListInput
  .omit({ cursor: true, limit: true })
  .extend({ format: z.enum(['xlsx', 'csv']) })
  .strict();

export interface RetentionRow {
  boxId: number;
  code: string;
  title: string;
  kind: BoxRow['kind'];
  status: BoxRow['status'];
  retentionClass: (typeof RETENTION_CLASSES)[number];
  retentionYears: number;
  retentionStart: string;
  retentionEnd: string;
  yearFrom: number | null;
  yearTo: number | null;
  itemCount: number;
  /** Already on a destruction proposal still in progress. */
  proposed: boolean;
  /** Where it stands: 一号库房 › C-03 › 第2层 › 05, blank while unplaced. */
  location: string;
}

/** A box the report would list but a hold keeps: the custodian reviews whether the hold still stands. */
export interface HeldRetentionRow extends Omit<RetentionRow, 'proposed'> {
  holdId: number;
  holdReason: string;
  heldSince: string;
  heldByName: string;
}

export interface RetentionReport {
  /** The last day the report reaches: the date asked for, or the month's last day. */
  by: string;
  /** The month asked for, or null for a report up to a date. */
  month: string | null;
  rows: RetentionRow[];
  /** The held boxes left out of rows, with their holds (at most the report's cap). */
  held: HeldRetentionRow[];
  /** Boxes that would be listed but are held (冻结), left out. */
  heldExcluded: number;
  /** The report stops here; narrow it by class or date. */
  truncated: boolean;
}

export interface DestructionBox {
  boxId: number;
  code: string;
  title: string;
  yearFrom: number | null;
  yearTo: number | null;
  retentionClass: (typeof RETENTION_CLASSES)[number];
  retentionYears: number | null;
  retentionEnd: string;
  itemCount: number;
  status: BoxRow['status'];
}

export interface Destruction {
  id: number;
  registerNo: string;
  reason: string;
  status: (typeof DESTRUCTION_STATUSES)[number];
  proposedAt: string;
  proposedById: number;
  proposedByName: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionReason: string;
  method: (typeof DESTRUCTION_METHODS)[number] | null;
  methodNote: string;
  destroyedOn: string | null;
  executorName: string | null;
  supervisors: [string, string] | null;
  executedAt: string | null;
  executedByName: string | null;
  boxes: DestructionBox[];
}

export type DestructionSummary = Omit<Destruction, 'boxes'> & { boxCount: number };

export const destructionCalls = {
  'retention-report': call<RetentionReport>()({
    input: retentionReportInput,
    access: ['custodian', 'manager', 'auditor'],
    reads: ['box', 'owner', 'hold', 'destruction'],
  }),
  'destruction-propose': call<Destruction>()({ input: destructionProposeInput, access: ['custodian', 'manager'], changes: ['destruction', 'box'] }),
  'destruction-decide': call<Destruction>()({ input: destructionDecisionInput, access: ['manager'], changes: ['destruction', 'box'] }),
  'destruction-cancel': call<Destruction>()({ input: z.object({ id }).strict(), access: ['custodian', 'manager'], changes: ['destruction', 'box'] }),
  'destruction-execute': call<Destruction>()({ input: destructionExecuteInput, access: ['custodian'], changes: ['destruction', 'box'] }),
  /** The execution's refusals (state, supervisors, date, holds), before the irreversible confirmation. */
  'destruction-execute-check': call<null>()({ input: destructionExecuteInput, access: ['custodian'], reads: ['destruction', 'user'] }),
  'destruction-get': call<Destruction>()({ input: z.object({ id }).strict(), access: ['custodian', 'manager', 'auditor'], reads: ['destruction', 'box'] }),
  'destruction-list': call<{ rows: DestructionSummary[]; nextCursor: number | null }>()({
    input: destructionListInput,
    access: ['custodian', 'manager', 'auditor'],
    reads: ['destruction'],
  }),
  'destruction-register-pdf': call<ExportFile>()({ input: z.object({ id }).strict(), access: ['custodian', 'manager', 'auditor'], changes: [] }),
  'destruction-export': call<ExportFile>()({ input: destructionExportInput, access: ['custodian', 'manager', 'auditor'], changes: [] }),
};
