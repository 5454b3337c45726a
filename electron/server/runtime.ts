import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import { openDatabase, storageFault, type Db } from '../../db/connection';
import {
  createKeyFile,
  createKeyFileFromRecovery,
  dropNextKey,
  hasNextKey,
  keyFileExists,
  promoteNextKey,
  readKeyWithPassphrase,
  readKeyWithProtector,
  readRecoveryBlob,
  rewrapForMachine,
  rewrapRecovery,
  stageNextKey,
  unsealRecovery,
  type KeyProtector,
  type RecoveryBlob,
} from '../../db/keyfile';
import { version as appVersion } from '../../package.json';
import { settings as settingsTable } from '../../db/schema';
import type { AppStatus, setupInput } from '../core/contract/app';
import { AppError, type AppErrorPayload } from '../core/contract/errors';
import { acquireLock, lockFile, releaseLock } from './instance-lock';
import {
  asideName,
  finishRestore,
  incomingFile,
  KEEP_BEFORE_RESTORE,
  parkLive,
  pruneBeforeRestore,
  rekeyRecovered,
  restoreRecovered,
  rollBack,
  settleFiles,
  staleBeforeRestore,
  swapIn,
  type Recovered,
  type RestoreJournal,
} from './runtime-recovery';
import { SYSTEM_ACTOR, type Actor } from './services/actor';
import type { ChainSource } from './services/audit-chain';
import { backedUpToday, backUpAll, checkBackupFile, cleanBackupFolders, getBackupSettings, readManifest, type BackupContext } from './services/backups';
import { dailyBackupDue } from './services/backup-schedule';
import { PassphraseThrottle } from './services/password-throttle';
import { rekeyedCopy, rekeyFile } from './services/rekey';
import { mutate } from './services/transaction';
import { unavailablePrinter, type Printer } from './services/printing/printer';
import { ensureOwnerKeys } from './services/owner-keys';
import { ensureSearchIndex } from './services/search-index';
import { DEFAULT_SETTINGS, getSettings } from './services/settings';
import { SessionStore } from './services/sessions';
import { createUser, userCount } from './services/users';

export interface RuntimeOptions {
  dataDir: string;
  /** safeStorage in Electron, a machine key in the web shell and tests; null where neither works. */
  protector: KeyProtector | null;
  migrationsFolder: string;
  nativeBinding?: string;
  /** Made by the shell (a hidden window in Electron, headless Chromium elsewhere), which also closes it. */
  printer?: Printer;
  /** The clock of the backup schedule; tests move it. */
  now?: () => Date;
}

export const dataFiles = (dataDir: string) => ({ db: join(dataDir, 'archive.db'), keyFile: join(dataDir, 'archive.keys.json') });

/**
 * The app's life outside any one window: whether it is set up, whether the database is open, and
 * who is signed in. Both shells (Electron and the web shell) drive the same Runtime.
 */
