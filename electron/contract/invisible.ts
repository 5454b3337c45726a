/**
 * Characters that show nothing on screen or paper: format characters (Cf: zero-width space and
 * joiners, word joiner, soft hyphen, byte-order mark, bidi overrides such as U+202E), controls
 * (Cc), variation selectors, the combining grapheme joiner, and the blank Hangul fillers (letters
 * by category, yet invisible). Pasted from chats or spreadsheets they make two equal-looking texts differ.
 */
export const INVISIBLE = /[\p{Cf}\p{Cc}\u034F\u115F\u1160\u3164\uFFA0\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/gu;

/** NFKC (full-width letters and digits, compatibility ideographs become the plain ones), then no invisible characters. */
export const visibleText = (s: string): string => s.normalize('NFKC').replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ').replace(INVISIBLE, '');
