import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import { openDatabase, storageFault, type Db } from '../db/connection';
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
} from '../db/keyfile';
import { version as appVersion } from '../package.json';
import { settings as settingsTable } from '../db/schema';
import type { AppStatus, setupInput } from './contract/app';
import { AppError, type AppErrorPayload } from './contract/errors';
import { acquireLock, lockFile, releaseLock } from './instance-lock';
import { SYSTEM_ACTOR, type Actor } from './services/actor';
import type { ChainSource } from './services/audit-chain';
import { backedUpToday, backUpAll, checkBackupFile, getBackupSettings, readManifest, type BackupContext } from './services/backups';
import { dailyBackupDue } from './services/backup-schedule';
import { PassphraseThrottle } from './services/password-throttle';
import { rekeyedCopy, rekeyFile } from './services/rekey';
import { mutate } from './services/transaction';
import { unavailablePrinter, type Printer } from './services/printing/printer';
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
  /** Every check of a recovery passphrase goes through it: unlock, change, re-key, restore. */
  private readonly passphraseAttempts = new PassphraseThrottle(() => this.now().getTime());

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
      this.takeLock();
      if (!keyFileExists(this.files.keyFile)) {
        // A database without its key file can only be opened once the key file is put back.
        if (existsSync(this.files.db)) throw new AppError('KEY_FILE_MISSING');
        return this.status();
      }
      const keyHex = readKeyWithProtector(this.files.keyFile, this.options.protector);
      if (keyHex === null) this.lockedReason = 'keystore';
      else this.openEitherKey(keyHex, () => readKeyWithProtector(this.files.keyFile, this.options.protector, 'next'));
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
    if (this.fault) return { state: 'fault', siteName: null, lockedReason: null, fault: this.fault };
    if (this.db) return { state: 'ready', siteName: getSettings(this.db).siteName, lockedReason: null };
    if (!keyFileExists(this.files.keyFile)) return { state: 'setup', siteName: null, lockedReason: null };
    return { state: 'locked', siteName: null, lockedReason: this.lockedReason };
  }

  requireDb(): Db {
    if (!this.db) throw new AppError('NOT_READY');
    return this.db;
  }

  isReady(): boolean {
    return this.db !== null;
  }

  async setup(input: z.output<typeof setupInput>): Promise<AppStatus> {
    this.assertFreshInstall();
    this.settingUp = true;
    try {
      this.takeLock();
      const keyHex = await createKeyFile(this.files.keyFile, this.options.protector, input.passphrase);
      try {
        const db = this.open(keyHex);
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
    this.openEitherKey(keyHex, () => nextKey);
    if (this.options.protector?.available()) rewrapForMachine(this.files.keyFile, this.options.protector, keyHex);
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

  /** The recovery passphrase is checked, then the same key is wrapped under the new one. */
  async changePassphrase(actor: Actor, current: string, next: string): Promise<void> {
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
  async rekey(actor: Actor, passphrase: string): Promise<void> {
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
  async restore(actor: Actor, file: string, passphrase?: string): Promise<void> {
    this.requireDb();
    const currentKey = this.keyHex!;
    const { keyHex } = await this.backupKey(file, passphrase, currentKey);
    const incoming = `${this.files.db}.restoring`;
    rmSync(incoming, { force: true });
    copyFileSync(file, incoming);
    try {
      if (keyHex !== currentKey) rekeyFile(incoming, keyHex, currentKey, this.options.nativeBinding);
    } catch (err) {
      rmSync(incoming, { force: true });
      throw err;
    }
    this.closeDb();
    const aside = `${this.files.db}.before-restore-${this.now().toISOString().replace(/[:.]/g, '-')}`;
    const moved = [this.files.db, `${this.files.db}-wal`, `${this.files.db}-shm`].filter((f) => existsSync(f));
    for (const f of moved) renameSync(f, f.replace(this.files.db, aside));
    try {
      renameSync(incoming, this.files.db);
      const db = this.open(currentKey);
      mutate(db, actor, () => ({ result: null, audit: { action: 'backup-restore', entity: 'database', entityId: null, after: { file, movedAsideTo: aside } } }));
    } catch (err) {
      this.closeDb();
      rmSync(this.files.db, { force: true });
      for (const f of moved) renameSync(f.replace(this.files.db, aside), f);
      this.open(currentKey);
      throw err;
    }
  }

  /** A new PC: the backup and the passphrase it was made under become this install's archive. */
  async restoreAtSetup(file: string, passphrase: string): Promise<AppStatus> {
    this.assertFreshInstall();
    this.settingUp = true;
    try {
      const { keyHex, recovery } = await this.backupKey(file, passphrase, null);
      try {
        const incoming = `${this.files.db}.restoring`;
        mkdirSync(dirname(incoming), { recursive: true });
        copyFileSync(file, incoming);
        createKeyFileFromRecovery(this.files.keyFile, this.options.protector, keyHex, recovery);
        renameSync(incoming, this.files.db);
        this.open(keyHex);
      } catch (err) {
        this.discardHalfSetup();
        rmSync(`${this.files.db}.restoring`, { force: true });
        throw err;
      }
    } finally {
      this.settingUp = false;
    }
    return this.status();
  }

  /** After a crash midway through a re-key, the database opens with the old key or the staged one. */
  private openEitherKey(keyHex: string, nextKey: () => string | null): void {
    rmSync(`${this.files.db}.rekeying`, { force: true });
    try {
      this.open(keyHex);
      if (hasNextKey(this.files.keyFile)) dropNextKey(this.files.keyFile);
    } catch (err) {
      const next = err instanceof AppError && err.code === 'WRONG_KEY' ? nextKey() : null;
      if (!next) throw err;
      this.open(next);
      promoteNextKey(this.files.keyFile);
    }
  }

  private open(keyHex: string): Db {
    const db = openDatabase(this.files.db, { keyHex, migrationsFolder: this.options.migrationsFolder, nativeBinding: this.options.nativeBinding });
    try {
      ensureSearchIndex(db);
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
