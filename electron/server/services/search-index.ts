import { eq, sql } from 'drizzle-orm';
import { integer, sqliteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../../db/connection';
import { preparedOnce } from '../../../db/prepared';
import { boxes, boxFormerCodes, owners } from '../../../db/schema';
import { foldText } from '../../core/contract/owner-names';

/** A private-use character between fields, so a 2-character phrase never spans two fields. */
const FIELD_SEPARATOR = '\uE000';
const TRIGRAM_MIN = 3;

type SearchableRow = {
  code: string;
  title: string;
  room: string;
  cabinet: string;
  ownerName: string | null;
  unitNo: string | null;
  contact: string | null;
  /** Codes the box had before a code change, one a line: a search by the old code finds it. */
  formerCodes: string | null;
};

const formerCodesSql = sql<
  string | null
>`(SELECT group_concat(${boxFormerCodes.code}, char(10)) FROM ${boxFormerCodes} WHERE ${boxFormerCodes.boxId} = ${boxes.id})`;

/** A box's searchable fields, and the writes of its rows in both indexes: prepared once, as every box placed or changed rewrites them. */
const indexQueries = (db: Db) =>
  preparedOnce(db, 'search-index', (d) => ({
    fields: d
      .select({
        code: boxes.code,
        title: boxes.title,
        room: boxes.room,
        cabinet: boxes.cabinet,
        ownerName: owners.name,
        unitNo: owners.unitNo,
        contact: owners.contactPerson,
        formerCodes: formerCodesSql,
      })
      .from(boxes)
      .leftJoin(owners, eq(owners.id, boxes.ownerId))
      .where(eq(boxes.id, sql.placeholder('id')))
      .prepare(),
    removeTrigram: d.$client.prepare('DELETE FROM box_fts WHERE rowid = ?'),
    removeChars: d.$client.prepare('DELETE FROM box_chars WHERE rowid = ?'),
    addTrigram: d.$client.prepare('INSERT INTO box_fts(rowid, text) VALUES (?, ?)'),
    addChars: d.$client.prepare('INSERT INTO box_chars(rowid, text) VALUES (?, ?)'),
  }));

const spacedChars = (field: string): string =>
  Array.from(field.toLowerCase().replaceAll(FIELD_SEPARATOR, ''))
    .filter((c) => c.trim() !== '')
    .join(' ');

/**
 * The text a box has in each index: trigram (fields on lines) and per-character (fields apart).
 * Folded as the query is (NFKC, one kind of bracket, no invisible characters), so 翠鸟(成都) finds 翠鸟（成都）.
 */
function searchTexts(row: SearchableRow): { trigram: string; chars: string } {
  const fields = [row.code, row.title, row.ownerName ?? '', row.unitNo ?? '', row.contact ?? '', row.room, row.cabinet, ...(row.formerCodes?.split('\n') ?? [])]
    .map(foldText)
    .filter((f) => f.trim() !== '');
  return { trigram: fields.join('\n'), chars: fields.map(spacedChars).join(` ${FIELD_SEPARATOR} `) };
}

/** Rewrites a box's rows in both search indexes; call inside the transaction that changed it. */
export function indexBox(tx: Db, boxId: number): void {
  const queries = indexQueries(tx);
  queries.removeTrigram.run(boxId);
  queries.removeChars.run(boxId);
  const row = queries.fields.get({ id: boxId });
  if (!row) return;
  const texts = searchTexts(row);
  queries.addTrigram.run(boxId, texts.trigram);
  queries.addChars.run(boxId, texts.chars);
}

export function indexOwnerBoxes(tx: Db, ownerId: number): void {
  for (const { id } of tx.select({ id: boxes.id }).from(boxes).where(eq(boxes.ownerId, ownerId)).all()) indexBox(tx, id);
}

/**
 * An index's rows are counted in its %_docsize shadow table (one row per document; contentless_delete
 * removes it with the document): a plain b-tree count. count(*) on the FTS5 table itself walks every
 * document and cost ~40 ms of each cold open at 100,000 boxes.
 */
const rowCount = (db: Db, table: 'boxes' | 'box_fts_docsize' | 'box_chars_docsize'): number =>
  db.get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`))?.n ?? 0;

/**
 * Fills both indexes from the whole catalogue in one pass: one join and two prepared inserts. The
 * rows are read whole first (a connection cannot write while a statement iterates): ~30 MB at 100k. Call inside a write transaction (statements on the same connection join it).
 */
export function rebuildSearchIndex(db: Db): void {
  const sqlite = db.$client;
  sqlite.exec(`INSERT INTO box_fts(box_fts) VALUES ('delete-all'); INSERT INTO box_chars(box_chars) VALUES ('delete-all');`);
  const trigram = sqlite.prepare('INSERT INTO box_fts(rowid, text) VALUES (?, ?)');
  const chars = sqlite.prepare('INSERT INTO box_chars(rowid, text) VALUES (?, ?)');
  const all = sqlite.prepare(`SELECT b.id, b.code, b.title, b.room, b.cabinet, o.name AS ownerName, o.unit_no AS unitNo, o.contact_person AS contact,
    (SELECT group_concat(f.code, char(10)) FROM box_former_codes f WHERE f.box_id = b.id) AS formerCodes
    FROM boxes b LEFT JOIN owners o ON o.id = b.owner_id ORDER BY b.id`);
  for (const row of all.all() as (SearchableRow & { id: number })[]) {
    const texts = searchTexts(row);
    trigram.run(row.id, texts.trigram);
    chars.run(row.id, texts.chars);
  }
  optimizeSearchIndex(db);
}

/**
 * Merges each index into one b-tree. Filled row by row, FTS5 leaves dozens of segments, and every
 * query seeks in each: at 100,000 boxes the first page of a common term took 0.22 ms, 0.05 ms after
 * (3 s to merge). Called after bulk writes (a rebuild, an import).
 */
export function optimizeSearchIndex(db: Db): void {
  db.$client.exec(`INSERT INTO box_fts(box_fts) VALUES ('optimize'); INSERT INTO box_chars(box_chars) VALUES ('optimize');`);
}

/**
 * Every box has one row in each index. Boxes written before the index existed (a database from
 * before migration 0001) or before a migration rebuilt it are missing, so on opening a database
 * whose counts disagree both indexes are rebuilt from the catalogue.
 */
export function ensureSearchIndex(db: Db): void {
  const boxCount = rowCount(db, 'boxes');
  if (rowCount(db, 'box_fts_docsize') === boxCount && rowCount(db, 'box_chars_docsize') === boxCount) return;
  db.transaction(() => rebuildSearchIndex(db), { behavior: 'immediate' });
}

const quote = (s: string): string => `"${s.replaceAll('"', '""')}"`;

/** The two indexes as tables a query can join; virtual tables of migration 0001, so not in schema.ts. */
const indexTable = (name: 'box_fts' | 'box_chars') => sqliteTable(name, { rowid: integer('rowid').notNull() });
const boxFts = indexTable('box_fts');
const boxChars = indexTable('box_chars');

/** The terms a query puts to one index, as one FTS5 query that all of them must match. */
export interface SearchTerm {
  table: typeof boxFts;
  match: string;
}

/**
 * Whitespace-separated terms, all of which must hold. Terms of 3+ characters go to the trigram
 * index, shorter ones to the per-character index as phrases; each index gets one query ANDing its
 * terms, which FTS5 intersects itself. The trigram query comes first: it is the one to drive a page.
 */
export function searchTerms(query: string): SearchTerm[] {
  // FTS5 reads its query as a C string: a NUL would end it mid-quote. Control characters split terms.
  const terms = foldText(query.replaceAll(FIELD_SEPARATOR, '').replace(/[\u0000-\u001f\u007f]/g, ' '))
    .split(/\s+/)
    .filter(Boolean);
  const long = terms.filter((t) => Array.from(t).length >= TRIGRAM_MIN);
  const short = terms.filter((t) => Array.from(t).length < TRIGRAM_MIN);
  const groups: SearchTerm[] = [];
  if (long.length) groups.push({ table: boxFts, match: long.map(quote).join(' AND ') });
  if (short.length) groups.push({ table: boxChars, match: short.map((t) => quote(spacedChars(t))).join(' AND ') });
  return groups;
}
