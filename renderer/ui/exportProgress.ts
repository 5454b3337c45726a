import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ExportCall } from '../../electron/core/contract/exports';
import { callQuery } from './queries';

/** How often a pending export asks how far its file is. */
const POLL_MS = 500;

/**
 * While an export is pending, where its file stands in words (已写入 12,000 / 30,000 行), for its
 * button: a big register takes minutes to write, and a spinner alone looks stuck. Null when idle.
 */
export function useExportProgress(call: ExportCall, pending: boolean): string | null {
  const { t, i18n } = useTranslation();
  const progress = useQuery({ ...callQuery('export-progress', {}), enabled: pending, refetchInterval: POLL_MS });
  if (!pending) return null;
  const mine = progress.data?.find((p) => p.call === call);
  if (!mine || mine.phase === 'read') return t('exportProgress.read');
  // Every row is in: the sheet is being zipped (xlsx) or joined (CSV).
  if (mine.total > 0 && mine.done === mine.total) return t('exportProgress.pack');
  const number = new Intl.NumberFormat(i18n.language);
  return t('exportProgress.write', { done: number.format(mine.done), total: number.format(mine.total) });
}
