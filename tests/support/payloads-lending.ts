import type { CallInput, CallName } from '../../electron/core/contract';

/** Valid payloads for the lending calls added after the first session (spread into validPayloads). */
export const lendingPayloads = {
  'user-directory': {},
  'loan-slip-print': { id: 1 },
  'incident-list': { boxId: 1, status: 'open', cursor: 10, limit: 20 },
} satisfies { [N in CallName]?: CallInput<N> };
