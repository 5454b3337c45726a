import type { QueryClient } from '@tanstack/react-query';
import { readsAny } from '../../electron/core/contract';
import { onChanged } from '../api/client';

/**
 * The one refresh rule (issue #22): after any write, every query whose call reads a topic the
 * write changes refetches, as the contract declares them; no screen keeps its own list.
 */
export function refreshOnChange(client: QueryClient): () => void {
  return onChanged((topics) => void client.invalidateQueries({ predicate: (query) => readsAny(query.queryKey, topics) }));
}
