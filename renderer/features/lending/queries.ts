import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../electron/core/contract';
import type { Loan } from '../../../electron/core/contract/loans';
import { call } from '../../api/client';
import { saveExportFile } from '../../ui/download';
import { callQuery } from '../../ui/queries';
import { usePagedRows } from '../../ui/usePagedRows';

/** Rows per keyset page: a few screens of the virtual table. */
const PAGE_SIZE = 100;

export type LoanFilters = Omit<CallInput<'loan-list'>, 'cursor' | 'limit'>;

/** Keyed [name, input] like `callQuery`, so invalidating ['loan-list'] reaches it. */
export function useLoanList(filters: LoanFilters) {
  const list = useInfiniteQuery({
    queryKey: ['loan-list', filters],
    queryFn: ({ pageParam }) => call('loan-list', { ...filters, cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  return { list, ...usePagedRows(list) };
}

/** Accounts a loan may be lent to; they change rarely, so one fetch per desk visit is plenty. */
export const useUserDirectory = () => useQuery({ ...callQuery('user-directory', {}), staleTime: 60_000 });
export const useLoanDashboard = () => useQuery(callQuery('loan-dashboard', {}));
export const useLoan = (id: number) => useQuery(callQuery('loan-get', { id }));
/** The box's newest loans and incidents, for its detail page. */
export const useBoxLoans = (boxId: number) => useQuery(callQuery('loan-list', { boxId, limit: 20 }));
export const useBoxIncidents = (boxId: number) => useQuery(callQuery('incident-list', { boxId, limit: 20 }));

/**
 * Every lending write answers with the whole loan: show it at once (the contract's topics refetch
 * the rest), and say what was done, naming the loan (`done`: a key under lending's `done`, or null
 * where the page says it).
 */
export function useLoanWrite<I>(write: (input: I) => Promise<Loan>, done: ((input: I) => string) | null) {
  const client = useQueryClient();
  const { t } = useTranslation('lending');
  const { message } = App.useApp();
  return useMutation({
    mutationFn: write,
    onSuccess: (loan, input) => {
      client.setQueryData(callQuery('loan-get', { id: loan.id }).queryKey, loan);
      if (done)
        void message.success(t(`done.${done(input)}`, { loanNo: loan.loanNo, code: loan.boxCode, borrower: loan.borrower.name, dueDate: loan.dueDate }));
    },
  });
}

const decided = (approved: string, rejected: string) => (input: { approve: boolean }) => (input.approve ? approved : rejected);
export const useRequestLoan = () => useLoanWrite((input: CallInput<'loan-request'>) => call('loan-request', input), null);
export const useDecideLoan = () => useLoanWrite((input: CallInput<'loan-decide'>) => call('loan-decide', input), decided('approved', 'rejected'));
export const useHandOut = () =>
  useLoanWrite(
    (input: CallInput<'loan-hand-out'>) => call('loan-hand-out', input),
    () => 'handedOut',
  );
export const useCancelLoan = () =>
  useLoanWrite(
    (input: CallInput<'loan-cancel'>) => call('loan-cancel', input),
    () => 'cancelled',
  );
export const useReturnLoan = () =>
  useLoanWrite(
    (input: CallInput<'loan-return'>) => call('loan-return', input),
    () => 'returned',
  );
export const useRequestRenewal = () =>
  useLoanWrite(
    (input: CallInput<'loan-renewal-request'>) => call('loan-renewal-request', input),
    () => 'renewalRequested',
  );
export const useDecideRenewal = () =>
  useLoanWrite((input: CallInput<'loan-renewal-decide'>) => call('loan-renewal-decide', input), decided('renewalApproved', 'renewalRejected'));
export const useRegisterCopy = () =>
  useLoanWrite(
    (input: CallInput<'loan-copy-register'>) => call('loan-copy-register', input),
    () => 'copyRegistered',
  );

/** Says the incident was closed; the loan, the box's incidents and the desk's count refetch through the contract's topics. */
export function useCloseIncident() {
  const { t } = useTranslation('lending');
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (input: CallInput<'incident-close'>) => call('incident-close', input),
    onSuccess: () => {
      void message.success(t('done.incidentClosed'));
    },
  });
}

export function usePrintSlip() {
  const { t } = useTranslation('lending');
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (id: number) => call('loan-slip-pdf', { id }),
    onSuccess: (file) => {
      saveExportFile(file);
      void message.success(t('register.saved', { name: file.fileName }));
    },
  });
}
/** The desktop app prints through the system dialog; the browser version downloads the PDF to print. */
export const hasPrintDialog = () => window.archiveDesk !== undefined;
export const usePrintDialog = () => useMutation({ mutationFn: (id: number) => call('loan-slip-print', { id }) });
