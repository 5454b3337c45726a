import { useIsMutating, useMutation, useQuery } from '@tanstack/react-query';
import type { CallInput, CallName, CallOutput } from '../../../electron/core/contract';
import { call } from '../../api/client';
import { callQuery } from '../../ui/queries';

export const useBackupOverview = () => useQuery(callQuery('backup-overview', {}));
/**
 * The long job running now: polled often while one runs (its progress bar) or while this screen
 * waits for a call that may start one (a re-key, a restore), seldom otherwise (a scheduled one starting).
 */
export function useJobStatus() {
  const waiting = useIsMutating() > 0;
  return useQuery({ ...callQuery('job-status', {}), refetchInterval: (query) => (query.state.data?.running || waiting ? 500 : 5000) });
}
export const useBackupList = (folder: string | null) => useQuery({ ...callQuery('backup-list', { folder: folder ?? '/' }), enabled: folder !== null });

/** A backup-screen write: the overview (last good backup per folder) and listings follow it. */
export function useBackupWrite<N extends CallName>(name: N, onSuccess?: (out: CallOutput<N>) => void) {
  return useMutation({
    mutationFn: (input: CallInput<N>) => call(name, input),
    onSuccess: (out) => {
      onSuccess?.(out);
    },
  });
}
