import { useMutation, useQuery } from '@tanstack/react-query';
import type { CallInput, CallName, CallOutput } from '../../../electron/core/contract';
import { call } from '../../api/client';
import { callQuery } from '../../ui/queries';

export const useBackupOverview = () => useQuery(callQuery('backup-overview', {}));
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
