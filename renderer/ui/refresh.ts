import type { QueryClient } from '@tanstack/react-query';
import { readsAny } from '../../electron/core/contract';
import { onChanged } from '../api/client';
import { onReconnected } from '../api/connection';

/**
 * The one refresh rule (issue #22): after any write, every query whose call reads a topic the
 * write changes refetches, as the contract declares them; no screen keeps its own list.
 */
export function refreshOnChange(client: QueryClient): () => void {
  return onChanged((topics) => void client.invalidateQueries({ predicate: (query) => readsAny(query.queryKey, topics) }));
}

/** Back after the host could not be reached: writes made meanwhile were never announced, so every query refetches. */
export function refreshOnReconnect(client: QueryClient): () => void {
  return onReconnected(() => void client.invalidateQueries());
}
