import { z } from 'zod';
import type { DESTRUCTION_STATUSES, TRANSFER_STATUSES } from '../enums';
import { call } from './define';
import { id, requiredText } from './fields';

/** Holds 冻结 (domain.md "Destruction 销毁"): a box under dispute or audit is not destroyed. */
export const holdPlaceInput = z.object({ boxId: id, reason: requiredText(200) }).strict();
export const holdLiftInput = z.object({ id, reason: requiredText(200) }).strict();

export interface Hold {
  id: number;
  boxId: number;
  reason: string;
  placedAt: string;
  placedByName: string;
  liftedAt: string | null;
  liftedByName: string | null;
  liftReason: string;
}

/** What the box detail page shows of a box's custody: holds, transfers, the destruction that ended it. */
export interface BoxCustody {
  custodianDepartment: string;
  holds: Hold[];
  transfers: { id: number; transferNo: string; toDepartment: string; status: (typeof TRANSFER_STATUSES)[number]; signedAt: string | null }[];
  destruction: { id: number; registerNo: string; status: (typeof DESTRUCTION_STATUSES)[number]; destroyedOn: string | null } | null;
}

export const holdCalls = {
  'hold-place': call<Hold>()({ input: holdPlaceInput, access: ['custodian', 'manager'], changes: ['hold'] }),
  'hold-lift': call<Hold>()({ input: holdLiftInput, access: ['custodian', 'manager'], changes: ['hold'] }),
  'box-custody': call<BoxCustody>()({ input: z.object({ boxId: id }).strict(), access: 'signed-in', reads: ['box', 'transfer', 'hold', 'destruction'] }),
};
