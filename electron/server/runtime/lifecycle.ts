import { existsSync, rmSync, statSync } from 'node:fs';
import { type HostClient, unavailableHostClient } from '../client';
import type { Updater } from '../updater';
import { join } from 'node:path';
import type { z } from 'zod';
import { openDatabase, storageFault, type Db } from '../../../db/connection';
import {
  createKeyFile,
  dropNextKey,
  hasNextKey,
  keyFileExists,
  promoteNextKey,
  readKeyWithPassphrase,
  readKeyWithProtector,
  rewrapForMachine,
  type KeyProtector,
} from '../../../db/keyfile';
import { settings as settingsTable } from '../../../db/schema';
import type { AppStatus, setupInput } from '../../core/contract/app';
import type { BackupFile } from '../../core/contract/backups';
import { AppError, type AppErrorPayload } from '../../core/contract/errors';
import { HostMode, type HostMachine } from '../host/host-mode';
import { acquireLock, lockFile, releaseLock } from '../instance-lock';
import { ChangeFeed } from '../network';
import { assertLocalDataFolder, type FolderProbe } from '../network-folder';
import {
  finishRestore,
  KEEP_BEFORE_RESTORE,
  pruneBeforeRestore,
  rekeyRecovered,
  restoreRecovered,
  rollBack,
  settleFiles,
  staleBeforeRestore,
  type Recovered,
  type RestoreJournal,
} from '../runtime-recovery';
import { SYSTEM_ACTOR, type Actor } from '../services/actor';
import type { ChainSource } from '../services/audit-chain';
import { runArchiveJob, type ArchiveJob, type ArchiveJobResults } from '../services/archive-jobs';
import { cleanBackupFolders } from '../services/backups';
import { ensureOwnerKeys } from '../services/owner-keys';
import { AddressThrottle, PassphraseThrottle } from '../services/password-throttle';
import { unavailablePrinter, type Printer } from '../services/printing/printer';
import { ensureSearchIndex } from '../services/search-index';
import { SessionStore } from '../services/sessions';
import { DEFAULT_SETTINGS, getSettings } from '../services/settings';
import { mutate } from '../services/transaction';
import { createUser, userCount } from '../services/users';
import { JobSlot, type JobAt, type JobName, type RunningJob } from './jobs';
import { backUpBeforeMigration } from './migration-backup';

export interface RuntimeOptions {
  dataDir: string;
  /** safeStorage in Electron, a machine key in the web shell and tests; null where neither works. */
  protector: KeyProtector | null;
  migrationsFolder: string;
  nativeBinding?: string;
  /** Made by the shell (a hidden window in Electron, headless Chromium elsewhere), which also closes it. */
  printer?: Printer;
  /** Where the shell can make this PC a desk of another's archive (Electron); absent elsewhere. */
  hostClient?: HostClient;
  /** The shell's software updater (the desktop app's main process); absent elsewhere. */
  updater?: Updater;
  /** The clock of the backup schedule; tests move it. */
  now?: () => Date;
  /** Awaited between a long job's steps before its worker goes on: tests hold a job there. */
  jobGate?: (at: JobAt) => Promise<void>;
  /** The machine's name and interfaces as host mode sees them; tests pass their own. */
  machine?: HostMachine;
  /** How the data folder's disk is told from a network share; tests give a mount table. */
  folderProbe?: FolderProbe;
}

export const dataFiles = (dataDir: string) => ({ db: join(dataDir, 'archive.db'), keyFile: join(dataDir, 'archive.keys.json') });

/**
 * The runtime's first job: whether the app is set up, whether the database is open (start, setup,
 * unlock, close) and what stops it from opening (the faults the start screen explains). The key
 * jobs (keys.ts) and the backup jobs (backups.ts) build on it.
 */
