import { getTableColumns, sql, type Column, type Placeholder, type SQL, type Table } from 'drizzle-orm';
import type { Db } from './connection';

/** A transaction's handle runs on its connection: queries prepared for the connection serve it too. */
const connectionOf = new WeakMap<object, Db>();
const queries = new WeakMap<Db, Map<string, unknown>>();

export function sameConnection(tx: Db, db: Db): void {
  connectionOf.set(tx, connectionOf.get(db) ?? db);
}

/**
 * A query built with placeholders and prepared once per connection, then only run. Building a
 * drizzle query costs more than SQLite running a keyed read (≈0.1 ms against ≈0.01 ms), and the hot
 * paths (box page, hand-out, return, search) run a dozen of them. Keys name the query and, where
 * its SQL varies, the shape.
 */
export function preparedOnce<T>(db: Db, key: string, build: (db: Db) => T): T {
  const connection = connectionOf.get(db) ?? db;
  let byKey = queries.get(connection);
  if (!byKey) {
    byKey = new Map();
    queries.set(connection, byKey);
  }
  let query = byKey.get(key) as T | undefined;
  if (query === undefined) {
    query = build(connection);
    byKey.set(key, query);
  }
  return query;
}

/** Every column of a table as a placeholder of its property name: an insert prepared once. */
export function placeholders<T extends Table>(table: T): { [K in keyof T['$inferInsert']]: Placeholder<K & string> } {
  return Object.fromEntries(Object.keys(getTableColumns(table)).map((k) => [k, sql.placeholder(k)])) as never;
}

/** Some columns as placeholders of their property names: an insert prepared once for the columns its callers write. */
export const placeholdersFor = <K extends string>(names: readonly K[]): { [N in K]: Placeholder<N> } =>
  Object.fromEntries(names.map((n) => [n, sql.placeholder(n)])) as never;

/** A list of ids as one placeholder (a JSON array), so a page of any length runs one prepared statement. */
export const idsIn = (column: SQL | Column) => sql`${column} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`;
