import { z } from 'zod';
import { INVISIBLE, visibleText } from './invisible';

/**
 * An owner's name as stored: as typed, without invisible characters, with single inner spaces.
 * Not NFKC like a person's name: a registered company name is written with full-width brackets
 * 翠鸟（成都）, and the custodian should see it so; the key below is what folds the variants.
 */
export const cleanOwnerName = (name: string): string => name.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();

/** After NFKC, the other brackets a place or branch is put in: 【成都】, 〔成都〕, [成都] read as (成都). */
const OPENING = /[[{【〔〖〘〚⦅]/g;
const CLOSING = /[\]}】〕〗〙〛⦆]/g;

/** NFKC, no invisible characters, one kind of bracket, lower case: the text a search and a key compare. */
export const foldText = (text: string): string => visibleText(text).replace(OPENING, '(').replace(CLOSING, ')').toLowerCase();

/**
 * Which owner a name is: two names with one key are one owner, however a spreadsheet wrote them
 * (half- or full-width brackets and letters, double or no spaces, zero-width characters, case).
 */
export const ownerKey = (name: string): string => foldText(name).replace(/\s+/g, '');

/** Whether two keys are one edit apart (a character changed, added or left out): a likely typo of the same name. */
export function oneEditApart(a: string, b: string): boolean {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > 1 || a === b) return false;
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start += 1;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX -= 1;
    endY -= 1;
  }
  return endX - start <= 1 && endY - start <= 1;
}

/** An owner's name field: stored cleaned; a name of only invisible characters is refused as such. */
export const ownerName = (max: number) =>
  z
    .string()
    .max(max)
    .transform((raw, ctx) => {
      const name = cleanOwnerName(raw);
      if (!name || !ownerKey(name)) ctx.issues.push({ code: 'custom', input: raw, message: raw.trim() ? 'v.nameInvisible' : 'v.required' });
      return name;
    });