export class RuntimeLifecycle {
  readonly sessions = new SessionStore();
  /** Every successful write's topics (the dispatcher publishes), for the shells' live update streams. */
  readonly changes = new ChangeFeed();
  /** 网络共享: serves this archive on the office network through the LanHost a shell lends it. */
  readonly host: HostMode;
  /** Sign-ins per desk address on the office network, on top of each account's lockout. */
  readonly signInAttempts = new AddressThrottle();
  readonly files: ReturnType<typeof dataFiles>;
  /** Without one, every print fails with PRINTER_UNAVAILABLE. */
  readonly printer: Printer;
  readonly hostClient: HostClient;
  protected db: Db | null = null;
  /** The open database's key: backups are checked with it, a restored copy is re-keyed to it. */
  protected keyHex: string | null = null;
  /** Why the archive could not be opened at start (disk, folder, file, another instance); cleared by a retry. */
  private fault: AppErrorPayload | null = null;
  private locked = false;
  private lockedReason: AppStatus['lockedReason'] = null;
  /** A setup between its checks and its files: a second one must not start over it. */
  protected settingUp = false;
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
  protected readonly passphraseAttempts = new PassphraseThrottle(() => this.now().getTime());
  /** The one long job (backup, re-key, restore) allowed at a time. */
  protected readonly jobs = new JobSlot(() => this.now());
  /** The job during which the open connection refuses writes (query_only), or null. */
  private writesPausedBy: JobName | null = null;

