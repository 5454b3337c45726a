import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  hashKey,
  infiniteQueryOptions,
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
} from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { CallInput } from '../../../electron/core/contract';
import { BOX_SCROLL_PAGE, type BoxDetail } from '../../../electron/core/contract/boxes';
import { call } from '../../api/client';
import type { BoxFilters, OwnerFilters } from '../../ui/listParams';
import { callQuery } from '../../ui/queries';

/** Rows per keyset page: a few screens of a virtual table, small enough to answer at once. */
const PAGE_SIZE = 100;
/** The box list's first page stays small, to show at once; the pages scrolled to are big (fewer round trips). */
const BOX_FIRST_PAGE = 100;
/** Every debounced keystroke is a query of its own; forgotten ones are dropped soon so memory stays flat. */
const LIST_GC_MS = 30_000;
const OWNER_OPTIONS_LIMIT = 20;

/**
 * A list comes back scrolled to the top, so of what was loaded only the first page is worth keeping:
 * holding the rest costs memory, and refetching a stale list would fetch every page again.
 */
function useFirstPageOnLeave(name: 'box-list' | 'owner-list', filters: BoxFilters | OwnerFilters) {
  const client = useQueryClient();
  // The key's hash (JSON) as the dependency: a new but equal filters object is the same list.
  const hash = hashKey([name, filters]);
  useEffect(() => {
    const firstPage = (data: InfiniteData<unknown> | undefined) => data && { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) };
    return () => {
      client.setQueryData(JSON.parse(hash) as unknown[], firstPage);
    };
  }, [client, hash]);
}

function boxListOptions(filters: BoxFilters) {
  return infiniteQueryOptions({
    queryKey: ['box-list', filters],
    queryFn: ({ pageParam }) => call('box-list', { ...filters, cursor: pageParam, limit: pageParam === undefined ? BOX_FIRST_PAGE : BOX_SCROLL_PAGE }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // While the next keystroke's answer is on its way the old rows stay, so the table does not flash.
    placeholderData: keepPreviousData,
    gcTime: LIST_GC_MS,
  });
}

/** Keyed like `callQuery`, [name, input], so invalidating [name] reaches these too. */
export function useBoxList(filters: BoxFilters) {
  useFirstPageOnLeave('box-list', filters);
  const options = boxListOptions(filters);
  // Asked for while the screen renders: the query itself would only ask once the screen is mounted
  // and painted (its effect), after ~100 ms of mounting on a slow PC, and then wait for the answer.
  const client = useQueryClient();
  const hash = hashKey(options.queryKey);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per distinct query (its hash), not per new options object
  useMemo(() => void client.prefetchInfiniteQuery(options), [client, hash]);
  return useInfiniteQuery(options);
}

export function useOwnerList(filters: OwnerFilters) {
  useFirstPageOnLeave('owner-list', filters);
  return useInfiniteQuery({
    queryKey: ['owner-list', filters],
    queryFn: ({ pageParam }) => call('owner-list', { ...filters, cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    gcTime: LIST_GC_MS,
  });
}

export function useOwnerOptions(query: string) {
  return useQuery({ ...callQuery('owner-list', { query, limit: OWNER_OPTIONS_LIMIT }), placeholderData: keepPreviousData, gcTime: LIST_GC_MS });
}

export function useBox(id: number) {
  return useQuery(callQuery('box-get', { id }));
}

export function useOwner(id: number | null | undefined) {
  return useQuery({ ...callQuery('owner-get', { id: id ?? 0 }), enabled: id != null });
}

/** A preview only: the server takes the number when the box is saved. */
/** Asked once, on saving a typed code: not cached, the next box may have taken a look-alike. */
export const lookAlikeCodes = (code: string) => call('box-code-lookalikes', { code }).then((r) => r.codes);

/** Asked once, on saving an owner's name: existing owners it is the same as, written another way. */
export const ownersOfSameName = (name: string, exceptId?: number) =>
  call('owner-same-name', exceptId === undefined ? { name } : { name, exceptId }).then((r) => r.owners);

export function useNextCode(kind: CallInput<'box-next-code'>['kind'], enabled: boolean) {
  return useQuery({ ...callQuery('box-next-code', { kind }), enabled, staleTime: 0 });
}

/** A box write answers with the whole detail: show it at once (the contract's topics refetch the rest), and say what was done, naming the box (`done`: a key under catalogue's `done`). */
function useBoxWrite<I>(write: (input: I) => Promise<BoxDetail>, done: string) {
  const client = useQueryClient();
  const { t } = useTranslation('catalogue');
  const { message } = App.useApp();
  return useMutation({
    mutationFn: write,
    onSuccess: (detail, input) => {
      client.setQueryData(callQuery('box-get', { id: detail.box.id }).queryKey, detail);
      const title = typeof input === 'object' && input !== null && 'title' in input ? String(input.title) : '';
      void message.success(t(`done.${done}`, { code: detail.box.code, title }));
    },
  });
}

export const useCreateBox = () => useBoxWrite((input: CallInput<'box-create'>) => call('box-create', input), 'created');
export const useUpdateBox = () => useBoxWrite((input: CallInput<'box-update'>) => call('box-update', input), 'updated');
export const useMoveBox = () => useBoxWrite((input: CallInput<'box-move'>) => call('box-move', input), 'moved');
export const useChangeBoxCode = () => useBoxWrite((input: CallInput<'box-code-change'>) => call('box-code-change', input), 'codeChanged');
export const useAddDocument = () => useBoxWrite((input: CallInput<'box-document-add'>) => call('box-document-add', input), 'documentAdded');
export const useUpdateDocument = () => useBoxWrite((input: CallInput<'box-document-update'>) => call('box-document-update', input), 'documentUpdated');
export const useRemoveDocument = () => useBoxWrite((input: CallInput<'box-document-remove'>) => call('box-document-remove', input), 'documentRemoved');

/** Says which owner was saved; its lists and boxes refetch through the contract's topics. */
export function useSaveOwner() {
  const { t } = useTranslation('catalogue');
  const { message } = App.useApp();
  return useMutation({
    mutationFn: ({ id, values }: { id: number | null; values: CallInput<'owner-create'> }) =>
      id === null ? call('owner-create', values) : call('owner-update', { ...values, id }),
    onSuccess: (owner, { id }) => {
      void message.success(t(id === null ? 'done.ownerCreated' : 'done.ownerUpdated', { name: owner.name }));
    },
  });
}
