import { eq } from 'drizzle-orm';
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { basename, join } from 'node:path';
import { openDatabase, type Db } from '../../../db/connection';
import { recoverySchema, type RecoveryBlob } from '../../../db/keyfile';
import { settings } from '../../../db/schema';
import {
  backupSettingsSchema,
  type BackupFile,
  type BackupManifest,
  type BackupOverview,
  type BackupResult,
  type BackupSettings,
  type CleanedUp,
  type FolderStatus,
  type TableCounts,
} from '../../core/contract/backups';
import { AppError } from '../../core/contract/errors';
import { SYSTEM_ACTOR, type Actor } from './actor';
import { chainHead } from './audit-log';
import { getSettings } from './settings';
import { mutate } from './transaction';

const SETTINGS_KEY = 'backups';
const STATUS_KEY = 'backup-status';
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { folders: [], keep: 30, dailyAt: '18:00', onClose: true };
export const OVERDUE_DAYS = 7;
const FILE_PATTERN = /^archive-desk-\d{8}-\d{6}(-\d+)?\.db$/;
/** This app's own temporary files in a backup folder: a copy being made, the write probe. */
const TEMP_PATTERN = /^\.archive-desk-(\d{8}-\d{6}(-\d+)?\.db\.partial|probe-\d+)$/;
/**
 * A temporary file untouched this long belongs to a backup that died (a kill, a power cut): a
 * live one writes its copy or reads it back all the time. A younger one may be another PC's
 * backup into the same shared folder, still running.
 */
const STALE_AFTER_MS = 30 * 60_000;
/**
 * Backups and manifests hold the archive and its passphrase-wrapped key: owner only. POSIX only;
 * on Windows Node ignores the mode and the folder's ACL decides, so there is nothing to do there.
 */
const PRIVATE_MODE = 0o600;
/** A manifest is a few kilobytes; a bigger "manifest" is not ours and is not read into memory. */
const MANIFEST_MAX_BYTES = 1024 * 1024;

export interface BackupContext {
  keyHex: string;
  recovery: RecoveryBlob;
  appVersion: string;
  migrationsFolder: string;
  nativeBinding?: string;
  now?: () => Date;
}

function readSetting(db: Db, key: string): unknown {
  return db.select().from(settings).where(eq(settings.key, key)).get()?.value;
}

function writeSetting(tx: Db, key: string, value: unknown): void {
  tx.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

export function getBackupSettings(db: Db): BackupSettings {
  const parsed = backupSettingsSchema.safeParse({ ...DEFAULT_BACKUP_SETTINGS, ...(readSetting(db, SETTINGS_KEY) as object | undefined) });
  return parsed.success ? parsed.data : DEFAULT_BACKUP_SETTINGS;
}

export function updateBackupSettings(db: Db, actor: Actor, next: BackupSettings): BackupSettings {
  return mutate(db, actor, (tx) => {
    const before = getBackupSettings(tx);
    writeSetting(tx, SETTINGS_KEY, next);
    return { result: next, audit: { action: 'settings-update', entity: 'settings', entityId: SETTINGS_KEY, before, after: next } };
  });
}

type StatusMap = Record<string, Omit<FolderStatus, 'folder'>>;

function getStatusMap(db: Db): StatusMap {
  return (readSetting(db, STATUS_KEY) as StatusMap | undefined) ?? {};
}

export function backupOverview(db: Db, now: Date = new Date()): BackupOverview {
  const config = getBackupSettings(db);
  const status = getStatusMap(db);
  const folders = config.folders.map((folder) => ({ folder, lastGood: status[folder]?.lastGood ?? null, lastError: status[folder]?.lastError ?? null }));
  const lastGoodAt = Object.values(status).reduce<string | null>((max, s) => (s.lastGood && (!max || s.lastGood.at > max) ? s.lastGood.at : max), null);
  const overdue = lastGoodAt === null ? chainHead(db).entries > 0 : now.getTime() - Date.parse(lastGoodAt) > OVERDUE_DAYS * 86_400_000;
  return { settings: config, folders, lastGoodAt, overdue };
}

/** Every table's row count, FTS shadow tables included: a copy must match the source in all. */
export function tableCounts(sqlite: Db['$client']): TableCounts {
  const names = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`)
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    names.map((n) => [
      n,
      sqlite
        .prepare(`SELECT count(*) FROM "${n.replaceAll('"', '""')}"`)
        .pluck()
        .get() as number,
    ]),
  );
}

function lastMigration(sqlite: Db['$client']): number | null {
  return (sqlite.prepare('SELECT max(created_at) FROM __drizzle_migrations').pluck().get() as number | null) ?? null;
}

