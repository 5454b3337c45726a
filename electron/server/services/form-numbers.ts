import { count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/connection';
import { boxDocuments, codeCounters } from '../../../db/schema';
import { localDate } from './local-date';

/**
 * YJ-2026-0001: a form number counted per local calendar year, like the loan numbers; the
 * counter key has a ':' so it cannot clash with a box code stem.
 */
export function takeFormNo(tx: Db, prefix: string): string {
  const year = localDate().slice(0, 4);
  const key = `form:${prefix}-${year}`;
  const n = (tx.select().from(codeCounters).where(eq(codeCounters.prefix, key)).get()?.last ?? 0) + 1;
  tx.insert(codeCounters)
    .values({ prefix: key, last: n })
    .onConflictDoUpdate({ target: codeCounters.prefix, set: { last: n } })
    .run();
  return `${prefix}-${year}-${String(n).padStart(4, '0')}`;
}

/** Documents listed in each box: the 件数 the forms print. */
export function itemCounts(db: Db, boxIds: number[]): Map<number, number> {
  if (!boxIds.length) return new Map();
  const rows = db
    .select({ boxId: boxDocuments.boxId, n: count() })
    .from(boxDocuments)
    .where(inArray(boxDocuments.boxId, boxIds))
    .groupBy(boxDocuments.boxId)
    .all();
  return new Map(rows.map((r) => [r.boxId, r.n]));
}
