import { statSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import type { RecoveryBlob } from '../../../db/keyfile';
import type { BackupResult } from '../../core/contract/backups';
import { AppError, type AppErrorPayload } from '../../core/contract/errors';
import type { ChainSource } from './audit-chain';
import type { BackupStep } from './backups';
import { startWorker } from './worker-start';

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

export type FromMain = { type: 'run'; job: BackupJob } | { type: 'go' };
export type ToMain =
  | { type: 'step'; folderIndex: number; step: BackupStep }
  | { type: 'done'; results: BackupResult[] }
  | { type: 'failed'; error: AppErrorPayload | null; message: string };

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

export interface BackupHooks {
  /** Each step as the worker reaches it. */
  onStep(stand: BackupStand): void;
  /** Awaited before the worker is let on past a step: tests hold a backup between its steps with it. */
  gate?: (stand: BackupStand) => Promise<void>;
}

export interface RunningBackup {
  results: Promise<BackupResult[]>;
  /** Stops the worker; its temporary file is left for the next run's cleanup of stale ones. */
  stop(): Promise<void>;
}

/**
 * One backup run in a worker thread with its own read-only connection. The copy's failures the app
 * knows come back as each folder's result (BACKUP_DISK_FULL, BACKUP_FOLDER_MISSING, ...); one at
 * opening the archive comes back as its AppError; anything else as an error for the log.
 */
export function backUpInWorker(job: BackupJob, hooks: BackupHooks): RunningBackup {
  const worker: Worker = startWorker('backup-worker');
  const results = new Promise<BackupResult[]>((resolve, reject) => {
    worker.on('message', (message: ToMain) => {
      if (message.type === 'step') {
        const stand = { folderIndex: message.folderIndex, step: message.step };
        hooks.onStep(stand);
        void (hooks.gate?.(stand) ?? Promise.resolve()).then(() => worker.postMessage({ type: 'go' } satisfies FromMain));
        return;
      }
      if (message.type === 'done') resolve(message.results);
      else reject(message.error ? new AppError(message.error.code, { params: message.error.params }) : new Error(`backup worker: ${message.message}`));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`backup worker exited with ${code}`)));
  });
  worker.postMessage({ type: 'run', job } satisfies FromMain);
  return { results, stop: async () => void (await worker.terminate()) };
}
