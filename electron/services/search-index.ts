import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { boxes, owners } from '../../db/schema';

/** A private-use character between fields, so a 2-character phrase never spans two fields. */
const FIELD_SEPARATOR = '\uE000';
const TRIGRAM_MIN = 3;

function searchableFields(tx: Db, boxId: number): string[] | null {
  const row = tx
    .select({ code: boxes.code, title: boxes.title, room: boxes.room, cabinet: boxes.cabinet, ownerName: owners.name, unitNo: owners.unitNo, contact: owners.contactPerson })
    .from(boxes)
    .leftJoin(owners, eq(owners.id, boxes.ownerId))
    .where(eq(boxes.id, boxId))
    .get();
  if (!row) return null;
  return [row.code, row.title, row.ownerName ?? '', row.unitNo ?? '', row.contact ?? '', row.room, row.cabinet].filter((f) => f.trim() !== '');
}

const spacedChars = (field: string): string =>
  Array.from(field.toLowerCase().replaceAll(FIELD_SEPARATOR, ''))
    .filter((c) => c.trim() !== '')
    .join(' ');

/** Rewrites a box's rows in both search indexes; call inside the transaction that changed it. */
export function indexBox(tx: Db, boxId: number): void {
  tx.run(sql`DELETE FROM box_fts WHERE rowid = ${boxId}`);
  tx.run(sql`DELETE FROM box_chars WHERE rowid = ${boxId}`);
  const fields = searchableFields(tx, boxId);
  if (!fields) return;
  tx.run(sql`INSERT INTO box_fts(rowid, text) VALUES (${boxId}, ${fields.join('\n')})`);
  tx.run(sql`INSERT INTO box_chars(rowid, text) VALUES (${boxId}, ${fields.map(spacedChars).join(` ${FIELD_SEPARATOR} `)})`);
}

export function indexOwnerBoxes(tx: Db, ownerId: number): void {
  for (const { id } of tx.select({ id: boxes.id }).from(boxes).where(eq(boxes.ownerId, ownerId)).all()) indexBox(tx, id);
}

const rowCount = (db: Db, table: 'boxes' | 'box_fts' | 'box_chars'): number => db.get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`))?.n ?? 0;

/**
 * Every box has one row in each index. Boxes written before the index existed (a database from
 * before migration 0001) or before a migration rebuilt it are missing, so on opening a database
 * whose counts disagree both indexes are rebuilt from the catalogue.
 */
export function ensureSearchIndex(db: Db): void {
  const boxCount = rowCount(db, 'boxes');
  if (rowCount(db, 'box_fts') === boxCount && rowCount(db, 'box_chars') === boxCount) return;
  db.transaction(
    (tx) => {
      const t = tx as unknown as Db;
      t.run(sql`INSERT INTO box_fts(box_fts) VALUES ('delete-all')`);
      t.run(sql`INSERT INTO box_chars(box_chars) VALUES ('delete-all')`);
      for (const { id } of t.select({ id: boxes.id }).from(boxes).all()) indexBox(t, id);
    },
    { behavior: 'immediate' },
  );
}

const quote = (s: string): string => `"${s.replaceAll('"', '""')}"`;

/**
 * One SQL condition per whitespace-separated term, all of which must hold: terms of 3+ characters
 * go to the trigram index, shorter ones to the per-character index as a phrase.
 */
export function searchConditions(query: string): SQL[] {
  // FTS5 reads its query as a C string: a NUL would end it mid-quote. Control characters split terms.
  const terms = query.replaceAll(FIELD_SEPARATOR, '').replace(/[\u0000-\u001f\u007f]/g, ' ').toLowerCase().split(/\s+/).filter(Boolean);
  return terms.map((term) => {
    if (Array.from(term).length >= TRIGRAM_MIN) return sql`${boxes.id} IN (SELECT rowid FROM box_fts WHERE box_fts MATCH ${quote(term)})`;
    const chars = spacedChars(term);
    return sql`${boxes.id} IN (SELECT rowid FROM box_chars WHERE box_chars MATCH ${quote(chars)})`;
  });
}
