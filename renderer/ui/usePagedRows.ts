import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';

/** The rows of every page loaded so far, and a loadMore that is safe to call on every scroll event. */
export function usePagedRows<P extends { rows: unknown[] }>(list: UseInfiniteQueryResult<InfiniteData<P>>) {
  const rows = useMemo((): P['rows'][number][] => list.data?.pages.flatMap((page) => page.rows) ?? [], [list.data]);
  // Scroll events outrun re-renders: by default each call would cancel and restart the same page.
  const loadMore = () => void list.fetchNextPage({ cancelRefetch: false });
  return { rows, loadMore };
}
