import { z } from 'zod';
import { BUSINESS_TYPES } from '../enums';
import type { BoxRow, OwnerRow } from '../../../db/schema';
import { call } from './define';
import { id, listLimit, optionalDate, phone, text } from './fields';
import { ownerName } from './owner-names';

export const ownerFields = z.object({
  name: ownerName(100),
  unitNo: text(40),
  floor: text(20),
  businessType: z.enum(BUSINESS_TYPES),
  contactPerson: text(40),
  phone,
  leaseStart: optionalDate,
  moveOutDate: optionalDate,
  note: text(2000),
});

const leaseOrder = (v: { leaseStart: string | null; moveOutDate: string | null }) => !v.leaseStart || !v.moveOutDate || v.leaseStart <= v.moveOutDate;

export const ownerCreateInput = ownerFields.strict().refine(leaseOrder, { error: 'v.moveOutBeforeLease', path: ['moveOutDate'] });
export const ownerUpdateInput = ownerFields
  .extend({ id })
  .strict()
  .refine(leaseOrder, { error: 'v.moveOutBeforeLease', path: ['moveOutDate'] });
export type OwnerInput = z.infer<typeof ownerCreateInput>;

export const ownerListInput = z
  .object({
    query: text(100).default(''),
    floor: text(20).optional(),
    businessType: z.enum(BUSINESS_TYPES).optional(),
    cursor: id.optional(),
    limit: listLimit,
  })
  .strict();

export type OwnerListRow = OwnerRow & { boxCount: number };
export interface OwnerDetail {
  owner: OwnerRow;
  boxes: Pick<BoxRow, 'id' | 'code' | 'title' | 'volume' | 'status' | 'kind'>[];
}

/** Owners a name would be the same as (its ownerKey), other than the one being edited. */
export const ownerSameNameInput = z.object({ name: ownerName(100), exceptId: id.optional() }).strict();

export const ownerCalls = {
  'owner-list': call<{ rows: OwnerListRow[]; nextCursor: number | null }>()({ input: ownerListInput, access: 'signed-in', reads: ['owner'] }),
  'owner-get': call<OwnerDetail>()({ input: z.object({ id }).strict(), access: 'signed-in', reads: ['owner', 'box'] }),
  'owner-create': call<OwnerRow>()({ input: ownerCreateInput, access: ['custodian'], changes: ['owner'] }),
  'owner-update': call<OwnerRow>()({ input: ownerUpdateInput, access: ['custodian'], changes: ['owner'] }),
  'owner-same-name': call<{ owners: { id: number; name: string }[] }>()({ input: ownerSameNameInput, access: ['custodian'], reads: ['owner'] }),
};
