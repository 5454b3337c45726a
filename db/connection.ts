import Database from 'better-sqlite3-multiple-ciphers';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../electron/core/contract/errors';
import { assertHexKey } from './keyfile';
import * as schema from './schema';
import { withStatementCache } from './statement-cache';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenOptions {
  /** Folder of the drizzle-kit migrations (db/migrations), shipped beside the app. */
  migrationsFolder: string;
  /** Null opens a plain, unencrypted file: only for benchmarks and drizzle-kit's comparisons. */
  keyHex: string | null;
  /** The SQLite addon built for Electron's ABI when running unpackaged under Electron. */
  nativeBinding?: string;
  /** For tools that only read (audit verification): no pragmas that write, no migrations. */
  readonly?: boolean;
  /** An existing archive: a missing file is DB_MISSING, never a new empty database. */
  mustExist?: boolean;
  /**
   * Called with the archive as the older version left it, before a migration it has not had yet
   * (never for a new database); a throw leaves the archive unmigrated and the open fails with it.
   */
  beforeMigrate?: (db: Db) => void;
}

export function applyKey(sqlite: Database.Database, keyHex: string): void {
  assertHexKey(keyHex);
  // SQLCipher 4 compatible; a raw x'…' key skips the passphrase KDF on every open.
  sqlite.pragma(`cipher='sqlcipher'`);
  sqlite.pragma('legacy=4');
  sqlite.pragma(`key="x'${keyHex}'"`);
}

/**
 * Files up to this size get SQLite's quick check at every open (about 5 ms per MB here, so at most
 * ~0.3 s). A larger archive would wait seconds at each start (16 s at 3 GB): it relies on the
 * integrity check of every verified backup, and a damaged page read later answers DB_CORRUPT.
 */
const QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Reads the schema and, for archives of ordinary size, runs SQLite's quick check (every page, no
 * index cross-check), so a damaged file is refused at opening with DB_CORRUPT rather than failing
 * one screen at a time later.
 */
function checkReadable(sqlite: Database.Database, encrypted: boolean, file: string): void {
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') throw new AppError(encrypted ? 'WRONG_KEY' : 'DB_CORRUPT');
    throw storageFault(err) ?? err;
  }
  if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > QUICK_CHECK_MAX_BYTES) return;
  let verdict: unknown;
  try {
    verdict = sqlite.pragma('quick_check(1)', { simple: true });
  } catch (err) {
    // Past page 1 the key is known to be right: a page that will not decrypt is a damaged page.
    throw (err as { code?: string }).code === 'SQLITE_NOTADB' ? new AppError('DB_CORRUPT') : (storageFault(err) ?? err);
  }
  if (verdict !== 'ok') throw new AppError('DB_CORRUPT');
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * What a failure of the disk or the file means to the person at the desk, or null when it is none
 * of these: a full disk, a folder or disk that cannot be written, a damaged database.
 */
export function storageFault(err: unknown, dataDir?: string): AppError | null {
  if (err instanceof AppError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  // SQLite cannot make its -wal/-shm files beside the database in a folder it may not write to.
  if (code === 'SQLITE_CANTOPEN' && dataDir !== undefined && !writable(dataDir)) return new AppError('DATA_READ_ONLY');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new AppError('DISK_FULL');
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new AppError('DATA_READ_ONLY');
  if (code.startsWith('SQLITE_CORRUPT')) return new AppError('DB_CORRUPT');
  return null;
}

function lastJournalStamp(migrationsFolder: string): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  return Math.max(...journal.entries.map((e) => e.when));
}

/** The stamp of the last migration applied to this database, null for a new one. */
function lastApplied(sqlite: Database.Database): number | null {
  const table = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE name='__drizzle_migrations'`).get();
  if (!table) return null;
  return (sqlite.prepare('SELECT max(created_at) AS last FROM __drizzle_migrations').get() as { last: number | null }).last;
}

/**
 * drizzle's migrator runs in a transaction, where PRAGMA foreign_keys cannot change, so a table
 * rebuild would cascade. Foreign keys go off around it and are checked before coming back on.
 * A database from a newer version of the app is refused, never downgraded. An up-to-date one skips
 * all of it: the whole-database foreign_key_check takes ~10 s at 100,000 boxes and 1M loans.
 */
export function runMigrations(db: Db, migrationsFolder: string, beforeMigrate?: (db: Db) => void): void {
  const sqlite = db.$client;
  const applied = lastApplied(sqlite);
  const latest = lastJournalStamp(migrationsFolder);
  if (applied !== null && applied > latest) throw new AppError('DB_TOO_NEW');
  if (applied === latest) {
    sqlite.pragma('foreign_keys=ON');
    return;
  }
  if (applied !== null) beforeMigrate?.(db);
  sqlite.pragma('foreign_keys=OFF');
  migrate(db, { migrationsFolder });
  const broken = sqlite.pragma('foreign_key_check') as unknown[];
  if (broken.length > 0) throw new AppError('DB_CORRUPT', { params: { violations: broken.length } });
  sqlite.pragma('foreign_keys=ON');
}

/** drizzle over a statement-caching view of the connection; `$client` stays the real connection. */
function drizzleOver(sqlite: Database.Database): Db {
  const db = drizzle(withStatementCache(sqlite), { schema }) as Db;
  db.$client = sqlite;
  return db;
}

export function openDatabase(file: string, options: OpenOptions): Db {
  const mustExist = (options.readonly || options.mustExist) ?? false;
  if (options.mustExist && !existsSync(file)) throw new AppError('DB_MISSING');
  const sqlite = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: mustExist,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    if (options.keyHex !== null) applyKey(sqlite, options.keyHex);
    checkReadable(sqlite, options.keyHex !== null, file);
    if (options.readonly) return drizzleOver(sqlite);
    sqlite.pragma('journal_mode=WAL');
    // A legal register: a committed loan must survive a power cut.
    sqlite.pragma('synchronous=FULL');
    sqlite.pragma('busy_timeout=5000');
    const db = drizzleOver(sqlite);
    runMigrations(db, options.migrationsFolder, options.beforeMigrate);
    return db;
  } catch (err) {
    sqlite.close();
    throw err;
  }
}
