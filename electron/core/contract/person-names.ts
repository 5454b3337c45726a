import { z } from 'zod';
import { visibleText } from './invisible';

/**
 * A person's name as stored: what a reader sees and nothing else (NFKC, no invisible characters,
 * single inner spaces, trimmed). Stored cleaned rather than as typed so that two names that look
 * the same on a slip or a register are the same text, for the eye, for a search and for a
 * comparison; visible single spaces stay, since "Li Si" is written with one.
 */
export const cleanName = (name: string): string => visibleText(name).replace(/\s+/g, ' ').trim();

/** The name dot of names like 买买提·艾力 comes as several look-alike characters, depending on the IME. */
const NAME_DOTS = /[\u00B7\u2022\u2027\u2219\u22C5\u30FB]/g;

/**
 * Cyrillic and Greek letters drawn like Latin ones (UTS #39 confusables), as the Latin letter: on a
 * slip, 'Zhаng' with a Cyrillic а is Zhang. Counted as one person even though a real name never
 * mixes scripts: two names a reader cannot tell apart cannot be the two sides of a rule.
 */
const LATIN_LOOKALIKES: Record<string, string> = Object.fromEntries(
  [
    ['АВЕЅІЈКМНОРСТХУ', 'ABESIJKMHOPCTXY'],
    ['аеѕіјорсухһԁԛԝӏ', 'aesijopcyxhdqwl'],
    ['ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ', 'ABEZHIKMNOPTYX'],
    ['οινυκρ', 'oivukp'],
  ].flatMap(([from, to]) => [...from].map((c, i) => [c, to[i]])),
);
const LOOKALIKE = new RegExp(`[${Object.keys(LATIN_LOOKALIKES).join('')}]`, 'g');

/**
 * Who a name is, for the rules where two people must differ (sign-off sides, the two supervisors,
 * approver and borrower): the cleaned name without any spaces, look-alike letters as Latin,
 * case-folded, one name dot.
 */
export const personKey = (name: string): string =>
  cleanName(name)
    .replace(/\s+/g, '')
    .replace(NAME_DOTS, '·')
    .replace(LOOKALIKE, (c) => LATIN_LOOKALIKES[c])
    .toLowerCase();

/** An account is the person whose name is its display name or its user name. */
export const isAccountNamed = (account: { displayName: string; username: string }, name: string): boolean => {
  const key = personKey(name);
  return key === personKey(account.displayName) || key === personKey(account.username);
};

/** A person's name field: stored cleaned; a name of only spaces is required, one of only invisible characters refused as such. */
export const personName = (max: number) =>
  z
    .string()
    .max(max)
    .transform((raw, ctx) => {
      const name = cleanName(raw);
      if (!name) ctx.issues.push({ code: 'custom', input: raw, message: raw.trim() ? 'v.nameInvisible' : 'v.required' });
      return name;
    });
