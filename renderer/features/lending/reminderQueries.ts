import { App } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BorrowerRef } from '../../../electron/core/contract/reminders';
import { call } from '../../api/client';
import { useCanCall } from '../../ui/access';
import { saveExportFile } from '../../ui/download';
import { useErrorText } from '../../ui/forms';
import { callQuery } from '../../ui/queries';

/**
 * What is due turns with the calendar as well as with writes: the contract's topics refetch these
 * after a return anywhere (live in host mode), and this interval catches the day turning.
 */
export const DAY_TURN_MS = 10 * 60_000;

export const useReminderList = () => useQuery({ ...callQuery('reminder-list', {}), enabled: useCanCall('reminder-list'), refetchInterval: DAY_TURN_MS });

/** Prints the notices of these borrowers as one PDF and saves it; a refusal is said in the user's language. */
export function usePrintNotices() {
  const { t } = useTranslation('reminders');
  const { message } = App.useApp();
  const errorText = useErrorText();
  return useMutation({
    mutationFn: (borrowers: BorrowerRef[]) => call('reminder-notice-pdf', { borrowers }),
    onSuccess: (file) => {
      saveExportFile(file);
      void message.success(t('printed', { name: file.fileName }));
    },
    onError: (error) => void message.error(errorText(error)),
  });
}