const sameCounts = (a: TableCounts, b: TableCounts) => JSON.stringify(a) === JSON.stringify(b);

/** Node and SQLite both say "disk full" in their own words. */
function isDiskFull(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT';
}

/** A missing, unplugged or read-only folder is found before any work, with its own message. */
export function checkFolder(folder: string): void {
  let isDir = false;
  try {
    isDir = statSync(folder).isDirectory();
  } catch {
    throw new AppError('BACKUP_FOLDER_MISSING', { params: { folder } });
  }
  if (!isDir) throw new AppError('BACKUP_FOLDER_MISSING', { params: { folder } });
  // access(W_OK) says yes to root on a read-only mount; only a real write tells.
  const probe = join(folder, `.archive-desk-probe-${process.pid}`);
  try {
    writeFileSync(probe, 'ok');
    rmSync(probe, { force: true });
  } catch (err) {
    if (isDiskFull(err)) throw new AppError('BACKUP_DISK_FULL', { params: { folder } });
    throw new AppError('BACKUP_FOLDER_READONLY', { params: { folder } });
  }
}

const partialName = (name: string) => `.${name}.partial`;

/**
 * Removes what interrupted backups left in `folder`: only this app's temporary names, only stale
 * ones. An unreachable folder, or a file that will not go, is left for the backup to report.
 */
export function removeStaleTemporaries(folder: string, now = Date.now()): CleanedUp {
  const cleaned: CleanedUp = { files: [], bytes: 0 };
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return cleaned;
  }
  for (const name of names.filter((n) => TEMP_PATTERN.test(n)).sort()) {
    try {
      const stats = lstatSync(join(folder, name));
      if (!stats.isFile() || now - stats.mtimeMs < STALE_AFTER_MS) continue;
      rmSync(join(folder, name));
      cleaned.files.push(name);
      cleaned.bytes += stats.size;
    } catch {
      // read-only or already gone: nothing removed
    }
  }
  return cleaned;
}

