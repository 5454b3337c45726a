import { useMutation, useQuery } from '@tanstack/react-query';
import type { CallInput, CallName, CallOutput } from '../../../electron/core/contract';
import { call } from '../../api/client';
import { saveExportFile } from '../../ui/download';
import { callQuery } from '../../ui/queries';

/** Reads used by the custody screens. */
export const useTransfers = (input: CallInput<'transfer-list'>) => useQuery(callQuery('transfer-list', input));
export const useTransfer = (id: number) => useQuery(callQuery('transfer-get', { id }));
export const useDestructions = (input: CallInput<'destruction-list'>) => useQuery(callQuery('destruction-list', input));
export const useDestruction = (id: number) => useQuery(callQuery('destruction-get', { id }));
export const useInspectionStatus = () => useQuery(callQuery('inspection-status', {}));
export const useInspection = (id: number | undefined) => useQuery({ ...callQuery('inspection-get', { id: id ?? 0 }), enabled: id !== undefined });
export const useInspections = () => useQuery(callQuery('inspection-list', {}));
export const useStocktake = () => useQuery(callQuery('stocktake-status', {}));
export const useFollowUps = () => useQuery(callQuery('follow-up-list', { status: 'open', limit: 200 }));
export const useRetention = (input: CallInput<'retention-report'>) => useQuery(callQuery('retention-report', input));
export const useBoxCustody = (boxId: number) => useQuery(callQuery('box-custody', { boxId }));

export function useCustodyWrite<N extends CallName>(name: N) {
  return useMutation({ mutationFn: (input: CallInput<N>): Promise<CallOutput<N>> => call(name, input) });
}

/**
 * A read-only `…-check` call run before an irreversible confirmation: the server's own refusals come
 * first, and the question is asked only when the write would go through. A mutation, so a refusal
 * meaning the record moved on reloads it like any other.
 */
export const useCustodyCheck = <N extends 'transfer-sign-off-check' | 'destruction-execute-check'>(name: N) =>
  useMutation({ mutationFn: (input: CallInput<N>) => call(name, input) });

/** Prints a form: the PDF goes to the browser's download (Electron asks where to save it). */
export function usePrint<N extends 'transfer-sheet-pdf' | 'destruction-register-pdf' | 'inspection-record-pdf'>(name: N) {
  return useMutation({
    mutationFn: (id: number) => call(name, { id } as CallInput<N>),
    onSuccess: (file) => saveExportFile(file as CallOutput<'transfer-sheet-pdf'>),
  });
}
