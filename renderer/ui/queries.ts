import { queryOptions } from '@tanstack/react-query';
import type { CallInput, CallName } from '../../electron/core/contract';
import { call } from '../api/client';

/**
 * react-query options for a read call, keyed [name, input], so `invalidateQueries({ queryKey:
 * [name] })` refreshes every query of that call after a write.
 */
export function callQuery<N extends CallName>(name: N, input: CallInput<N>) {
  return queryOptions({ queryKey: [name, input] as const, queryFn: () => call(name, input) });
}

export const statusQuery = callQuery('app-status', {});
