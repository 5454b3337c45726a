import type { QueryClient } from '@tanstack/react-query';
import type { ErrorCode } from '../../electron/core/contract/errors';
import { errorPayload } from './forms';

/**
 * Refusals that mean the record changed since the screen loaded it (another tab or desk handed the
 * loan out, signed the order, lifted the hold…): what is on screen is out of date.
 */
const MOVED_ON: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'LOAN_WRONG_STATE',
  'LOAN_NOT_APPROVED',
  'LOAN_BOX_UNAVAILABLE',
  'LOAN_BOX_BUSY',
  'LOAN_BOX_ON_TRANSFER',
  'BOX_NOT_ON_LOAN',
  'BORROWER_DISABLED',
  'RENEWAL_PENDING',
  'RENEWAL_INCIDENT_OPEN',
  'INCIDENT_CLOSED',
  'TRANSFER_WRONG_STATE',
  'TRANSFER_NOT_APPROVED',
  'TRANSFER_BOX_ON_LOAN',
  'TRANSFER_BOX_UNAVAILABLE',
  'TRANSFER_BOX_BUSY',
  'HOLD_ACTIVE',
  'HOLD_LIFTED',
  'BOX_HELD',
  'DESTRUCTION_WRONG_STATE',
  'DESTRUCTION_NOT_APPROVED',
  'DESTRUCTION_BOX_UNAVAILABLE',
  'INSPECTION_EXISTS',
  'INSPECTION_CLOSED',
  'FOLLOW_UP_CLOSED',
]);

/** NOT_FOUND naming a code is a typed or scanned code that does not exist; without one, the record itself is gone. */
export function movedOn(error: unknown): boolean {
  const { code, params } = errorPayload(error);
  return MOVED_ON.has(code) || (code === 'NOT_FOUND' && params?.code === undefined);
}

/** After such a refusal every record on screen is loaded again, so it stops offering the step that was refused. */
export function reloadIfMovedOn(client: QueryClient, error: unknown): void {
  if (movedOn(error)) void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'app-status' });
}
