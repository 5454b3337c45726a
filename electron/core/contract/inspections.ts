import { z } from 'zod';
import { BOX_CONDITIONS, type BOX_STATUSES, FOLLOW_UP_STATUSES, INSPECTION_KINDS, INSPECTION_STATUSES } from '../enums';
import type { ExportFile } from './audit';
import { boxCode } from './boxes';
import { call } from './define';
import { empty, id, listLimit, requiredText, text } from './fields';

/**
 * Monthly inspection 检查 (domain.md "Monthly inspection 检查", seed §4.8): every box in stock,
 * present / complete / correctly filed / condition; findings are followed up until closed.
 */
export { BOX_CONDITIONS, FOLLOW_UP_STATUSES, INSPECTION_STATUSES };
export const FINDINGS = ['missing_box', 'incomplete', 'misfiled', 'wrong_place', 'condition'] as const;
export type Finding = (typeof FINDINGS)[number];

export const inspectionCheckInput = z
  .object({
    itemId: id,
    present: z.boolean(),
    complete: z.boolean(),
    correctlyFiled: z.boolean(),
    condition: z.enum(BOX_CONDITIONS),
    note: text(500),
    /** Who follows the findings up; required when anything is wrong. */
    followUpOwner: text(40),
  })
  .strict()
  .superRefine((v, ctx) => {
    const wrong = !v.present || !v.complete || !v.correctlyFiled || v.condition !== 'good';
    if (wrong && !v.followUpOwner) ctx.addIssue({ code: 'custom', message: 'v.followUpOwner', path: ['followUpOwner'] });
    if (wrong && !v.note) ctx.addIssue({ code: 'custom', message: 'v.findingNote', path: ['note'] });
  });

/** The monthly check unless a full stocktake 全面盘点 is asked for. */
export const inspectionStartInput = z.object({ kind: z.enum(INSPECTION_KINDS).default('monthly'), byCabinet: z.boolean().default(false) }).strict();

/** A scan at the shelf; with cabinetId, at that cabinet of an inspection walked by cabinet. */
export const inspectionScanInput = z
  .object({ inspectionId: id, code: boxCode.pipe(z.string().min(1, { error: 'v.required' })), cabinetId: id.optional() })
  .strict();
export const inspectionPartStartInput = z.object({ inspectionId: id, cabinetId: id }).strict();
export const followUpListInput = z.object({ status: z.enum(FOLLOW_UP_STATUSES).optional(), inspectionId: id.optional(), limit: listLimit }).strict();
export const followUpCloseInput = z.object({ id, resolution: requiredText(500) }).strict();

export const inspectionExportInput = z.object({ id, format: z.enum(['xlsx', 'csv']) }).strict();

export interface InspectionItem {
  id: number;
  seq: number;
  boxId: number;
  code: string;
  title: string;
  location: string;
  present: boolean | null;
  complete: boolean | null;
  correctlyFiled: boolean | null;
  condition: (typeof BOX_CONDITIONS)[number] | null;
  note: string;
  checkedAt: string | null;
  checkedByName: string | null;
  findings: Finding[];
  /** In an inspection walked by cabinet: the cabinet the box is registered in. */
  cabinetId: number | null;
  /** Where it was found instead (存放位置错误); `location` is where it belongs. */
  foundIn: string | null;
}

/** A box of a cabinet that is not on its shelf to be checked: on loan, or awaiting destruction. */
export interface ApartBox {
  boxId: number;
  code: string;
  title: string;
  location: string;
  status: (typeof BOX_STATUSES)[number];
}

/** One cabinet of an inspection walked by cabinet. */
export interface InspectionPart {
  cabinetId: number;
  /** 一号库房 › C-03 */
  path: string;
  startedAt: string | null;
  /** Frozen when the part started; before that, the boxes it would list now. */
  total: number;
  checked: number;
  withFindings: number;
  /** Listed apart, not walked. */
  apart: ApartBox[];
}

