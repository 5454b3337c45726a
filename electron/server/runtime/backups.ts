import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { createKeyFileFromRecovery, keyFileExists, readRecoveryBlob, unsealRecovery, type RecoveryBlob } from '../../../db/keyfile';
import { storageFault, type Db } from '../../../db/connection';
import { version as appVersion } from '../../../package.json';
import type { AppStatus } from '../../core/contract/app';
import { AppError } from '../../core/contract/errors';
import { asideName, incomingFile, parkLive, rollBack, swapIn } from '../runtime-recovery';
import { SYSTEM_ACTOR, type Actor } from '../services/actor';
import type { BackupResult, JobStatus } from '../../core/contract/backups';
import { backUpInWorker } from '../services/backup-job';
import { backedUpToday, backupFolders, backUpAll, getBackupSettings, readManifest, recordBackupRun, type BackupContext } from '../services/backups';
import { dailyBackupDue } from '../services/backup-schedule';
import { mutate } from '../services/transaction';
import type { RunningJob } from './jobs';
import { RuntimeKeys } from './keys';

/** The runtime's backup jobs: backups now and on schedule, and the restores (in place, at setup, of a lost file). */
export class RuntimeBackups extends RuntimeKeys {
  private scheduleTimer: NodeJS.Timeout | null = null;

