import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CallInput } from '../../../electron/core/contract';
import type { AuditListRow } from '../../../electron/core/contract/audit';
import { call } from '../../api/client';
import { callQuery } from '../../ui/queries';
import { usePagedRows } from '../../ui/usePagedRows';
import type { AuditFilters } from './auditParams';
import { saveExportFile } from '../../ui/download';

/** Entries per keyset page: a few screens of the virtual table. */
const PAGE_SIZE = 100;

/** InfiniteTable keys its rows by `id`; an entry's key is its sequence number. */
export type AuditTableRow = AuditListRow & { id: number };

/** Newest first, page by page as the table scrolls; keyed [name, input] like `callQuery`. */
export function useAuditEntries(filters: AuditFilters) {
  const list = useInfiniteQuery({
    queryKey: ['audit-list', filters],
    queryFn: ({ pageParam }) => call('audit-list', { ...filters, cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // The old rows stay while a changed filter's answer is on its way, so the table does not flash.
    placeholderData: keepPreviousData,
  });
  const { rows: entries, loadMore } = usePagedRows(list);
  const rows = useMemo((): AuditTableRow[] => entries.map((entry) => ({ ...entry, id: entry.seq })), [entries]);
  return { list, rows, loadMore };
}

/** The actions, object types and users that occur in the log: the filters' choices. */
export const useAuditChoices = () => useQuery(callQuery('audit-actions', {}));

/** On demand only: verifying walks the whole chain. */
export const useVerifyChain = () => useMutation({ mutationFn: () => call('audit-verify', {}) });

export function useExportAudit() {
  return useMutation({
    mutationFn: (input: CallInput<'audit-export'>) => call('audit-export', input),
    onSuccess: (file) => saveExportFile(file),
  });
}
