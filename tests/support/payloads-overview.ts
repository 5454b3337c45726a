import type { CallInput } from '../../electron/core/contract';
import type { overviewCalls } from '../../electron/core/contract/overview';

/** One valid payload per overview call (spread into validPayloads). */
export const overviewPayloads: { [N in keyof typeof overviewCalls]: CallInput<N> } = {
  overview: {},
};