/** At start, each reachable backup folder loses what interrupted backups left; the audit log says what went. */
export function cleanBackupFolders(db: Db): void {
  try {
    for (const folder of getBackupSettings(db).folders) {
      const cleaned = removeStaleTemporaries(folder);
      if (cleaned.files.length === 0) continue;
      mutate(db, SYSTEM_ACTOR, () => ({
        result: null,
        audit: { action: 'backup-cleanup', entity: 'database', entityId: null, after: { folder, ...cleaned } },
      }));
    }
  } catch (err) {
    // Tidying up must never keep the archive from opening.
    console.error('backup folder cleanup failed', err);
  }
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const stamp = (d: Date) => `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;

function freeName(folder: string, at: Date): string {
  const base = `archive-desk-${stamp(at)}`;
  for (let n = 0; ; n++) {
    const name = n === 0 ? `${base}.db` : `${base}-${n}.db`;
    // A copy still being made under a name (here, or from another PC) keeps that name.
    if (![name, `${name}.json`, partialName(name)].some((taken) => existsSync(join(folder, taken)))) return name;
  }
}

export interface OpenedBackup {
  counts: TableCounts;
  audit: { entries: number; headHash: string };
  migration: number | null;
}

/**
 * Opens a backup file read-only with a key (null: a plain file, for the benchmark) and checks it
 * through: every page, the counts, the chain head.
 *
 * `quick_check` reads every page of every b-tree and checks its structure, and reading an encrypted
 * page checks its HMAC-SHA512, so a changed byte anywhere fails. It skips `integrity_check`'s
 * lookup of every row in each of its indexes: VACUUM INTO has just built each index from the rows
 * it copied, so an index that disagrees with its table could only come from a damaged page, which
 * the HMAC catches. At 3.4 GB that lookup took 60 of the backup's 97 s and a 256 MB page cache.
 */
export function checkBackupFile(file: string, keyHex: string | null, ctx: Pick<BackupContext, 'migrationsFolder' | 'nativeBinding'>): OpenedBackup {
  refuseNonRegular(file);
  let copy: Db;
  try {
    copy = openDatabase(file, { keyHex, migrationsFolder: ctx.migrationsFolder, nativeBinding: ctx.nativeBinding, readonly: true });
  } catch (err) {
    if (err instanceof AppError && err.code === 'WRONG_KEY') throw err;
    throw new AppError('BACKUP_INVALID', { params: { file: basename(file) } });
  }
  try {
    const check = copy.$client.prepare('PRAGMA quick_check').pluck().all() as string[];
    if (check.length !== 1 || check[0] !== 'ok') throw new AppError('BACKUP_INVALID', { params: { file: basename(file) } });
    return { counts: tableCounts(copy.$client), audit: chainHead(copy), migration: lastMigration(copy.$client) };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('BACKUP_INVALID', { params: { file: basename(file) } });
  } finally {
    copy.$client.close();
  }
}

/** Where a backup into one folder stands between its steps: about to copy, about to check the copy. */
export type BackupStep =
  | { step: 'copy'; folder: string; tmp: string; totalBytes: number }
  | { step: 'verify'; folder: string; tmp: string; copiedBytes: number };

/** What the copy will weigh: the pages in use (VACUUM INTO leaves the free ones out). */
export function bytesInUse(sqlite: Db['$client']): number {
  const pages = (name: string) => sqlite.pragma(name, { simple: true }) as number;
  return (pages('page_count') - pages('freelist_count')) * pages('page_size');
}

/**
 * One verified backup in one folder, step by step: VACUUM INTO a hidden temp name (a consistent
 * snapshot even while others write, still encrypted with the same key), open and check it, then
 * rename it into place and write its manifest. A failed backup leaves nothing behind. It stops
 * before the copy and before the check (yielding where it stands), so a worker thread can say how
 * far it is; backUpTo runs it straight through.
 */
export function* backupSteps(db: Db, folder: string, ctx: BackupContext): Generator<BackupStep, BackupFile, void> {
  checkFolder(folder);
  const at = (ctx.now ?? (() => new Date()))();
  const name = freeName(folder, at);
  const tmp = join(folder, partialName(name));
  const file = join(folder, name);
  // Only a temporary file this backup made is removed on failure, never one that raced it to the name.
  let madeTmp = false;
  try {
    // VACUUM INTO writes into an empty file as it finds it, so the copy is never readable by others.
    closeSync(openSync(tmp, 'wx', PRIVATE_MODE));
    madeTmp = true;
    yield { step: 'copy', folder, tmp, totalBytes: bytesInUse(db.$client) };
    const before = tableCounts(db.$client);
    db.$client.prepare('VACUUM INTO ?').run(tmp);
    const after = tableCounts(db.$client);
    yield { step: 'verify', folder, tmp, copiedBytes: statSync(tmp).size };
    const copy = checkBackupFile(tmp, ctx.keyHex, ctx);
    // Another connection may have written during the copy; then only the snapshot itself is known.
    if (sameCounts(before, after) && !sameCounts(before, copy.counts)) throw new AppError('BACKUP_VERIFY_FAILED', { params: { folder } });
    const manifest: BackupManifest = {
      format: 'archive-desk-backup',
      version: 1,
      createdAt: at.toISOString(),
      appVersion: ctx.appVersion,
      migration: copy.migration,
      siteName: getSettings(db).siteName,
      counts: copy.counts,
      audit: copy.audit,
      recovery: ctx.recovery,
    };
    renameSync(tmp, file);
    writeFileSync(`${file}.json`, JSON.stringify(manifest, null, 2), { mode: PRIVATE_MODE });
    return { file, bytes: statSync(file).size, manifest };
  } catch (err) {
    if (madeTmp) rmSync(tmp, { force: true });
    if (err instanceof AppError) throw err.code === 'BACKUP_INVALID' ? new AppError('BACKUP_VERIFY_FAILED', { params: { folder } }) : err;
    if (isDiskFull(err)) {
      rmSync(file, { force: true });
      throw new AppError('BACKUP_DISK_FULL', { params: { folder } });
    }
    // The folder went away under the copy (a USB drive pulled, the folder deleted).
    if (!existsSync(folder)) throw new AppError('BACKUP_FOLDER_MISSING', { params: { folder } });
    throw err;
  }
}

/** One verified backup in one folder, in this thread (see backupSteps). */
export function backUpTo(db: Db, folder: string, ctx: BackupContext): BackupFile {
  const steps = backupSteps(db, folder, ctx);
  for (let next = steps.next(); ; next = steps.next()) if (next.done) return next.value;
}

/** Deletes all but the newest `keep` backups (and their manifests); only files this app named. */
export function pruneBackups(folder: string, keep: number): string[] {
  const ours = readdirSync(folder)
    .filter((n) => FILE_PATTERN.test(n))
    .sort();
  const gone = ours.slice(0, Math.max(0, ours.length - keep));
  for (const name of gone) {
    rmSync(join(folder, name), { force: true });
    rmSync(join(folder, `${name}.json`), { force: true });
  }
  return gone;
}

const manifestShape = (raw: unknown): raw is BackupManifest => {
  const m = raw as Partial<BackupManifest> | null;
  return (
    !!m &&
    m.format === 'archive-desk-backup' &&
    m.version === 1 &&
    typeof m.createdAt === 'string' &&
    typeof m.counts === 'object' &&
    typeof m.audit?.entries === 'number' &&
    typeof m.audit?.headHash === 'string' &&
    recoverySchema.safeParse(m.recovery).success
  );
};

/**
 * A path a person typed is opened only if it is a regular file (or a link to one): open() on a
 * FIFO waits for a writer for ever, /dev/zero never ends. A missing path is left to the caller.
 */
function refuseNonRegular(path: string): void {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch {
    return;
  }
  if (!stats.isFile()) throw new AppError('BACKUP_NOT_A_FILE', { params: { file: path } });
}

/** Reads a small regular file; O_NONBLOCK, so a FIFO swapped in after the check cannot block the open. */
function readSmallFile(path: string): string {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new AppError('BACKUP_NOT_A_FILE', { params: { file: path } });
    if (stats.size > MANIFEST_MAX_BYTES) throw new Error('too big for a manifest');
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** A file without its manifest, or with one that is not ours, is not a backup this app can restore. */
export function readManifest(file: string): BackupManifest {
  refuseNonRegular(file);
  refuseNonRegular(`${file}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readSmallFile(`${file}.json`));
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('BACKUP_INVALID', { params: { file: basename(file) } });
  }
  if (!manifestShape(raw)) throw new AppError('BACKUP_INVALID', { params: { file: basename(file) } });
  return raw;
}

