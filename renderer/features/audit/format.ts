import type { Language } from '../../../electron/core/vocabulary';

export { EMPTY, localInstantText as formatInstant } from '../../../electron/core/vocabulary/audit-changes';

const SHORT_HASH = 8;

/** The first characters identify an entry well enough on screen; the whole hash is in the tooltip. */
export const shortHash = (hash: string) => `${hash.slice(0, SHORT_HASH)}…`;

/** i18next's current language as one of the vocabulary's: English when the screen speaks it, else Chinese. */
export const viewLanguage = (language: string | undefined): Language => (language?.startsWith('en') ? 'en' : 'zh-CN');
