/**
 * Box-code patterns such as `{KIND}-{YYYY}-{####}`, shared by the numbering service and the
 * settings screen's preview so both always agree.
 */
export const SEQUENCE = /\{(#+)\}/;

/** Everything but the sequence filled in, upper-cased: also the key of the pattern's counter. */
export function fillCodePattern(pattern: string, kindPrefix: string, year: number): string {
  const yyyy = String(year);
  return pattern.replaceAll('{KIND}', kindPrefix).replaceAll('{YYYY}', yyyy).replaceAll('{YY}', yyyy.slice(2)).toUpperCase();
}

/** The stem with its sequence field replaced by n, zero-padded to the field's width. */
export function numberCode(stem: string, n: number): string {
  return stem.replace(SEQUENCE, (_, hashes: string) => String(n).padStart(hashes.length, '0'));
}