  /**
   * Closing the app makes the day's backup if the schedule asks for one and none was made. A
   * backup still running in its worker is stopped first. The closing one runs in this thread:
   * there is no screen left to serve, and the process must not end before it is done.
   */
  override close(): void {
    this.stopSchedule();
    const running = this.jobs.current;
    if (running?.stand) rmSync(running.stand.step.tmp, { force: true });
    void running?.stop?.();
    const db = this.db;
    if (db && getBackupSettings(db).onClose && this.backupDue(db, { onClose: true })) {
      try {
        backUpAll(db, SYSTEM_ACTOR, this.backupContext());
      } catch (err) {
        console.error('closing backup failed', err);
      }
    }
    super.close();
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

  /**
   * A backup to every configured folder, made and checked in a worker thread with its own
   * connection, so every screen (and in host mode every desk) goes on being served; job-status
   * says how far it is. Another long job meanwhile is refused with JOB_RUNNING.
   */
  backUpNow(actor: Actor): Promise<BackupResult[]> {
    const config = backupFolders(this.requireDb());
    return this.jobs.hold('backup', async (running) => {
      const ctx = this.backupContext();
      const now = this.now();
      running.folderCount = config.folders.length;
      const job = {
        source: { file: this.files.db, keyHex: ctx.keyHex, nativeBinding: ctx.nativeBinding },
        migrationsFolder: ctx.migrationsFolder,
        appVersion,
        recovery: ctx.recovery,
        now: now.toISOString(),
        folders: config.folders,
        keep: config.keep,
      };
      const gate = this.options.jobGate;
      const backup = backUpInWorker(job, {
        onStep: (stand) => (running.stand = stand),
        gate: gate && ((stand) => gate({ job: 'backup', phase: stand.step.step, stand })),
      });
      running.stop = backup.stop;
      const results = await backup.result;
      recordBackupRun(this.requireDb(), actor, results, now);
      return results;
    });
  }

  /** The long job running now and how far it is. */
  jobStatus(): JobStatus {
    return this.jobs.status();
  }

  /** The daily one once its time has passed, the closing one, unless a good one exists today. */
  private backupDue(db: Db, options: { onClose?: boolean } = {}): boolean {
    const config = getBackupSettings(db);
    const now = this.now();
    return options.onClose ? config.folders.length > 0 && !backedUpToday(db, now) : dailyBackupDue(config, now, backedUpToday(db, now));
  }

  /**
   * The daily backup once it is due; not while another long job runs (the next minute's check
   * tries again). A failed folder is recorded by the backup; nothing here may stop the app.
   */
  async scheduledBackup(): Promise<boolean> {
    const db = this.db;
    if (!db || this.jobs.current || !this.backupDue(db)) return false;
    try {
      await this.backUpNow(SYSTEM_ACTOR);
    } catch (err) {
      console.error('scheduled backup failed', err);
    }
    return true;
  }

  /** Checks once a minute whether the daily backup is due. */
  startSchedule(intervalMs = 60_000): void {
    this.stopSchedule();
    this.scheduleTimer = setInterval(() => void this.scheduledBackup(), intervalMs);
    this.scheduleTimer.unref();
  }

  private stopSchedule(): void {
    if (this.scheduleTimer) clearInterval(this.scheduleTimer);
    this.scheduleTimer = null;
  }

  /**
   * The key a backup opens with: this install's, or (a backup from another PC, or from before a
   * re-key) the one its manifest carries under the recovery passphrase it was made with. Each try
   * checks the whole backup in a worker thread.
   */
  private async backupKey(
    file: string,
    passphrase: string | undefined,
    fallback: string | null,
    running: RunningJob | null = null,
  ): Promise<{ keyHex: string; recovery: RecoveryBlob }> {
    const manifest = readManifest(file);
    const recovery = manifest.recovery as RecoveryBlob;
    let keyHex = fallback;
    if (keyHex) {
      try {
        await this.checkAgainstManifest(file, keyHex, running);
        return { keyHex, recovery };
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'WRONG_KEY')) throw err;
      }
    }
    if (!passphrase) throw new AppError('BACKUP_NEEDS_PASSPHRASE');
    keyHex = await this.passphraseAttempts.check(() => unsealRecovery(recovery, passphrase));
    try {
      await this.checkAgainstManifest(file, keyHex, running);
    } catch (err) {
      if (err instanceof AppError && err.code === 'WRONG_KEY') throw new AppError('BACKUP_INVALID', { params: { file } });
      throw err;
    }
    return { keyHex, recovery };
  }

  /** The copy must hold what its manifest says it held: counts and audit chain head. */
  private async checkAgainstManifest(file: string, keyHex: string, running: RunningJob | null): Promise<void> {
    const manifest = readManifest(file);
    const opened = await this.inWorker(
      { kind: 'backup-check', file, keyHex, migrationsFolder: this.options.migrationsFolder, nativeBinding: this.options.nativeBinding },
      running,
    );
    if (
      opened.audit.headHash !== manifest.audit.headHash ||
      opened.audit.entries !== manifest.audit.entries ||
      JSON.stringify(opened.counts) !== JSON.stringify(manifest.counts)
    ) {
      throw new AppError('BACKUP_INVALID', { params: { file } });
    }
  }

  /** Whether a backup opens with this install's key (else the passphrase it was made under is needed). */
  async inspectBackup(file: string) {
    const manifest = readManifest(file);
    let sameKey = true;
    try {
      await this.checkAgainstManifest(file, this.keyHex ?? '', null);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'WRONG_KEY')) throw err;
      sameKey = false;
    }
    const { createdAt, appVersion: version, siteName, counts, audit } = manifest;
    return { file, manifest: { createdAt, appVersion: version, siteName, counts, audit }, sameKey };
  }

  /**
   * Replaces the archive with a backup. A worker thread checks the backup, copies it beside the
   * archive, re-keys the copy to this install's key and checks it again, while screens are served
   * (writes refused: they would be lost); then the current database is moved aside (never
   * overwritten) and the copy renamed in. The old one comes back if the restored one does not
   * open. Everyone is signed out.
   */
  restore(actor: Actor, file: string, passphrase?: string): Promise<void> {
    return this.oneKeyChangeAtATime(() =>
      this.jobs.hold('restore', (running) => this.withWritesPaused('restore', () => this.restoreNow(actor, file, passphrase, running))),
    );
  }

  private async restoreNow(actor: Actor, file: string, passphrase: string | undefined, running: RunningJob): Promise<void> {
    this.requireDb();
    const currentKey = this.keyHex!;
    const { keyHex } = await this.backupKey(file, passphrase, currentKey, running);
    const { counts, audit } = readManifest(file);
    const incoming = incomingFile(this.files.db);
    const ctx = { migrationsFolder: this.options.migrationsFolder, nativeBinding: this.options.nativeBinding };
    // The worker removes its copy when it fails.
    await this.inWorker({ kind: 'restore-copy', file, incoming, keyHex, targetKeyHex: currentKey, expected: { counts, audit }, ...ctx }, running);
    this.requireDb();
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
        mutate(db, SYSTEM_ACTOR, () => ({
          result: null,
          audit: { action: 'backup-restore', entity: 'database', entityId: null, after: { file, archiveWasMissing: true, keyFileKeptAs: keptKey } },
        }));
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
}