export interface FollowUp {
  id: number;
  inspectionId: number;
  month: string;
  itemId: number;
  boxId: number;
  boxCode: string;
  boxTitle: string;
  findings: Finding[];
  note: string;
  owner: string;
  status: (typeof FOLLOW_UP_STATUSES)[number];
  createdAt: string;
  createdByName: string;
  closedAt: string | null;
  closedByName: string | null;
  resolution: string;
}

export interface Inspection {
  id: number;
  month: string;
  kind: (typeof INSPECTION_KINDS)[number];
  status: (typeof INSPECTION_STATUSES)[number];
  startedAt: string;
  startedByName: string;
  completedAt: string | null;
  completedByName: string | null;
  total: number;
  checked: number;
  withFindings: number;
  byCabinet: boolean;
  items: InspectionItem[];
  followUps: FollowUp[];
  /** Every cabinet, in shelf order, when walked by cabinet; empty otherwise. */
  parts: InspectionPart[];
  /** Walked whole and still open: the boxes away from the shelves, listed apart (by cabinet, each part lists its own). */
  apart: ApartBox[];
}

export type InspectionSummary = Omit<Inspection, 'items' | 'followUps' | 'parts' | 'apart'>;

/** The dashboard's reminder: this month's inspection, done or not. */
export interface InspectionStatus {
  month: string;
  /** This month's inspection, if started. */
  current: InspectionSummary | null;
  done: boolean;
  openFollowUps: number;
}

/**
 * The full stocktake 全面盘点, due at least once a year besides the monthly checks: the last one
 * completed and what it found, one in progress, and whether one is due.
 */
export interface StocktakeStatus {
  last: InspectionSummary | null;
  /** The last one's findings, as their follow-ups. */
  findings: FollowUp[];
  open: InspectionSummary | null;
  /** Never done, or the last one completed more than a year ago. */
  due: boolean;
}

export const inspectionCalls = {
  'inspection-start': call<Inspection>()({ input: inspectionStartInput, access: ['custodian'], changes: ['inspection'] }),
  'stocktake-status': call<StocktakeStatus>()({ input: empty, access: ['custodian', 'manager', 'auditor'], reads: ['inspection'] }),
  'inspection-get': call<Inspection>()({ input: z.object({ id }).strict(), access: ['custodian', 'manager', 'auditor'], reads: ['inspection', 'box'] }),
  'inspection-list': call<InspectionSummary[]>()({ input: empty, access: ['custodian', 'manager', 'auditor'], reads: ['inspection'] }),
  'inspection-status': call<InspectionStatus>()({ input: empty, access: 'signed-in', reads: ['inspection'] }),
  'inspection-check': call<InspectionItem>()({ input: inspectionCheckInput, access: ['custodian'], changes: ['inspection'] }),
  'inspection-scan': call<InspectionItem>()({ input: inspectionScanInput, access: ['custodian'], reads: ['inspection', 'box'] }),
  'inspection-part-start': call<Inspection>()({ input: inspectionPartStartInput, access: ['custodian'], changes: ['inspection'] }),
  'inspection-complete': call<Inspection>()({ input: z.object({ id }).strict(), access: ['custodian'], changes: ['inspection'] }),
  'inspection-record-pdf': call<ExportFile>()({ input: z.object({ id }).strict(), access: ['custodian', 'manager', 'auditor'], changes: [] }),
  'inspection-export': call<ExportFile>()({ input: inspectionExportInput, access: ['custodian', 'manager', 'auditor'], changes: [] }),
  'follow-up-list': call<FollowUp[]>()({ input: followUpListInput, access: ['custodian', 'manager', 'auditor'], reads: ['inspection'] }),
  'follow-up-close': call<FollowUp>()({ input: followUpCloseInput, access: ['custodian', 'manager'], changes: ['inspection'] }),
};
