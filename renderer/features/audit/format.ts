import dayjs from 'dayjs';
import type { Language } from '../../../electron/core/vocabulary';

export const EMPTY = '—';
const SHORT_HASH = 8;

/** Entries are stamped in UTC; the desk reads them in local time, to the second. */
export function formatInstant(value: string): string {
  return dayjs(value).format('YYYY-MM-DD HH:mm:ss');
}

/** The first characters identify an entry well enough on screen; the whole hash is in the tooltip. */
export const shortHash = (hash: string) => `${hash.slice(0, SHORT_HASH)}…`;

/**
 * "借阅 JY-2026-0001", "档案 ZH-2026-0001", "用户账户 张三": a record by its own number or name;
 * one without ("损毁/缺失事件 #12") by its id; settings have a key rather than a number, and the label says enough.
 */
export const objectText = (entityLabel: string, entityId: string | null, objectNo: string | null = null) => {
  if (objectNo) return `${entityLabel} ${objectNo}`;
  return entityId && /^\d+$/.test(entityId) ? `${entityLabel} #${entityId}` : entityLabel;
};

/** i18next's current language as one of the vocabulary's: English when the screen speaks it, else Chinese. */
export const viewLanguage = (language: string | undefined): Language => (language?.startsWith('en') ? 'en' : 'zh-CN');
