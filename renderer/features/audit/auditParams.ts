import dayjs from 'dayjs';
import type { z } from 'zod';
import type { CallInput } from '../../../electron/core/contract';
import { auditListInput } from '../../../electron/core/contract/audit';
import { isoDate } from '../../../electron/core/contract/fields';

export type AuditFilters = Omit<CallInput<'audit-list'>, 'cursor' | 'limit'>;

export const ISO_DAY = 'YYYY-MM-DD';

/** A value the contract's own schema accepts, or undefined: a bad one in the address is ignored. */
function param<S extends z.ZodType>(schema: S, raw: string | null): z.output<S> | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const parsed = schema.safeParse(raw.trim());
  return parsed.success ? parsed.data : undefined;
}

/**
 * The filters live in the address so a reload or Back keeps them. Dates are kept there as local
 * calendar days (?from=2026-03-01&to=2026-03-31, readable and time-zone free); the call gets the
 * UTC instants that bound them: the start of the first day and the end of the last.
 */
export function auditFiltersFromParams(params: URLSearchParams): AuditFilters {
  const s = auditListInput.shape;
  const actorId = params.get('actorId');
  const from = param(isoDate, params.get('from'));
  const to = param(isoDate, params.get('to'));
  return {
    actorId: actorId ? s.actorId.safeParse(Number(actorId)).data : undefined,
    entity: param(s.entity, params.get('entity')),
    action: param(s.action, params.get('action')),
    boxCode: param(s.boxCode, params.get('boxCode')),
    from: from && dayjs(from).startOf('day').toISOString(),
    to: to && dayjs(to).endOf('day').toISOString(),
  };
}
