import { and, asc, eq, gte, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/connection';
import { preparedOnce } from '../../../db/prepared';
import { owners } from '../../../db/schema';
import { AppError } from '../../core/contract/errors';
import type { OwnerPlan } from '../../core/contract/imports';
import { oneEditApart, ownerKey } from '../../core/contract/owner-names';

export type OwnerRef = NonNullable<OwnerPlan['existing']>;

const reversed = (key: string): string => Array.from(key).reverse().join('');

/** The key columns of an owner of this name, for an insert or an update. */
export function ownerKeyColumns(name: string): { nameKey: string; nameKeyReversed: string } {
  const nameKey = ownerKey(name);
  return { nameKey, nameKeyReversed: reversed(nameKey) };
}

/** Owners whose name has this key (more than one only in an archive that took look-alikes in before keys), oldest first. */
export function ownersWithKey(db: Db, key: string, exceptId?: number): OwnerRef[] {
  // Prepared once: an import asks it of every owner its rows name.
  return preparedOnce(db, 'owners-with-key', (d) =>
    d
      .select({ id: owners.id, name: owners.name })
      .from(owners)
      .where(and(eq(owners.nameKey, sql.placeholder('key')), ne(owners.id, sql.placeholder('exceptId'))))
      .orderBy(asc(owners.id))
      .prepare(),
  ).all({ key, exceptId: exceptId ?? 0 });
}

/** Above every character a key can hold: the end of a prefix's range of a key index. */
const RANGE_END = '\u{10FFFF}';
const startsWith = (column: typeof owners.nameKey | typeof owners.nameKeyReversed, prefix: string): SQL =>
  and(gte(column, prefix), lt(column, prefix + RANGE_END))!;

/**
 * Owners whose key is one edit from this one. A single edit leaves the key's first half or its last
 * half as it was, so the candidates are those sharing the first ⌊(n−1)/2⌋ characters (the key
 * index) or the last n−1−that many (the reversed key's index), of a length one apart at most.
 */
export function ownersOneEditFrom(db: Db, key: string): OwnerRef[] {
  const chars = Array.from(key);
  const n = chars.length;
  const head = Math.floor((n - 1) / 2);
  const prefix = chars.slice(0, head).join('');
  const suffix = reversed(chars.slice(head + 1).join(''));
  const candidates = db
    .select({ id: owners.id, name: owners.name, key: owners.nameKey })
    .from(owners)
    .where(
      and(or(startsWith(owners.nameKey, prefix), startsWith(owners.nameKeyReversed, suffix)), sql`length(${owners.nameKey}) BETWEEN ${n - 1} AND ${n + 1}`),
    )
    .orderBy(asc(owners.id))
    .all();
  return candidates.filter((c) => oneEditApart(c.key, key)).map(({ id, name }) => ({ id, name }));
}

/**
 * Owners saved before keys existed (migration 0007) have empty ones; SQL cannot compute NFKC, so
 * on opening they are filled here, all in one transaction.
 */
export function ensureOwnerKeys(db: Db): void {
  const missing = db.select({ id: owners.id, name: owners.name }).from(owners).where(eq(owners.nameKey, '')).all();
  if (missing.length === 0) return;
  db.transaction(
    (tx) => {
      for (const { id, name } of missing) tx.update(owners).set(ownerKeyColumns(name)).where(eq(owners.id, id)).run();
    },
    { behavior: 'immediate' },
  );
}

/** The oldest owner of each key, looked up once per key: a file names the same owner on many rows. */
export function ownerFinder(db: Db): (key: string) => OwnerRef | null {
  const found = new Map<string, OwnerRef | null>();
  return (key) => {
    if (!found.has(key)) found.set(key, ownersWithKey(db, key)[0] ?? null);
    return found.get(key)!;
  };
}

/**
 * The dry run's owners: for each key a file names (its first spelling and row), the existing owner
 * it is when written differently, or else a new owner with the existing ones a character apart.
 */
export function planOwners(db: Db, named: readonly { name: string; row: number }[]): OwnerPlan[] {
  const find = ownerFinder(db);
  const seen = new Set<string>();
  const plans: OwnerPlan[] = [];
  for (const { name, row } of named) {
    const key = ownerKey(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const existing = find(key);
    if (existing === null) plans.push({ name, row, existing: null, lookAlikes: ownersOneEditFrom(db, key) });
    else if (existing.name !== name) plans.push({ name, row, existing, lookAlikes: [] });
  }
  return plans;
}

/** The custodian's merges as key → existing owner; each owner merged into must exist. */
export function mergeTargets(db: Db, merges: readonly { name: string; into: number }[]): Map<string, OwnerRef> {
  return new Map(
    merges.map(({ name, into }) => {
      const target = db.select({ id: owners.id, name: owners.name }).from(owners).where(eq(owners.id, into)).get();
      if (!target) throw new AppError('NOT_FOUND');
      return [ownerKey(name), target];
    }),
  );
}