  constructor(protected readonly options: RuntimeOptions) {
    this.files = dataFiles(options.dataDir);
    this.printer = options.printer ?? unavailablePrinter;
    this.hostClient = options.hostClient ?? unavailableHostClient;
    this.host = new HostMode(
      {
        dataDir: options.dataDir,
        protector: options.protector,
        openDb: () => this.db,
        sessions: this.sessions,
        now: () => this.now(),
      },
      options.machine,
    );
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
    this.host.archiveClosing();
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
        db.insert(settingsTable)
          .values({ key: 'app', value: { ...DEFAULT_SETTINGS, siteName: input.siteName } })
          .run();
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

  /** Closes the database and gives up the data folder's lock. */
  close(): void {
    this.closeDb();
    if (this.locked) releaseLock(this.options.dataDir);
    this.locked = false;
  }

  /** Setup and restore-at-setup start only where no archive exists yet. */
  protected assertFreshInstall(): void {
    if (this.settingUp || keyFileExists(this.files.keyFile) || this.db) throw new AppError('ALREADY_SET_UP');
    // A database without its key file can never be opened again; refuse rather than bury it.
    if (existsSync(this.files.db)) throw new AppError('KEY_FILE_MISSING');
  }

  /**
   * Every way into the data folder (start, setup, a restore) takes its lock first, so the folder is
   * also checked here: not on a network share, where SQLite's one writer loses data.
   */
  protected takeLock(): void {
    if (this.locked) return;
    assertLocalDataFolder(this.options.dataDir, this.options.folderProbe);
    const lock = acquireLock(this.options.dataDir);
    if (!lock.acquired)
      throw new AppError('ALREADY_RUNNING', {
        params: { pid: lock.holder.pid, lockFile: lockFile(this.options.dataDir), ...(lock.holder.url ? { url: lock.holder.url } : {}) },
      });
    this.locked = true;
  }

  /** The code the start screen explains, with the paths a person needs to act on it. */
  private faultOf(err: unknown): AppErrorPayload {
    const known = storageFault(err, this.options.dataDir);
    if (!known) console.error('archive could not be opened:', err);
    const payload = (known ?? new AppError('INTERNAL')).toPayload();
    return { ...payload, params: { dataDir: this.options.dataDir, ...this.files, ...payload.params } };
  }

  protected closeDb(): void {
    if (this.db) this.host.archiveClosing();
    this.sessions.closeAll();
    this.db?.$client.close();
    this.db = null;
    this.keyHex = null;
    this.openedFile = null;
  }

  now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  /**
   * A re-key or a restore replaces the file under the connection: a write made while its worker
   * copies would be lost in the swap. So the connection refuses every write for the job's length
   * (SQLite's query_only, whoever writes); the dispatcher tells the caller WRITES_PAUSED. Reads go on.
   * A connection opened by the swap starts writable.
   */
  protected async withWritesPaused<T>(job: JobName, work: () => Promise<T>): Promise<T> {
    const db = this.requireDb();
    db.$client.pragma('query_only = ON');
    this.writesPausedBy = job;
    try {
      return await work();
    } finally {
      this.writesPausedBy = null;
      if (this.db === db) db.$client.pragma('query_only = OFF');
    }
  }

  /** A write refused because a job paused writes, as the code the caller is told; else null. */
  pausedWrite(err: unknown): AppError | null {
    const code = (err as { code?: unknown } | null)?.code;
    if (!this.writesPausedBy || typeof code !== 'string' || !code.startsWith('SQLITE_READONLY')) return null;
    return new AppError('WRITES_PAUSED', { params: { job: this.writesPausedBy } });
  }

  /**
   * A re-key's or restore's whole-file step in a worker thread; the running job shows its step, and
   * the app's close stops it. Without a running job (a backup looked at before a restore), nothing shows.
   */
  protected inWorker<J extends ArchiveJob>(job: J, running: RunningJob | null): Promise<ArchiveJobResults[J['kind']]> {
    const gate = this.options.jobGate;
    const work = runArchiveJob(job, {
      onStep: (step) => {
        if (running) running.step = step;
      },
      gate: gate && running ? (step) => gate({ job: running.job, phase: step.phase, stand: null }) : undefined,
    });
    if (running) running.stop = work.stop;
    return work.result;
  }

  /** The open database as another thread opens it, read-only: its file and key (audit chain workers). */
  chainSource(): ChainSource {
    if (!this.keyHex) throw new AppError('NOT_READY');
    return { file: this.files.db, keyHex: this.keyHex, nativeBinding: this.options.nativeBinding };
  }

  /**
   * The restore's audit entry, saying which older set-aside copies go (the newest few stay);
   * then they go and the journal with them.
   */
  protected recordRestore(db: Db, actor: Actor, entry: Recovered): void {
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
      this.flushRecovered();
      return;
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

  protected clearFault(): void {
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

  /**
   * Opens the existing archive file; only setup may create one. An archive an older version left
   * is backed up and verified before this version's migrations run (migration-backup.ts).
   */
  protected open(keyHex: string, options: { create?: boolean } = {}): Db {
    const { dataDir, migrationsFolder, nativeBinding } = this.options;
    let before: BackupFile | null = null;
    const db = openDatabase(this.files.db, {
      keyHex,
      migrationsFolder,
      nativeBinding,
      mustExist: !options.create,
      beforeMigrate: (old) => {
        before = backUpBeforeMigration(old, { dataDir, keyFile: this.files.keyFile, keyHex, migrationsFolder, nativeBinding, now: () => this.now() });
      },
    });
    try {
      if (before) this.recordMigrationBackup(db, before);
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
    // Host mode comes back with the archive (when its settings, or the shell's command line, say so).
    this.host.archiveOpened();
    return db;
  }

  /** The audit log says which backup the migration just made can go back to. */
  private recordMigrationBackup(db: Db, made: BackupFile): void {
    const after = { beforeMigration: true, file: made.file, migration: made.manifest.migration, appVersion: made.manifest.appVersion };
    mutate(db, SYSTEM_ACTOR, () => ({ result: null, audit: { action: 'backup-create', entity: 'database', entityId: null, after } }));
  }

  protected discardHalfSetup(): void {
    this.closeDb();
    for (const file of [this.files.db, `${this.files.db}-wal`, `${this.files.db}-shm`, this.files.keyFile]) rmSync(file, { force: true });
  }
}
