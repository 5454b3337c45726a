import { statSync } from 'node:fs';
import type { RecoveryBlob } from '../../../db/keyfile';
import type { BackupResult } from '../../core/contract/backups';
import type { ChainSource } from './audit-chain';
import type { BackupStep } from './backups';
import { runInWorker, type JobHooks, type RunningWorkerJob } from './worker-job';

/** Everything a worker needs for one backup run: the archive's file and key, where to, and the manifest's facts. */
export interface BackupJob {
  source: ChainSource & { keyHex: string };
  migrationsFolder: string;
  appVersion: string;
  recovery: RecoveryBlob;
  /** ISO time of the run: every folder's copy is named after it. */
  now: string;
  folders: string[];
  keep: number;
}

/** Where a running backup stands, as the worker last said. */
export interface BackupStand {
  folderIndex: number;
  step: BackupStep;
}

/** Bytes copied so far: the temporary file's size while VACUUM INTO writes it, all of it once checked. */
export function copiedBytes(stand: BackupStand): { done: number; total: number } {
  if (stand.step.step === 'verify') return { done: stand.step.copiedBytes, total: stand.step.copiedBytes };
  const written = statSync(stand.step.tmp, { throwIfNoEntry: false })?.size ?? 0;
  return { done: Math.min(written, stand.step.totalBytes), total: stand.step.totalBytes };
}

/**
 * One backup run in a worker thread with its own read-only connection. The copy's failures the app
 * knows come back as each folder's result (BACKUP_DISK_FULL, BACKUP_FOLDER_MISSING, ...); one at
 * opening the archive comes back as its AppError; anything else as an error for the log.
 */
export function backUpInWorker(job: BackupJob, hooks: JobHooks<BackupStand>): RunningWorkerJob<BackupResult[]> {
  return runInWorker('backup-worker', job, hooks);
}
