import Database from 'better-sqlite3-multiple-ciphers';
import { rmSync } from 'node:fs';
import { applyKey } from '../../../db/connection';
import { assertHexKey } from '../../../db/keyfile';

type Sqlite = Database.Database;

/**
 * Re-keys a closed file. SQLite3MultipleCiphers refuses to re-key in WAL mode, so the file is put
 * in DELETE mode first. Only ever run on a copy: a kill at the commit of an in-place re-key was
 * measured to leave a hot journal that neither key opens.
 */
export function rekeyFile(file: string, oldKeyHex: string, newKeyHex: string, nativeBinding?: string): void {
  assertHexKey(newKeyHex);
  const sqlite = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    applyKey(sqlite, oldKeyHex);
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    sqlite.pragma('journal_mode=DELETE');
    sqlite.pragma(`rekey="x'${newKeyHex}'"`);
  } finally {
    sqlite.close();
  }
}

/**
 * The open database copied (VACUUM INTO: consistent, DELETE mode, same key) and the copy re-keyed;
 * `between` is awaited after the copy (a worker reports its step there). The live file is untouched
 * until the caller renames the copy over it, so a crash at any point leaves either the old file
 * (old key) or the finished copy (new key).
 */
export async function rekeyedCopy(
  sqlite: Sqlite,
  copy: string,
  oldKeyHex: string,
  newKeyHex: string,
  nativeBinding?: string,
  between: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  rmSync(copy, { force: true });
  try {
    sqlite.prepare('VACUUM INTO ?').run(copy);
    await between();
    rekeyFile(copy, oldKeyHex, newKeyHex, nativeBinding);
  } catch (err) {
    rmSync(copy, { force: true });
    throw err;
  }
}
