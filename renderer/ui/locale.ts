import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { i18n as I18n } from 'i18next';

export const isEnglish = (lng: string | undefined) => lng === 'en';

function applyLanguage(lng: string): void {
  dayjs.locale(isEnglish(lng) ? 'en' : 'zh-cn');
  document.documentElement.lang = isEnglish(lng) ? 'en' : 'zh-CN';
}

/** dayjs and <html lang> follow the UI language, switched before React re-renders with it. */
export function followLanguage(i18n: I18n): void {
  applyLanguage(i18n.language);
  i18n.on('languageChanged', applyLanguage);
}
