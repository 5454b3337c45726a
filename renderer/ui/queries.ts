import { queryOptions } from '@tanstack/react-query';
import type { CallInput, CallName } from '../../electron/core/contract';
import { call } from '../api/client';

/** react-query options for a read call, keyed [name, input]: refresh.ts finds a write's readers by the name. */
export function callQuery<N extends CallName>(name: N, input: CallInput<N>) {
  return queryOptions({ queryKey: [name, input] as const, queryFn: () => call(name, input) });
}

export const statusQuery = callQuery('app-status', {});
