import type { CallInput, CallName } from '../../electron/core/contract';

/** Valid payloads for the lending calls added after the first session (spread into validPayloads). */
export const lendingPayloads = {
  'user-directory': {},
  'loan-slip-print': { id: 1 },
  'incident-list': { boxId: 1, status: 'open', cursor: 10, limit: 20 },
  'loan-copy-register': {
    loanId: 1,
    kind: 'copy',
    description: '租赁合同第 3–5 页',
    documentIds: [1],
    pages: 3,
    copies: 2,
    madeBy: '王芳',
    madeOn: '2026-03-02',
  },
} satisfies { [N in CallName]?: CallInput<N> };
