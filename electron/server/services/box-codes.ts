import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/connection';
import { preparedOnce } from '../../../db/prepared';
import type { BOX_KINDS } from '../../core/enums';
import { boxes, codeCounters } from '../../../db/schema';
import type { Settings } from '../../core/contract/app';
import { fillCodePattern, numberCode, SEQUENCE } from '../../core/contract/box-code-pattern';
import { LOOK_ALIKE_DIGITS, lookAlikeKey } from '../../core/contract/box-code-text';
import { AppError } from '../../core/contract/errors';
import { boxByCode, boxByFormerCode } from './box-former-codes';

type Kind = (typeof BOX_KINDS)[number];

function stem(settings: Settings, kind: Kind, today: Date): string {
  if (!SEQUENCE.test(settings.codePattern)) throw new AppError('CODE_PATTERN_INVALID');
  return fillCodePattern(settings.codePattern, settings.kindPrefixes[kind], today.getFullYear());
}

/** Held by a box now, or before a code change: a former code is never numbered again. */
const codeTaken = (tx: Db, code: string) => boxByCode(tx, code) !== undefined || boxByFormerCode(tx, code) !== undefined;

// An import of a register without codes numbers each of its rows: the counter's read and write prepared once.
const counterQueries = (db: Db) =>
  preparedOnce(db, 'code-counter', (d) => ({
    last: d
      .select()
      .from(codeCounters)
      .where(eq(codeCounters.prefix, sql.placeholder('prefix')))
      .prepare(),
    advance: d
      .insert(codeCounters)
      .values({ prefix: sql.placeholder('prefix'), last: sql.placeholder('last') })
      .onConflictDoUpdate({ target: codeCounters.prefix, set: { last: sql`excluded.last` } })
      .prepare(),
  }));

/** Next free code for a kind, skipping codes typed in by hand or imported. */
function nextFree(tx: Db, settings: Settings, kind: Kind, today: Date): { key: string; n: number; code: string } {
  const key = stem(settings, kind, today);
  let n = counterQueries(tx).last.get({ prefix: key })?.last ?? 0;
  let code: string;
  do code = numberCode(key, ++n);
  while (codeTaken(tx, code));
  return { key, n, code };
}

export function previewCode(db: Db, settings: Settings, kind: Kind, today = new Date()): string {
  return nextFree(db, settings, kind, today).code;
}

/** Takes the next code and advances the counter; call inside the creating transaction. */
export function takeCode(tx: Db, settings: Settings, kind: Kind, today = new Date()): string {
  const next = nextFree(tx, settings, kind, today);
  counterQueries(tx).advance.run({ prefix: next.key, last: next.n });
  return next.code;
}

/** lookAlikeKey of a stored code, in SQL. */
const storedLookAlikeKey = LOOK_ALIKE_DIGITS.reduce<SQL>((key, [letter, digit]) => sql`replace(${key}, ${letter}, ${digit})`, sql`${boxes.code}`);

/**
 * The existing codes a new one differs from only by O/0 or I/L/1, which a reader or a hand on the
 * keyboard mixes up; the code itself is left out (that is a duplicate). A scan of the codes, done
 * once per save of a typed code.
 */
export function lookAlikeCodes(db: Db, code: string): string[] {
  if (!code) return [];
  return db
    .select({ code: boxes.code })
    .from(boxes)
    .where(and(eq(storedLookAlikeKey, lookAlikeKey(code)), ne(boxes.code, code)))
    .orderBy(boxes.code)
    .limit(10)
    .all()
    .map((r) => r.code);
}
