import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ProgressCall } from '../../electron/core/contract/progress';
import { callQuery } from './queries';

/** How often a pending long call asks how far it is. */
const POLL_MS = 500;

/**
 * While a long call is pending, where it stands in words for its button (已写入 12,000 / 30,000
 * 行, 已校验 1,200,000 / 5,352,622 条): a big register or a long chain takes minutes, and a spinner
 * alone looks stuck. Null when idle.
 */
export function useCallProgress(call: ProgressCall, pending: boolean): string | null {
  const { t, i18n } = useTranslation();
  const progress = useQuery({ ...callQuery('call-progress', {}), enabled: pending, refetchInterval: POLL_MS });
  if (!pending) return null;
  const mine = progress.data?.find((p) => p.call === call);
  if (!mine) return null;
  if (mine.phase === 'read') return t('callProgress.read');
  const number = new Intl.NumberFormat(i18n.language);
  const figures = { done: number.format(mine.done), total: number.format(mine.total) };
  if (mine.phase === 'check') return mine.total > 0 ? t('callProgress.check', figures) : null;
  // Every row is in: the sheet is being zipped (xlsx) or joined (CSV).
  if (mine.total > 0 && mine.done === mine.total) return t('callProgress.pack');
  return t('callProgress.write', figures);
}
