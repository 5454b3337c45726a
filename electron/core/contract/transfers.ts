import { z } from 'zod';
import { TRANSFER_STATUSES } from '../enums';
import type { BoxRow } from '../../../db/schema';
import type { ExportFile } from './audit';
import { boxCode } from './boxes';
import { call } from './define';
import { id, listLimit, optionalDate, requiredText, text } from './fields';
import { personName } from './person-names';

/**
 * Transfer 移交 (domain.md "Transfer 移交", seed §4.7): approved by the department head, signed on
 * the spot by the person handing over and the person receiving; personnel files of a staff member
 * who moved are collected within a week of the move (§4.7.2).
 */
export { TRANSFER_STATUSES };
export const PERSONNEL_COLLECTION_DAYS = 7;

/** A drawn signature: a PNG as a data URL, capped so a record stays small (≈150 KB of image). */
export const SIGNATURE_MAX_CHARS = 200_000;
export const signatureDataUrl = z
  .string()
  .max(SIGNATURE_MAX_CHARS, { error: 'v.signatureTooLarge' })
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/, { error: 'v.signature' })
  // The PNG signature bytes (89 50 4E 47) are "iVBORw0KGgo" in base64.
  .refine((s) => s.startsWith('data:image/png;base64,iVBORw0KGgo'), { error: 'v.signature' });

const accountParty = z
  .object({ kind: z.literal('account'), username: requiredText(40), password: z.string().min(1, { error: 'v.required' }).max(200) })
  .strict();
const personParty = z.object({ kind: z.literal('person'), name: personName(40), signature: signatureDataUrl }).strict();

/** One side of the sign-off: an account (user name) confirming with its own password, or a person with a drawn signature. */
export const signOffParty = z.discriminatedUnion('kind', [accountParty, personParty]);
/** Who stands on a side, without the password or signature: what can be checked before the confirmation. */
export const signOffCheckParty = z.discriminatedUnion('kind', [accountParty.omit({ password: true }), personParty.omit({ signature: true })]);

export const transferCreateInput = z
  .object({
    boxCodes: z
      .array(boxCode.pipe(z.string().min(1, { error: 'v.required' })))
      .min(1, { error: 'v.boxesRequired' })
      .max(200)
      .refine((codes) => new Set(codes).size === codes.length, { error: 'v.boxTwice' }),
    fromDepartment: requiredText(60),
    toDepartment: requiredText(60),
    reason: requiredText(200),
    personnelMoveDate: optionalDate,
  })
  .strict()
  .refine((v) => v.fromDepartment !== v.toDepartment, { error: 'v.sameDepartment', path: ['toDepartment'] });

export const transferDecisionInput = z
  .object({ id, approve: z.boolean(), reason: text(200) })
  .strict()
  .refine((v) => v.approve || v.reason.length > 0, { error: 'v.rejectReason', path: ['reason'] });

export const transferSignOffInput = z.object({ id, handover: signOffParty, receiver: signOffParty }).strict();
export const transferSignOffCheckInput = z.object({ id, handover: signOffCheckParty, receiver: signOffCheckParty }).strict();

export const transferListInput = z.object({ status: z.enum(TRANSFER_STATUSES).optional(), cursor: id.optional(), limit: listLimit }).strict();

export const transferExportInput = transferListInput
  .omit({ cursor: true, limit: true })
  .extend({ format: z.enum(['xlsx', 'csv']) })
  .strict();

export interface TransferBox {
  boxId: number;
  code: string;
  title: string;
  kind: BoxRow['kind'];
  itemCount: number;
  remarks: string;
  status: BoxRow['status'];
}

export interface SignOffSide {
  userId: number | null;
  name: string;
  /** The drawn signature (PNG data URL) of a person without an account. */
  signature: string | null;
}

export interface Transfer {
  id: number;
  transferNo: string;
  fromDepartment: string;
  toDepartment: string;
  reason: string;
  personnelMoveDate: string | null;
  /** Move date + 7 days (§4.7.2); null when the order is not about a staff member's move. */
  collectBy: string | null;
  /** Not signed off and the collection deadline has passed. */
  collectOverdue: boolean;
  status: (typeof TRANSFER_STATUSES)[number];
  requestedAt: string;
  requestedById: number;
  requestedByName: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionReason: string;
  cancelledAt: string | null;
  handover: SignOffSide | null;
  receiver: SignOffSide | null;
  signedAt: string | null;
  boxes: TransferBox[];
}

export type TransferSummary = Omit<Transfer, 'boxes' | 'handover' | 'receiver'> & {
  boxCount: number;
  handoverName: string | null;
  receiverName: string | null;
};

export const transferCalls = {
  'transfer-create': call<Transfer>()({ input: transferCreateInput, access: ['custodian', 'manager'], changes: ['transfer'] }),
  'transfer-decide': call<Transfer>()({ input: transferDecisionInput, access: ['manager'], changes: ['transfer'] }),
  'transfer-cancel': call<Transfer>()({ input: z.object({ id }).strict(), access: ['custodian', 'manager'], changes: ['transfer'] }),
  'transfer-sign-off': call<Transfer>()({ input: transferSignOffInput, access: ['custodian', 'clerk'], changes: ['transfer', 'box'] }),
  /** The sign-off's refusals that need no password (state, boxes, one person on both sides), before the irreversible confirmation. */
  'transfer-sign-off-check': call<null>()({ input: transferSignOffCheckInput, access: ['custodian', 'clerk'], reads: ['transfer', 'user'] }),
  'transfer-get': call<Transfer>()({ input: z.object({ id }).strict(), access: 'signed-in', reads: ['transfer', 'box'] }),
  'transfer-list': call<{ rows: TransferSummary[]; nextCursor: number | null }>()({ input: transferListInput, access: 'signed-in', reads: ['transfer'] }),
  'transfer-sheet-pdf': call<ExportFile>()({ input: z.object({ id }).strict(), access: 'signed-in', changes: [] }),
  'transfer-export': call<ExportFile>()({ input: transferExportInput, access: ['clerk', 'custodian', 'manager', 'auditor'], changes: [] }),
};
