import { z } from 'zod';
import { BOX_KINDS, BOX_STATUSES, CONFIDENTIALITY, DOC_CATEGORIES, RETENTION_CLASSES } from '../enums';
import type { BoxDocumentRow, BoxMoveRow, BoxRow, OwnerRow } from '../../../db/schema';
import { cleanBoxCode } from './box-code-text';
import { call } from './define';
import { id, isoDate, optionalDate, requiredText, text, year } from './fields';

/**
 * Box codes are matched as printed on the label, however they were typed (see cleanBoxCode); the
 * import reads its code column through this too. Empty means "number it for me".
 */
export const boxCode = text(40)
  .transform(cleanBoxCode)
  .pipe(z.string().regex(/^([A-Z0-9][A-Z0-9_\-./]*)?$/, { error: 'v.boxCode' }));

/** A box stands at a node of the managed location tree (a position), or nowhere yet (null). */
const boxFields = z.object({
  locationId: id.nullable(),
  kind: z.enum(BOX_KINDS),
  title: requiredText(200),
  ownerId: id.nullable(),
  volume: z.number().int().min(1).max(999),
  yearFrom: year,
  yearTo: year,
  confidentiality: z.enum(CONFIDENTIALITY),
  retentionClass: z.enum(RETENTION_CLASSES),
  retentionYears: z.number().int().min(1).max(100).nullable(),
  retentionStart: optionalDate,
  note: text(2000),
});

type BoxFieldValues = z.infer<typeof boxFields>;
const boxRules = (v: BoxFieldValues, ctx: z.RefinementCtx) => {
  if (v.retentionClass === 'custom' && v.retentionYears === null) ctx.addIssue({ code: 'custom', message: 'v.retentionYears', path: ['retentionYears'] });
  if (v.yearFrom !== null && v.yearTo !== null && v.yearFrom > v.yearTo) ctx.addIssue({ code: 'custom', message: 'v.yearOrder', path: ['yearTo'] });
  if ((v.kind === 'tenant' || v.kind === 'customer') && v.ownerId === null) ctx.addIssue({ code: 'custom', message: 'v.ownerRequired', path: ['ownerId'] });
};

export const boxCreateInput = boxFields.extend({ code: boxCode }).strict().superRefine(boxRules);
/** The code is printed on the label, so it is fixed once the box exists. */
export const boxUpdateInput = boxFields
  .extend({ id, moveReason: text(200) })
  .strict()
  .superRefine(boxRules);
export type BoxCreateInput = z.infer<typeof boxCreateInput>;

export const boxMoveInput = z.object({ id, locationId: id, reason: requiredText(200) }).strict();

/** A code once issued changes only this way (档号, DA/T 13): by the custodian, with a reason, the old code kept. */
export const boxCodeChangeInput = z.object({ id, code: boxCode.pipe(z.string().min(1, { error: 'v.required' })), reason: requiredText(200) }).strict();

/**
 * The catalogue's pages after the first: scrolling through 100,000 boxes 100 at a time was a
 * thousand round trips and re-renders (~100 s to the end); a thousand rows answer in a few ms.
 */
export const BOX_SCROLL_PAGE = 1000;

export const boxListInput = z
  .object({
    query: text(100).default(''),
    kind: z.enum(BOX_KINDS).optional(),
    status: z.enum(BOX_STATUSES).optional(),
    floor: text(20).optional(),
    ownerId: id.optional(),
    room: text(40).optional(),
    cabinet: text(40).optional(),
    cursor: id.optional(),
    /** Up to a scroll's page (see BOX_SCROLL_PAGE): the catalogue is read through a thousand rows at a time. */
    limit: z.number().int().min(1).max(BOX_SCROLL_PAGE).default(50),
  })
  .strict();
export type BoxListInput = z.infer<typeof boxListInput>;

export const documentFields = z.object({
  docDate: isoDate,
  title: requiredText(200),
  category: z.enum(DOC_CATEGORIES),
  pages: z.number().int().min(1).max(100000),
  note: text(1000),
});
export const documentAddInput = documentFields.extend({ boxId: id }).strict();
export const documentUpdateInput = documentFields.extend({ id }).strict();

export type BoxListRow = BoxRow & { ownerName: string | null; ownerUnit: string | null; ownerFloor: string | null };
/** Counted up to a cap: "1,000+" is a fine answer for a search that matches most of the archive. */
export interface BoxListResult {
  rows: BoxListRow[];
  total: number;
  totalCapped: boolean;
  nextCursor: number | null;
  /** The query was a box's former code: 原档号 code，现为 current. */
  formerCode: { code: string; current: string; id: number } | null;
}

/** A box found by a scan: `formerCode` is the old code scanned when the box has since been given `code`. */
export interface FoundBox {
  id: number;
  code: string;
  formerCode: string | null;
}

export interface ChecklistItem {
  category: (typeof DOC_CATEGORIES)[number];
  expected: boolean;
  count: number;
}

/** A code the box had before a change, and what it was changed to. */
export interface FormerCode {
  code: string;
  newCode: string;
  reason: string;
  changedAt: string;
  changedByName: string;
}

export interface BoxDetail {
  box: BoxRow & { createdByName: string };
  /** Its earlier codes, the latest change first. */
  formerCodes: FormerCode[];
  owner: OwnerRow | null;
  documents: BoxDocumentRow[];
  moves: (BoxMoveRow & { movedByName: string })[];
  /** Only for tenant and customer files, whose expected contents §4.3.2 lists. */
  checklist: ChecklistItem[] | null;
}

export const boxCalls = {
  'box-list': call<BoxListResult>()({ input: boxListInput, access: 'signed-in', reads: ['box', 'owner', 'hold'] }),
  'box-get': call<BoxDetail>()({ input: z.object({ id }).strict(), access: 'signed-in', reads: ['box', 'owner'] }),
  'box-find-by-code': call<FoundBox>()({
    input: z.object({ code: boxCode.pipe(z.string().min(1, { error: 'v.required' })) }).strict(),
    access: 'signed-in',
    reads: ['box'],
  }),
  /** Existing codes a new one could be mistaken for (O/0, I/L/1): the box form asks before saving such a code. */
  'box-code-lookalikes': call<{ codes: string[] }>()({ input: z.object({ code: boxCode }).strict(), access: ['custodian'], reads: ['box'] }),
  'box-next-code': call<{ code: string }>()({ input: z.object({ kind: z.enum(BOX_KINDS) }).strict(), access: ['custodian'], reads: ['box', 'settings'] }),
  'box-create': call<BoxDetail>()({ input: boxCreateInput, access: ['custodian'], changes: ['box'] }),
  'box-update': call<BoxDetail>()({ input: boxUpdateInput, access: ['custodian'], changes: ['box'] }),
  'box-move': call<BoxDetail>()({ input: boxMoveInput, access: ['custodian'], changes: ['box'] }),
  'box-code-change': call<BoxDetail>()({ input: boxCodeChangeInput, access: ['custodian'], changes: ['box'] }),
  'box-document-add': call<BoxDetail>()({ input: documentAddInput, access: ['custodian'], changes: ['box'] }),
  'box-document-update': call<BoxDetail>()({ input: documentUpdateInput, access: ['custodian'], changes: ['box'] }),
  'box-document-remove': call<BoxDetail>()({ input: z.object({ id }).strict(), access: ['custodian'], changes: ['box'] }),
};
