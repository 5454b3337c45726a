/**
 * Characters that show nothing on screen or paper: format characters (Cf: zero-width space and
 * joiners, word joiner, soft hyphen, byte-order mark, bidi overrides such as U+202E), controls
 * (Cc), and Unicode's default-ignorables (variation selectors, the combining grapheme joiner, the
 * blank Hangul fillers, Mongolian and Khmer ones that are marks by category, yet invisible).
 * Pasted from chats or spreadsheets they make two equal-looking texts differ.
 */
export const INVISIBLE = /[\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}]/gu;

/** Line breaks, tabs and the Braille blank (U+2800, a "space" some tools paste): shown as a space. */
const BLANK = /[\t\n\v\f\r\u0085\u2028\u2029\u2800]/g;

/** NFKC (full-width letters and digits, compatibility ideographs become the plain ones), then no invisible characters. */
export const visibleText = (s: string): string => s.normalize('NFKC').replace(BLANK, ' ').replace(INVISIBLE, '');
