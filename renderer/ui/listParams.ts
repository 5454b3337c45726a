import type { z } from 'zod';
import { boxListInput } from '../../electron/core/contract/boxes';
import { ownerListInput } from '../../electron/core/contract/owners';
import type { CallInput } from '../../electron/core/contract';

export type BoxFilters = Omit<CallInput<'box-list'>, 'cursor' | 'limit'>;
export type OwnerFilters = Omit<CallInput<'owner-list'>, 'cursor' | 'limit'>;

/**
 * Search and filters live in the address (?query=…&kind=…), so Back from a box returns to the same
 * list. Each value is checked with the contract's own schema; a bad one is simply ignored.
 */
function param<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> | undefined {
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** Blank text filters mean "any", not "equal to the empty string". */
const text = (params: URLSearchParams, key: string) => params.get(key)?.trim() || undefined;

export function boxFiltersFromParams(params: URLSearchParams): BoxFilters {
  const s = boxListInput.shape;
  const ownerId = params.get('ownerId');
  return {
    query: params.get('query') ?? '',
    kind: param(s.kind, params.get('kind') ?? undefined),
    status: param(s.status, params.get('status') ?? undefined),
    floor: param(s.floor, text(params, 'floor')),
    room: param(s.room, text(params, 'room')),
    cabinet: param(s.cabinet, text(params, 'cabinet')),
    ownerId: ownerId ? param(s.ownerId, Number(ownerId)) : undefined,
  };
}

export function ownerFiltersFromParams(params: URLSearchParams): OwnerFilters {
  const s = ownerListInput.shape;
  return {
    query: params.get('query') ?? '',
    floor: param(s.floor, text(params, 'floor')),
    businessType: param(s.businessType, params.get('businessType') ?? undefined),
  };
}

/** A copy of the params with one value set, or removed when blank. */
export function withParam(params: URLSearchParams, key: string, value: string | number | null | undefined): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === undefined || value === null || value === '') next.delete(key);
  else next.set(key, String(value));
  return next;
}
