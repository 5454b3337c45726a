import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { MIGRATIONS } from './app';

/**
 * How to take each migration back out of a test archive, so a test can rebuild the archive an
 * older app left and watch its migration run on opening. A new migration must say here how it is
 * undone, or every such test stops with a message naming it.
 */
const UNDO: Record<string, string[]> = {
  '0007_owner_name_key': [
    'DROP INDEX owners_name_key_idx',
    'DROP INDEX owners_name_key_reversed_idx',
    'ALTER TABLE owners DROP COLUMN name_key',
    'ALTER TABLE owners DROP COLUMN name_key_reversed',
  ],
  '0008_audit_client': ['ALTER TABLE audit_log DROP COLUMN client_name', 'ALTER TABLE audit_log DROP COLUMN client_address'],
  '0009_loan_copies': ['DROP TABLE loan_copies'],
  '0010_locations': [
    'DROP TABLE room_incidents',
    'DROP TABLE room_readings',
    'DROP INDEX boxes_location_id_idx',
    'ALTER TABLE boxes DROP COLUMN location_id',
    'DROP TABLE locations',
  ],
  '0011_code_changes_stocktake': [
    'DROP INDEX inspections_month_kind_uq',
    'ALTER TABLE inspections DROP COLUMN kind',
    'CREATE UNIQUE INDEX inspections_month_uq ON inspections (month)',
    'DROP TABLE box_former_codes',
  ],
  '0012_overview_indexes': ['DROP INDEX boxes_retention_end_idx', 'DROP INDEX loans_requested_idx'],
};

const journal = () => (JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] }).entries;

/**
 * The archive as it was before migration `tag`: every later one undone, newest first, and the
 * records of `tag` and those after it forgotten, so opening applies them again. Undoing `tag`'s own
 * effects is the caller's: that is what the test is about.
 */
export function forgetMigrationsFrom(db: Db, tag: string): void {
  const entries = journal();
  const at = entries.findIndex((e) => e.tag === tag);
  if (at < 0) throw new Error(`no migration ${tag} in the journal`);
  for (const later of entries.slice(at + 1).reverse()) {
    const undo = UNDO[later.tag];
    if (!undo) throw new Error(`tests/support/migrations.ts does not say how to undo migration ${later.tag}: add it to UNDO`);
    for (const statement of undo) db.run(sql.raw(statement));
  }
  db.run(sql`DELETE FROM __drizzle_migrations WHERE created_at >= ${entries[at].when}`);
}

/**
 * The migration set an older version of the app shipped: a copy of db/migrations in `dir` with
 * `tag` and every later migration left out. A Runtime over it makes the archive that version made.
 */
export function migrationsBefore(tag: string, dir: string): string {
  const entries = journal();
  const at = entries.findIndex((e) => e.tag === tag);
  if (at < 0) throw new Error(`no migration ${tag} in the journal`);
  cpSync(MIGRATIONS, dir, { recursive: true });
  const file = join(dir, 'meta', '_journal.json');
  const kept = JSON.parse(readFileSync(file, 'utf8')) as { entries: unknown[] };
  writeFileSync(file, JSON.stringify({ ...kept, entries: kept.entries.slice(0, at) }, null, 2));
  for (const later of entries.slice(at)) rmSync(join(dir, `${later.tag}.sql`));
  return dir;
}
