import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey } from '../../db/connection';
import { assertHexKey } from '../../db/keyfile';

type Sqlite = Database.Database;

/**
 * SQLite3MultipleCiphers refuses to re-key a WAL database: the WAL is folded into the file and
 * the journal switched to DELETE, the re-key runs as one rollback-journalled transaction (a crash
 * leaves a hot journal that puts the old pages back), then WAL comes back on.
 */
export function rekeyConnection(sqlite: Sqlite, newKeyHex: string): void {
  assertHexKey(newKeyHex);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.pragma('journal_mode=DELETE');
  try {
    sqlite.pragma(`rekey="x'${newKeyHex}'"`);
  } finally {
    sqlite.pragma('journal_mode=WAL');
  }
}

/** A closed file (a backup being restored from another install) re-keyed to this install's key. */
export function rekeyFile(file: string, oldKeyHex: string, newKeyHex: string, nativeBinding?: string): void {
  const sqlite = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    applyKey(sqlite, oldKeyHex);
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    sqlite.pragma('journal_mode=DELETE');
    assertHexKey(newKeyHex);
    sqlite.pragma(`rekey="x'${newKeyHex}'"`);
  } finally {
    sqlite.close();
  }
}
