import { visibleText } from './invisible';

/**
 * Dashes that are not '-': hyphen, non-breaking hyphen, figure dash, en and em dash, horizontal bar,
 * minus sign, small and full-width forms (NFKC leaves some of them alone).
 */
const DASHES = /[\u2010-\u2015\u2043\u2212\uFE58\uFE63\uFF0D]/g;

/**
 * A box code as typed or scanned becomes the code on the label: NFKC (ＺＨ－２０２３ is ZH-2023),
 * every dash '-', the Chinese full stop '.', no spaces or invisible characters, upper case.
 */
export const cleanBoxCode = (typed: string): string => visibleText(typed).replace(DASHES, '-').replace(/。/g, '.').replace(/\s+/g, '').toUpperCase();

/** Letters read, typed or scanned for the digit beside them: O for 0, I and l (L once upper-cased) for 1. */
export const LOOK_ALIKE_DIGITS: readonly (readonly [letter: string, digit: string])[] = [
  ['O', '0'],
  ['I', '1'],
  ['L', '1'],
];

/** The same for every code that differs from another only by those letters and digits. */
export const lookAlikeKey = (code: string): string => LOOK_ALIKE_DIGITS.reduce((key, [letter, digit]) => key.replaceAll(letter, digit), code);
