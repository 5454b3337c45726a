import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { app } from '../app/i18n';
import { audit } from '../features/audit/i18n';
import { catalogue } from '../features/catalogue/i18n';
import { custody } from '../features/custody/i18n';
import { lending } from '../features/lending/i18n';
import { backups } from '../features/backups/i18n';
import { importNs } from '../features/import/i18n';
import { locations } from '../features/locations/i18n';
import { overview } from '../features/overview/i18n';
import { reminders } from '../features/lending/reminders-i18n';
import { common } from '../ui/i18n';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const LANG_KEY = 'archive-desk-language';

const namespaces = { common, app, catalogue, audit, lending, custody, backups, import: importNs, locations, overview, reminders };

function resources() {
  return Object.fromEntries(LANGUAGES.map((lng) => [lng, Object.fromEntries(Object.entries(namespaces).map(([ns, r]) => [ns, r[lng]]))]));
}

export function initI18n(lng: Language = (localStorage.getItem(LANG_KEY) as Language | null) ?? 'zh-CN') {
  void i18n.use(initReactI18next).init({
    resources: resources(),
    lng,
    fallbackLng: 'zh-CN',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
  return i18n;
}

export function setLanguage(lng: Language): void {
  localStorage.setItem(LANG_KEY, lng);
  void i18n.changeLanguage(lng);
}
