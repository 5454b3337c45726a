import type Database from 'better-sqlite3-multiple-ciphers';

/** Distinct statements the app runs are a few hundred; past this the least recently used go. */
const CAPACITY = 500;

/**
 * drizzle's better-sqlite3 driver prepares every query afresh on every call: for a catalogue search
 * that is most of its cost (compiling the FTS join takes longer than running it). The connection
 * drizzle is given is this view of the real one, whose `prepare` hands back the statement it
 * already compiled for the same SQL. The real connection (`db.$client`) is left alone, so code that
 * prepares statements itself and sets modes on them is not affected.
 */
export function withStatementCache(sqlite: Database.Database): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const view = Object.create(sqlite) as Database.Database;
  view.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      cache.delete(source);
      cache.set(source, cached);
      // drizzle turns raw mode on to map columns itself, and expects objects where it does not.
      return cached.reader ? cached.raw(false) : cached;
    }
    const stmt = sqlite.prepare(source);
    // A statement still iterating cannot be run again: that caller gets its own, uncached.
    if (cached) return stmt;
    cache.set(source, stmt);
    if (cache.size > CAPACITY) cache.delete(cache.keys().next().value as string);
    return stmt;
  }) as Database.Database['prepare'];
  return view;
}
