import { and, count, desc, eq, getTableColumns, getTableName, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/connection';
import { preparedOnce } from '../../../db/prepared';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { boxes, owners } from '../../../db/schema';
import type { BoxListInput, BoxListResult } from '../../core/contract/boxes';
import { cleanBoxCode } from '../../core/contract/box-code-text';
import { boxByFormerCode } from './box-former-codes';
import { searchTerms, type SearchTerm } from './search-index';

/** Searches count matches up to here; beyond it the UI says "1,000+". */
export const COUNT_CAP = 1000;

const FILTERS = { kind: boxes.kind, status: boxes.status, floor: owners.floor, ownerId: boxes.ownerId, room: boxes.room, cabinet: boxes.cabinet } as const;
type Filter = keyof typeof FILTERS;

/**
 * The start of a box code as typed or scanned (`ZH-2020`, `ZH-2020-00`): letters, a dash, then
 * letters, digits and dashes. Box codes are upper case.
 */
const CODE_PREFIX = /^[A-Z]+-[A-Z0-9-]*$/;
/** Above every character a code can hold: the end of a prefix's range of the code index. */
const CODE_RANGE_END = '\u{10FFFF}';

/**
 * What drives the page: the catalogue by id; a search's first term through its full-text index; or a
 * code prefix through the code index. A code prefix's years and digits are in nearly every box's
 * text, so the trigram index would read most of its postings to find the first page (3–5 ms at
 * 100,000 boxes); the code index reads a page of codes.
 */
type Driver = { kind: 'all' } | { kind: 'text'; table: SearchTerm['table'] } | { kind: 'code' };

/**
 * What decides a list query's SQL: its driver, further terms' indexes, the filters given, a cursor,
 * and whether the floor is tested box by box (`floorScan`) rather than looked up in its index.
 */
interface Shape {
  driver: Driver;
  rest: SearchTerm['table'][];
  filters: Filter[];
  cursor: boolean;
  floorScan: boolean;
}

/** Flat, as the list returns them: no nested row to copy out of per box. */
const listFields = { ...getTableColumns(boxes), ownerName: owners.name, ownerUnit: owners.unitNo, ownerFloor: owners.floor };

/**
 * The rows a driver walks, newest first (by code within a code prefix): what selects them, what
 * ties an index row to its box, and the keyset below the cursor's row.
 */
function driverParts(driver: Driver): { order: SQL; match: SQL[]; join: SQL[]; cursor: SQL } {
  const cursor = sql.placeholder('cursor');
  if (driver.kind === 'text') {
    const { table } = driver;
    return {
      order: desc(table.rowid),
      match: [sql`${table} MATCH ${sql.placeholder('term0')}`],
      join: [eq(boxes.id, table.rowid)],
      cursor: lt(table.rowid, cursor),
    };
  }
  if (driver.kind === 'code') {
    return {
      order: desc(boxes.code),
      match: [gte(boxes.code, sql.placeholder('codeFrom')), lt(boxes.code, sql.placeholder('codeTo'))],
      join: [],
      cursor: lt(boxes.code, sql`(SELECT ${boxes.code} FROM ${boxes} WHERE ${boxes.id} = ${cursor})`),
    };
  }
  return { order: desc(boxes.id), match: [], join: [], cursor: lt(boxes.id, cursor) };
}

/** Boxes with their owner, walked by the driver. */
function pageFrom(db: Db, driver: Driver) {
  const plain = db.select(listFields).from(boxes).leftJoin(owners, eq(owners.id, boxes.ownerId)).$dynamic();
  if (driver.kind !== 'text') return plain;
  // CROSS JOIN keeps the index outermost (SQLite never reorders it), so rows come in its rowid order.
  return db.select(listFields).from(driver.table).crossJoin(boxes).leftJoin(owners, eq(owners.id, boxes.ownerId)).$dynamic() as unknown as typeof plain;
}

/**
 * Counting reads no more than it must: a search without filters counts index rows alone (each is
 * a box), and the owner is joined only to filter by floor.
 */
function countFrom(db: Db, driver: Driver, filters: Filter[]) {
  const one = { one: sql`1` };
  const plain = db.select(one).from(boxes).$dynamic();
  if (driver.kind === 'text' && !filters.length) return db.select(one).from(driver.table).$dynamic() as unknown as typeof plain;
  const base = driver.kind === 'text' ? (db.select(one).from(driver.table).crossJoin(boxes).$dynamic() as unknown as typeof plain) : plain;
  return filters.includes('floor') ? base.leftJoin(owners, eq(owners.id, boxes.ownerId)) : base;
}

/** The page and the capped count of one shape, with every value a placeholder. */
function prepareShape(db: Db, shape: Shape) {
  const parts = driverParts(shape.driver);
  // Materialised once per query: probing FTS5 box by box costs ~16 µs a box, ~90 µs before an optimize.
  const rest = (key: SQLiteColumn) =>
    shape.rest.map((table, i) => sql`${key} IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ${sql.placeholder(`term${i + 1}`)})`);
  // The unary plus keeps SQLite off owners_floor_idx, so it walks the boxes newest first instead.
  const filters = shape.filters.map((filter) =>
    filter === 'floor' && shape.floorScan ? sql`+${owners.floor} = ${sql.placeholder(filter)}` : eq(FILTERS[filter], sql.placeholder(filter)),
  );
  const page = pageFrom(db, shape.driver)
    .where(and(...parts.match, ...parts.join, ...rest(boxes.id), ...filters, shape.cursor ? parts.cursor : undefined))
    .orderBy(parts.order)
    .limit(sql.placeholder('limit'))
    .prepare();
  const counted =
    shape.driver.kind === 'text' && !filters.length
      ? [...parts.match, ...rest(shape.driver.table.rowid)]
      : [...parts.match, ...parts.join, ...rest(boxes.id), ...filters];
  const capped = countFrom(db, shape.driver, shape.filters)
    .where(and(...counted))
    .limit(COUNT_CAP + 1)
    .as('capped');
  return { page, total: db.select({ n: count() }).from(capped).prepare() };
}

/**
 * Building a drizzle query costs more than SQLite running it (≈1 ms against 0.3 ms for a page of a
 * term matching every box), so each shape is built and prepared once and then only run.
 */
function queriesFor(db: Db, shape: Shape) {
  const driver = shape.driver.kind === 'text' ? getTableName(shape.driver.table) : shape.driver.kind;
  const key = `box-list:${driver}|${shape.rest.map(getTableName).join(',')}|${shape.filters.join(',')}|${shape.cursor}|${shape.floorScan}`;
  return preparedOnce(db, key, (d) => prepareShape(d, shape));
}

/** Whether some box's code starts with the prefix: one step into the code index. */
function codesStartWith(db: Db, prefix: string): boolean {
  const probe = preparedOnce(db, 'box-code-prefix', (d) =>
    d
      .select({ id: boxes.id })
      .from(boxes)
      .where(and(gte(boxes.code, sql.placeholder('from')), lt(boxes.code, sql.placeholder('to'))))
      .limit(1)
      .prepare(),
  );
  return probe.get({ from: prefix, to: prefix + CODE_RANGE_END }) !== undefined;
}

/**
 * The driver and the placeholder values of a query's terms. A word shaped like the start of a code
 * that some box's code does start with drives; otherwise (a unit number such as `A-101`) it is text.
 */
function plan(db: Db, query: string): { driver: Driver; rest: SearchTerm[]; values: Record<string, string> } {
  const words = query.trim().split(/\s+/);
  const code = words.findIndex((w) => CODE_PREFIX.test(w.toUpperCase()) && codesStartWith(db, w.toUpperCase()));
  if (code >= 0) {
    const prefix = words[code].toUpperCase();
    const rest = searchTerms(words.filter((_, i) => i !== code).join(' '));
    return { driver: { kind: 'code' }, rest, values: { codeFrom: prefix, codeTo: prefix + CODE_RANGE_END, ...termValues(rest, 1) } };
  }
  const terms = searchTerms(query);
  if (!terms.length) return { driver: { kind: 'all' }, rest: [], values: {} };
  return { driver: { kind: 'text', table: terms[0].table }, rest: terms.slice(1), values: termValues(terms, 0) };
}

const termValues = (terms: SearchTerm[], from: number): Record<string, string> => Object.fromEntries(terms.map((t, i) => [`term${i + from}`, t.match]));

/** A query that is one box's former code, typed in any form a code may be: the list says what it is now. */
function formerCodeMatch(db: Db, query: string): BoxListResult['formerCode'] {
  const code = cleanBoxCode(query);
  if (!code || /\s/.test(code)) return null;
  const box = boxByFormerCode(db, code);
  return box ? { code, current: box.code, id: box.id } : null;
}

/** Newest first, paged by keyset (below the cursor's row), with a capped match count. */
export function listBoxes(db: Db, input: BoxListInput): BoxListResult {
  const { driver, rest, values } = plan(db, input.query);
  const filters = (Object.keys(FILTERS) as Filter[]).filter((f) => input[f]);
  const shape = { driver, rest: rest.map((t) => t.table), filters, cursor: Boolean(input.cursor), floorScan: false };
  const bound = { ...values, ...Object.fromEntries(filters.map((f) => [f, input[f]])) };
  const total = queriesFor(db, shape).total.get(bound)?.n ?? 0;
  // A floor holds ~1/7 of the boxes: through its index SQLite gathers all of them (13,000 at 100,000
  // boxes) and sorts them for one page, 250–450 ms. Walking the boxes newest first finds a page of a
  // common floor at once; a floor with few boxes (the count is not capped) keeps the index and sorts few.
  shape.floorScan = filters.includes('floor') && total > COUNT_CAP;
  const rows = queriesFor(db, shape).page.all({ ...bound, cursor: input.cursor, limit: input.limit + 1 });
  const shown = rows.length > input.limit ? rows.slice(0, input.limit) : rows;
  return {
    formerCode: formerCodeMatch(db, input.query),
    rows: shown,
    total: Math.min(total, COUNT_CAP),
    totalCapped: total > COUNT_CAP,
    nextCursor: rows.length > input.limit ? shown[shown.length - 1].id : null,
  };
}
