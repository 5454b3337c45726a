import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/connection';
import { withStatementCache } from '../db/statement-cache';
import { MIGRATIONS as migrationsFolder } from './support/app';

let dir: string;
let db: Db;

function open(): Db {
  dir = mkdtempSync(join(tmpdir(), 'archive-stmt-'));
  db = openDatabase(join(dir, 'archive.db'), { migrationsFolder, keyHex: randomBytes(32).toString('hex') });
  db.$client.exec(`CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, 'x'), (2, 'y'), (3, 'z');`);
  return db;
}

afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('statement cache', () => {
  it('hands back the compiled statement for the same SQL, in object mode whatever the last caller set', () => {
    const view = withStatementCache(open().$client);
    const first = view.prepare('SELECT a, b FROM t ORDER BY a');
    expect(first.raw().all()).toEqual([
      [1, 'x'],
      [2, 'y'],
      [3, 'z'],
    ]);
    const again = view.prepare('SELECT a, b FROM t ORDER BY a');
    expect(again).toBe(first);
    expect(again.get()).toEqual({ a: 1, b: 'x' });
    expect(view.prepare('SELECT b FROM t WHERE a = ?')).not.toBe(first);
  });

  it('gives a caller its own statement while the cached one is still iterating', () => {
    const view = withStatementCache(open().$client);
    const outer = view.prepare('SELECT a FROM t ORDER BY a');
    const seen: number[][] = [];
    for (const row of outer.iterate() as Iterable<{ a: number }>) {
      const inner = view.prepare('SELECT a FROM t ORDER BY a');
      expect(inner).not.toBe(outer);
      seen.push((inner.all() as { a: number }[]).map((r) => r.a).concat(row.a));
    }
    expect(seen).toEqual([
      [1, 2, 3, 1],
      [1, 2, 3, 2],
      [1, 2, 3, 3],
    ]);
  });

  it('leaves the real connection alone: the app connection prepares through the view, $client does not', () => {
    const real = open().$client;
    const view = withStatementCache(real);
    const cached = view.prepare('SELECT count(*) AS n FROM t');
    expect(real.prepare('SELECT count(*) AS n FROM t')).not.toBe(cached);
    expect(view.inTransaction).toBe(false);
    view.transaction(() => view.prepare('INSERT INTO t VALUES (4, ?)').run('w'))();
    expect(real.prepare('SELECT count(*) AS n FROM t').pluck().get()).toBe(4);
  });
});
