import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { openDatabase, storageFault, type Db } from '../db/connection';
import { createKeyFile, keyFileExists, readKeyWithPassphrase, readKeyWithProtector, rewrapForMachine, type KeyProtector } from '../db/keyfile';
import { settings as settingsTable } from '../db/schema';
import type { AppStatus, setupInput } from './contract/app';
import { AppError, type AppErrorPayload } from './contract/errors';
import { acquireLock, lockFile, releaseLock } from './instance-lock';
import { SYSTEM_ACTOR } from './services/actor';
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
  private lockedReason: AppStatus['lockedReason'] = null;
  /** A setup between its checks and its files: a second one must not start over it. */
  private settingUp = false;
  /** Why the archive could not be opened at start (disk, folder, file, another instance); cleared by a retry. */
  private fault: AppErrorPayload | null = null;
  private locked = false;

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
      else this.open(keyHex);
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
    if (this.db) return { state: 'ready', siteName: getSettings(this.db).siteName, lockedReason: null };
    if (this.fault) return { state: 'fault', siteName: null, lockedReason: null, fault: this.fault };
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
    if (this.settingUp || keyFileExists(this.files.keyFile) || this.db) throw new AppError('ALREADY_SET_UP');
    // A database without its key file can never be opened again; refuse rather than bury it.
    if (existsSync(this.files.db)) throw new AppError('KEY_FILE_MISSING');
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
    const keyHex = await readKeyWithPassphrase(this.files.keyFile, passphrase);
    // Another unlock may have opened the database while this passphrase was being checked.
    if (this.db) return this.status();
    this.open(keyHex);
    if (this.options.protector?.available()) rewrapForMachine(this.files.keyFile, this.options.protector, keyHex);
    this.lockedReason = null;
    return this.status();
  }

  close(): void {
    this.sessions.closeAll();
    this.db?.$client.close();
    this.db = null;
    if (this.locked) releaseLock(this.options.dataDir);
    this.locked = false;
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

  private open(keyHex: string): Db {
    const db = openDatabase(this.files.db, { keyHex, migrationsFolder: this.options.migrationsFolder, nativeBinding: this.options.nativeBinding });
    try {
      ensureSearchIndex(db);
    } catch (err) {
      db.$client.close();
      throw err;
    }
    this.db = db;
    return db;
  }

  private discardHalfSetup(): void {
    this.close();
    for (const file of [this.files.db, `${this.files.db}-wal`, `${this.files.db}-shm`, this.files.keyFile]) rmSync(file, { force: true });
  }
}