export function listBackups(folder: string): BackupFile[] {
  checkFolderReadable(folder);
  return readdirSync(folder)
    .filter((n) => FILE_PATTERN.test(n))
    .sort()
    .reverse()
    .flatMap((name) => {
      const file = join(folder, name);
      try {
        return [{ file, bytes: statSync(file).size, manifest: readManifest(file) }];
      } catch {
        return [];
      }
    });
}

function checkFolderReadable(folder: string): void {
  try {
    if (statSync(folder).isDirectory()) return;
  } catch {
    // reported below
  }
  throw new AppError('BACKUP_FOLDER_MISSING', { params: { folder } });
}

/** A backup's failure the app knows (an AppError) is a folder's recorded outcome; anything else is thrown on. */
export function knownFailure(err: unknown): AppError {
  if (err instanceof AppError) return err;
  throw err;
}

/** One folder's outcome: a good backup prunes the folder to the newest `keep`. */
export function folderResult(folder: string, cleanedUp: CleanedUp, made: BackupFile | AppError, keep: number): BackupResult {
  if (made instanceof AppError) return { folder, ok: false, file: null, error: made.code, cleanedUp };
  pruneBackups(folder, keep);
  return { folder, ok: true, file: made.file, error: null, cleanedUp };
}

/** Each folder's outcome, kept for the backup screen, and the audit entry of the run. */
export function recordBackupRun(db: Db, actor: Actor, results: BackupResult[], now: Date): void {
  mutate(db, actor, (tx) => {
    const status = getStatusMap(tx);
    const at = now.toISOString();
    for (const r of results) {
      const prev = status[r.folder] ?? { lastGood: null, lastError: null };
      status[r.folder] = r.ok ? { lastGood: { at, file: r.file! }, lastError: null } : { lastGood: prev.lastGood, lastError: { at, code: r.error! } };
    }
    writeSetting(tx, STATUS_KEY, status);
    return { result: null, audit: { action: 'backup-create', entity: 'database', entityId: null, after: { results } } };
  });
}

/** The folders a backup run goes to; none set is BACKUP_NO_FOLDERS. */
export function backupFolders(db: Db): BackupSettings {
  const config = getBackupSettings(db);
  if (config.folders.length === 0) throw new AppError('BACKUP_NO_FOLDERS');
  return config;
}

/**
 * Backs up to every configured folder, each on its own: an unplugged USB drive does not stop the
 * copy to the second disk. Each folder's outcome, with what interrupted backups had left there and
 * was removed first, is kept for the backup screen and the audit log. In this thread: the app's
 * closing backup, with no screen left to serve (a worker thread runs the others, backup-job.ts).
 */
export function backUpAll(db: Db, actor: Actor, ctx: BackupContext): BackupResult[] {
  const config = backupFolders(db);
  const now = (ctx.now ?? (() => new Date()))();
  const results = config.folders.map((folder) => {
    const cleanedUp = removeStaleTemporaries(folder);
    let made: BackupFile | AppError;
    try {
      made = backUpTo(db, folder, { ...ctx, now: () => now });
    } catch (err) {
      made = knownFailure(err);
    }
    return folderResult(folder, cleanedUp, made, config.keep);
  });
  recordBackupRun(db, actor, results, now);
  return results;
}

/** Whether a good backup was made on the local calendar day of `now`. */
export function backedUpToday(db: Db, now: Date): boolean {
  const last = backupOverview(db, now).lastGoodAt;
  return last !== null && new Date(last).toDateString() === now.toDateString();
}