export class Runtime {
  readonly sessions = new SessionStore();
  readonly files: ReturnType<typeof dataFiles>;
  /** Without one, every print fails with PRINTER_UNAVAILABLE. */
  readonly printer: Printer;
  private db: Db | null = null;
  /** The open database's key: backups are checked with it, a restored copy is re-keyed to it. */
  private keyHex: string | null = null;
  private scheduleTimer: NodeJS.Timeout | null = null;
  /** Why the archive could not be opened at start (disk, folder, file, another instance); cleared by a retry. */
  private fault: AppErrorPayload | null = null;
  private locked = false;
  private lockedReason: AppStatus['lockedReason'] = null;
  /** A setup between its checks and its files: a second one must not start over it. */
  private settingUp = false;
  /** What the last start settled (an interrupted restore or re-key), for the audit log once open. */
  private recovered: Recovered[] = [];
  /** A restore the last run left with its copy renamed in: verified and finished at the next open. */
  private pendingRestore: RestoreJournal | null = null;
  /** The open database file as opened: a different one (or none) at its path means it was removed. */
  private openedFile: { ino: number; dev: number } | null = null;
  /** The data folder or archive file was removed while open: nothing more is written until it is back. */
  private folderGone = false;
  /** The connection to the removed file, held open (see checkInPlace) until the process ends. */
  private readonly removedUnder: Db[] = [];
  /** Every check of a recovery passphrase goes through it: unlock, change, re-key, restore. */
  private readonly passphraseAttempts = new PassphraseThrottle(() => this.now().getTime());
  /** The tail of the queue of key changes (oneKeyChangeAtATime). */
  private keyChanges: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: RuntimeOptions) {
    this.files = dataFiles(options.dataDir);
    this.printer = options.printer ?? unavailablePrinter;
  }

  /**
   * Opens the database without asking anyone when the key file and this machine allow it. What
   * stops it (a full or read-only disk, a damaged file, another instance) becomes the status's
   * fault, for the start screen to explain; status() after the cause is fixed tries again.
   */
  start(): AppStatus {
    if (this.db) return this.status();
    this.fault = null;
    try {
      if (this.folderGone && !existsSync(this.files.db)) throw new AppError('DATA_FOLDER_GONE');
      this.folderGone = false;
      this.takeLock();
      const settled = settleFiles(this.files.db, (message) => console.warn(`archive start: ${message}`));
      this.recovered.push(...settled.recovered);
      this.pendingRestore = settled.pending;
      if (!keyFileExists(this.files.keyFile)) {
        // A database without its key file can only be opened once the key file is put back.
        if (existsSync(this.files.db)) throw new AppError('KEY_FILE_MISSING');
        return this.status();
      }
      // Never a new empty archive in place of a lost one: nobody could sign in to it.
      if (!existsSync(this.files.db)) throw new AppError('DB_MISSING');
      const keyHex = readKeyWithProtector(this.files.keyFile, this.options.protector);
      if (keyHex === null) this.lockedReason = 'keystore';
      else {
        this.openSettling(() => this.openEitherKey(keyHex, () => readKeyWithProtector(this.files.keyFile, this.options.protector, 'next')));
        cleanBackupFolders(this.requireDb());
      }
    } catch (err) {
      this.fault = this.faultOf(err);
    }
    return this.status();
  }

  /** app-status: a fault is looked at again each time, so "retry" works once the cause is gone. */
  refresh(): AppStatus {
    return this.fault ? this.start() : this.status();
  }

  status(): AppStatus {
    this.checkInPlace();
    if (this.fault) return { state: 'fault', siteName: null, lockedReason: null, fault: this.fault };
    if (this.db) return { state: 'ready', siteName: getSettings(this.db).siteName, lockedReason: null };
    if (!keyFileExists(this.files.keyFile)) return { state: 'setup', siteName: null, lockedReason: null };
    return { state: 'locked', siteName: null, lockedReason: this.lockedReason };
  }

  requireDb(): Db {
    this.assertInPlace();
    if (!this.db) throw new AppError('NOT_READY');
    return this.db;
  }

  /**
   * Every call but the status and the restore that is the way forward is refused once the data
   * folder or the archive file was removed under the open database: writes would be acknowledged
   * into a deleted file. One stat of the path (a few µs) per check.
   */
  assertInPlace(): void {
    if (!this.checkInPlace()) throw new AppError('DATA_FOLDER_GONE');
  }

  private checkInPlace(): boolean {
    if (this.folderGone) return false;
    if (!this.db || !this.openedFile) return true;
    const now = statSync(this.files.db, { throwIfNoEntry: false });
    if (now && now.ino === this.openedFile.ino && now.dev === this.openedFile.dev) return true;
    console.error(`archive file removed while open: ${this.files.db}; nothing more is written`);
    this.folderGone = true;
    this.fault = this.faultOf(new AppError('DATA_FOLDER_GONE'));
    // Not closed: closing deletes the -wal by name, which may be one of a folder put back there.
    this.sessions.closeAll();
    if (this.db) this.removedUnder.push(this.db);
    this.db = null;
    this.keyHex = null;
    this.openedFile = null;
    // The lock file went with the folder: a retry or restore takes a new one.
    this.locked = false;
    return false;
  }

  isReady(): boolean {
    return this.db !== null;
  }

  async setup(input: z.output<typeof setupInput>): Promise<AppStatus> {
    if (this.folderGone) throw new AppError('DATA_FOLDER_GONE');
    // The archive file is lost, not new: the way forward is a restore, never a new empty archive.
    if (!this.db && keyFileExists(this.files.keyFile) && !existsSync(this.files.db)) throw new AppError('DB_MISSING');
    this.assertFreshInstall();
    this.settingUp = true;
    try {
      this.takeLock();
      const keyHex = await createKeyFile(this.files.keyFile, this.options.protector, input.passphrase);
      try {
        const db = this.open(keyHex, { create: true });
        db.insert(settingsTable).values({ key: 'app', value: { ...DEFAULT_SETTINGS, siteName: input.siteName } }).run();
        if (userCount(db) === 0) await createUser(db, SYSTEM_ACTOR, { ...input.admin, role: 'admin' });
      } catch (err) {
        this.discardHalfSetup();
        throw err;
      }
    } catch (err) {
      throw storageFault(err, this.options.dataDir) ?? err;
    } finally {
      this.settingUp = false;
    }
    return this.status();
  }

  async unlock(passphrase: string): Promise<AppStatus> {
    if (this.db) return this.status();
    const keyHex = await this.passphraseAttempts.check(() => readKeyWithPassphrase(this.files.keyFile, passphrase));
    const nextKey = hasNextKey(this.files.keyFile) ? await readKeyWithPassphrase(this.files.keyFile, passphrase, 'next').catch(() => null) : null;
    // Another unlock may have opened the database while this passphrase was being checked.
    if (this.db) return this.status();
    this.openSettling(() => this.openEitherKey(keyHex, () => nextKey));
    if (this.options.protector?.available()) await rewrapForMachine(this.files.keyFile, this.options.protector, keyHex);
    this.lockedReason = null;
    return this.status();
  }

  /** Closing the app makes the day's backup if the schedule asks for one and none was made. */
  close(): void {
    this.stopSchedule();
    if (this.db && getBackupSettings(this.db).onClose) this.scheduledBackup({ onClose: true });
    this.closeDb();
    if (this.locked) releaseLock(this.options.dataDir);
    this.locked = false;
  }

  /** Setup and restore-at-setup start only where no archive exists yet. */
  private assertFreshInstall(): void {
    if (this.settingUp || keyFileExists(this.files.keyFile) || this.db) throw new AppError('ALREADY_SET_UP');
    // A database without its key file can never be opened again; refuse rather than bury it.
    if (existsSync(this.files.db)) throw new AppError('KEY_FILE_MISSING');
  }

  private takeLock(): void {
    if (this.locked) return;
    const lock = acquireLock(this.options.dataDir);
    if (!lock.acquired) throw new AppError('ALREADY_RUNNING', { params: { pid: lock.holder.pid, lockFile: lockFile(this.options.dataDir), ...(lock.holder.url ? { url: lock.holder.url } : {}) } });
    this.locked = true;
  }

  /** The code the start screen explains, with the paths a person needs to act on it. */
  private faultOf(err: unknown): AppErrorPayload {
    const known = storageFault(err, this.options.dataDir);
    if (!known) console.error('archive could not be opened:', err);
    const payload = (known ?? new AppError('INTERNAL')).toPayload();
    return { ...payload, params: { dataDir: this.options.dataDir, ...this.files, ...payload.params } };
  }

  private closeDb(): void {
    this.sessions.closeAll();
    this.db?.$client.close();
    this.db = null;
    this.keyHex = null;
    this.openedFile = null;
  }

  now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  /** The open database as another thread opens it, read-only: its file and key (audit chain workers). */
  chainSource(): ChainSource {
    if (!this.keyHex) throw new AppError('NOT_READY');
    return { file: this.files.db, keyHex: this.keyHex, nativeBinding: this.options.nativeBinding };
  }

  backupContext(): BackupContext {
    if (!this.keyHex) throw new AppError('NOT_READY');
    return {
      keyHex: this.keyHex,
      recovery: readRecoveryBlob(this.files.keyFile),
      appVersion,
      migrationsFolder: this.options.migrationsFolder,
      nativeBinding: this.options.nativeBinding,
      now: () => this.now(),
    };
  }

  backUpNow(actor: Actor) {
    return backUpAll(this.requireDb(), actor, this.backupContext());
  }

  /**
   * The daily backup once its time has passed, or the closing one, unless a good one exists
   * today. A failed folder is recorded by backUpAll; nothing here may stop the app.
   */
  scheduledBackup(options: { onClose?: boolean } = {}): boolean {
    const db = this.db;
    if (!db) return false;
    const config = getBackupSettings(db);
    const now = this.now();
    const due = options.onClose ? config.folders.length > 0 && !backedUpToday(db, now) : dailyBackupDue(config, now, backedUpToday(db, now));
    if (!due) return false;
    try {
      backUpAll(db, SYSTEM_ACTOR, this.backupContext());
    } catch (err) {
      console.error('scheduled backup failed', err);
    }
    return true;
  }

  /** Checks once a minute whether the daily backup is due. */
  startSchedule(intervalMs = 60_000): void {
    this.stopSchedule();
    this.scheduleTimer = setInterval(() => this.scheduledBackup(), intervalMs);
    this.scheduleTimer.unref();
  }

  private stopSchedule(): void {
    if (this.scheduleTimer) clearInterval(this.scheduleTimer);
    this.scheduleTimer = null;
  }

  /**
   * The passphrase change, the re-key and the restore each read the key file (or the live key),
   * wait for scrypt, then write: two at once would write back what the other replaced (a changed
   * passphrase lost, or a key file that no longer opens the database). So they queue; each checks
   * its passphrase against what the one before it left.
   */
  private oneKeyChangeAtATime<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.keyChanges.then(work, work);
    this.keyChanges = turn.catch(() => undefined);
    return turn;
  }

  /** The recovery passphrase is checked, then the same key is wrapped under the new one. */
  changePassphrase(actor: Actor, current: string, next: string): Promise<void> {
    return this.oneKeyChangeAtATime(() => this.changePassphraseNow(actor, current, next));
  }

  private async changePassphraseNow(actor: Actor, current: string, next: string): Promise<void> {
    const db = this.requireDb();
    const keyHex = this.keyHex!;
    if ((await this.passphraseAttempts.check(() => readKeyWithPassphrase(this.files.keyFile, current))) !== keyHex) throw new AppError('WRONG_PASSPHRASE');
    await rewrapRecovery(this.files.keyFile, keyHex, next);
    mutate(db, actor, () => ({ result: null, audit: { action: 'passphrase-change', entity: 'database', entityId: null } }));
  }

  /**
   * A new random key. It is staged in the key file first; then a re-keyed copy of the database is
   * made and renamed over the live file; then the staged key is promoted. A crash between any two
   * steps leaves a database that start() opens with one of the two keys (openEitherKey). Backups
   * made before keep the old key and carry their own recovery blob.
   */
  rekey(actor: Actor, passphrase: string): Promise<void> {
    return this.oneKeyChangeAtATime(() => this.rekeyNow(actor, passphrase));
  }

  private async rekeyNow(actor: Actor, passphrase: string): Promise<void> {
    this.requireDb();
    if ((await this.passphraseAttempts.check(() => readKeyWithPassphrase(this.files.keyFile, passphrase))) !== this.keyHex) throw new AppError('WRONG_PASSPHRASE');
    const next = await stageNextKey(this.files.keyFile, this.options.protector, passphrase);
    // From here to the reopen nothing awaits, so no write of this process falls between copy and swap.
    const db = this.requireDb();
    const copy = `${this.files.db}.rekeying`;
    rekeyedCopy(db.$client, copy, this.keyHex!, next, this.options.nativeBinding);
    db.$client.close();
    this.db = null;
    // A clean close folds the WAL into the file; a WAL left over would be replayed into the new file.
    rmSync(`${this.files.db}-wal`, { force: true });
    rmSync(`${this.files.db}-shm`, { force: true });
    renameSync(copy, this.files.db);
    const reopened = this.open(next);
    promoteNextKey(this.files.keyFile);
    mutate(reopened, actor, () => ({ result: null, audit: { action: 'database-rekey', entity: 'database', entityId: null } }));
  }

  /**
   * The key a backup opens with: this install's, or (a backup from another PC, or from before a
   * re-key) the one its manifest carries under the recovery passphrase it was made with.
   */
  private async backupKey(file: string, passphrase: string | undefined, fallback: string | null): Promise<{ keyHex: string; recovery: RecoveryBlob }> {
    const manifest = readManifest(file);
    const recovery = manifest.recovery as RecoveryBlob;
    let keyHex = fallback;
    if (keyHex) {
      try {
        this.checkAgainstManifest(file, keyHex);
        return { keyHex, recovery };
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'WRONG_KEY')) throw err;
      }
    }
    if (!passphrase) throw new AppError('BACKUP_NEEDS_PASSPHRASE');
    keyHex = await this.passphraseAttempts.check(() => unsealRecovery(recovery, passphrase));
    try {
      this.checkAgainstManifest(file, keyHex);
    } catch (err) {
      if (err instanceof AppError && err.code === 'WRONG_KEY') throw new AppError('BACKUP_INVALID', { params: { file } });
      throw err;
    }
    return { keyHex, recovery };
  }

  /** The copy must hold what its manifest says it held: counts and audit chain head. */
  private checkAgainstManifest(file: string, keyHex: string) {
    const manifest = readManifest(file);
    const opened = checkBackupFile(file, keyHex, this.options);
    if (opened.audit.headHash !== manifest.audit.headHash || opened.audit.entries !== manifest.audit.entries || JSON.stringify(opened.counts) !== JSON.stringify(manifest.counts)) {
      throw new AppError('BACKUP_INVALID', { params: { file } });
    }
    return opened;
  }

  /** Whether a backup opens with this install's key (else the passphrase it was made under is needed). */
  inspectBackup(file: string) {
    const manifest = readManifest(file);
    let sameKey = true;
    try {
      this.checkAgainstManifest(file, this.keyHex ?? '');
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'WRONG_KEY')) throw err;
      sameKey = false;
    }
    const { createdAt, appVersion: version, siteName, counts, audit } = manifest;
    return { file, manifest: { createdAt, appVersion: version, siteName, counts, audit }, sameKey };
  }

  /**
   * Replaces the archive with a backup. The current database is moved aside (never overwritten)
   * and comes back if the restored one does not open. Everyone is signed out.
   */
  restore(actor: Actor, file: string, passphrase?: string): Promise<void> {
    return this.oneKeyChangeAtATime(() => this.restoreNow(actor, file, passphrase));
  }

  private async restoreNow(actor: Actor, file: string, passphrase?: string): Promise<void> {
    this.requireDb();
    const currentKey = this.keyHex!;
    const { keyHex } = await this.backupKey(file, passphrase, currentKey);
    const incoming = incomingFile(this.files.db);
    rmSync(incoming, { force: true });
    copyFileSync(file, incoming);
    try {
      if (keyHex !== currentKey) rekeyFile(incoming, keyHex, currentKey, this.options.nativeBinding);
    } catch (err) {
      rmSync(incoming, { force: true });
      throw err;
    }
    this.closeDb();
    // From here a crash is settled by the next start, from the journal parkLive writes.
    const journal = parkLive(this.files.db, file, asideName(this.files.db, this.now()));
    try {
      swapIn(this.files.db);
      const db = this.open(currentKey);
      this.recordRestore(db, actor, { action: 'backup-restore', entity: 'database', entityId: null, after: { file, movedAsideTo: journal.aside } });
    } catch (err) {
      this.closeDb();
      rollBack(this.files.db, journal);
      this.open(currentKey);
      throw err;
    }
  }

  /**
   * The restore's audit entry, saying which older set-aside copies go (the newest few stay);
   * then they go and the journal with them.
   */
  private recordRestore(db: Db, actor: Actor, entry: Recovered): void {
    const stale = staleBeforeRestore(this.files.db);
    const after = { ...(entry.after as object), keptCopies: KEEP_BEFORE_RESTORE, deletedCopies: stale };
    mutate(db, actor, () => ({ result: null, audit: { ...entry, after } }));
    finishRestore(this.files.db);
    pruneBeforeRestore(stale);
  }

  /**
   * Opens the database, finishing first a restore the last run left with its copy renamed in (or
   * rolling it back when that copy does not open), then records in the audit log what the start
   * settled.
   */
  private openSettling(open: () => void): void {
    const pending = this.pendingRestore;
    this.pendingRestore = null;
    try {
      open();
    } catch (err) {
      if (!pending) throw err;
      console.warn('archive start: the copy of an interrupted restore does not open; rolling it back', err);
      this.closeDb();
      rollBack(this.files.db, pending);
      this.recovered.push(restoreRecovered(pending, 'rolled-back'));
      open();
      return this.flushRecovered();
    }
    if (pending) {
      console.warn(`archive start: an interrupted restore of ${pending.file} was completed`);
      this.recordRestore(this.requireDb(), SYSTEM_ACTOR, restoreRecovered(pending, 'completed'));
    }
    this.flushRecovered();
  }

  private flushRecovered(): void {
    const recovered = this.recovered;
    this.recovered = [];
    if (recovered.length > 0) mutate(this.requireDb(), SYSTEM_ACTOR, () => ({ result: null, audit: recovered }));
  }

  /** A new PC: the backup and the passphrase it was made under become this install's archive. */
  async restoreAtSetup(file: string, passphrase: string): Promise<AppStatus> {
    if (!this.db && keyFileExists(this.files.keyFile) && !existsSync(this.files.db)) return this.restoreMissing(file, passphrase);
    this.assertFreshInstall();
    this.settingUp = true;
    try {
      const { keyHex, recovery } = await this.backupKey(file, passphrase, null);
      try {
        const incoming = incomingFile(this.files.db);
        mkdirSync(dirname(incoming), { recursive: true });
        this.takeLock();
        copyFileSync(file, incoming);
        await createKeyFileFromRecovery(this.files.keyFile, this.options.protector, keyHex, recovery);
        renameSync(incoming, this.files.db);
        this.open(keyHex);
      } catch (err) {
        this.discardHalfSetup();
        rmSync(incomingFile(this.files.db), { force: true });
        throw err;
      }
    } finally {
      this.settingUp = false;
    }
    this.clearFault();
    return this.status();
  }

  /**
   * The archive file is gone but its key file is not (DB_MISSING, or the file removed while
   * open): a backup and the passphrase it was made under take its place. The key file is kept
   * beside, for a copy of the lost file found later; the restore is in the audit log.
   */
  private async restoreMissing(file: string, passphrase: string): Promise<AppStatus> {
    if (this.settingUp) throw new AppError('ALREADY_SET_UP');
    this.settingUp = true;
    try {
      const { keyHex, recovery } = await this.backupKey(file, passphrase, null);
      this.takeLock();
      const incoming = incomingFile(this.files.db);
      copyFileSync(file, incoming);
      const keptKey = asideName(this.files.keyFile, this.now());
      renameSync(this.files.keyFile, keptKey);
      try {
        await createKeyFileFromRecovery(this.files.keyFile, this.options.protector, keyHex, recovery);
        renameSync(incoming, this.files.db);
        const db = this.open(keyHex);
        mutate(db, SYSTEM_ACTOR, () => ({ result: null, audit: { action: 'backup-restore', entity: 'database', entityId: null, after: { file, archiveWasMissing: true, keyFileKeptAs: keptKey } } }));
      } catch (err) {
        this.closeDb();
        for (const f of [this.files.db, `${this.files.db}-wal`, `${this.files.db}-shm`, incoming]) rmSync(f, { force: true });
        renameSync(keptKey, this.files.keyFile);
        throw err;
      }
    } catch (err) {
      throw storageFault(err, this.options.dataDir) ?? err;
    } finally {
      this.settingUp = false;
    }
    this.clearFault();
    return this.status();
  }

  private clearFault(): void {
    this.fault = null;
    this.folderGone = false;
    this.lockedReason = null;
  }

  /**
   * After a crash midway through a re-key, the database opens with the old key or the staged one;
   * the audit log says which once it is open (settleFiles removed the half-made copy).
   */
  private openEitherKey(keyHex: string, nextKey: () => string | null): void {
    try {
      this.open(keyHex);
      if (hasNextKey(this.files.keyFile)) {
        dropNextKey(this.files.keyFile);
        this.recovered.push(rekeyRecovered('rolled-back'));
      }
    } catch (err) {
      const next = err instanceof AppError && err.code === 'WRONG_KEY' ? nextKey() : null;
      if (!next) throw err;
      this.open(next);
      promoteNextKey(this.files.keyFile);
      this.recovered.push(rekeyRecovered('completed'));
    }
  }

  /** Opens the existing archive file; only setup may create one. */
  private open(keyHex: string, options: { create?: boolean } = {}): Db {
    const db = openDatabase(this.files.db, { keyHex, migrationsFolder: this.options.migrationsFolder, nativeBinding: this.options.nativeBinding, mustExist: !options.create });
    try {
      ensureOwnerKeys(db);
      ensureSearchIndex(db);
      const { ino, dev } = statSync(this.files.db);
      this.openedFile = { ino, dev };
    } catch (err) {
      db.$client.close();
      throw err;
    }
    this.db = db;
    this.keyHex = keyHex;
    return db;
  }

  private discardHalfSetup(): void {
    this.closeDb();
    for (const file of [this.files.db, `${this.files.db}-wal`, `${this.files.db}-shm`, this.files.keyFile]) rmSync(file, { force: true });
  }
}
