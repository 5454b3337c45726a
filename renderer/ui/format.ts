import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { locationPath } from '../../electron/core/contract/locations';
import type { BoxRow, Location } from '../../electron/core/rows';

const EMPTY = '—';

/** Stored dates are ISO days already; shown as YYYY-MM-DD whatever the locale. */
export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD') : EMPTY;
}

/** Stored timestamps are UTC; shown in the desk's local time. */
export function formatTimestamp(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : EMPTY;
}

/** The full path 一号库房 › C-03 › 第2层 › 05, as every screen, label and export writes it. */
export function formatLocation(location: Location | null | undefined): string {
  return locationPath(location) || EMPTY;
}

export function formatYears(from: number | null, to: number | null): string {
  if (from === null && to === null) return EMPTY;
  if (from === null || to === null || from === to) return String(from ?? to);
  return `${from}–${to}`;
}

type Retention = Pick<BoxRow, 'retentionClass' | 'retentionYears'>;

/** "定期30年", or the custom number of years. */
export function retentionLabel(t: TFunction, box: Retention): string {
  if (box.retentionClass === 'custom' && box.retentionYears !== null) return t('catalogue:retention.customYears', { count: box.retentionYears });
  return t(`common:enums.retentionClass.${box.retentionClass}`);
}

export function orDash(value: string | null | undefined): string {
  return value ? value : EMPTY;
}

/** Stored instants are ISO strings; the desk reads them to the minute. */
export const formatAt = (at: string | null): string => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '');
