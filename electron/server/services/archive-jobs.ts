import { statSync } from 'node:fs';
import type { TableCounts } from '../../core/contract/backups';
import type { ChainSource } from './audit-chain';
import type { OpenedBackup } from './backups';
import { runInWorker, type JobHooks, type RunningWorkerJob } from './worker-job';

/**
 * The whole-file jobs behind a re-key and a restore, each run in a worker thread (archive-job-worker.ts)
 * so the thread that serves calls stays free. Each only makes or checks a file beside the archive;
 * the swap that puts it in place is the runtime's, on the serving thread, and takes a moment.
 */
export type ArchiveJob =
  /** A re-keyed copy of the open archive, checked against the archive it came from. */
  | { kind: 'rekey-copy'; source: ChainSource & { keyHex: string }; copy: string; nextKeyHex: string; migrationsFolder: string }
  /** A backup opened with a key and checked page by page: its counts and chain head. */
  | { kind: 'backup-check'; file: string; keyHex: string; migrationsFolder: string; nativeBinding?: string }
  /** A backup copied to the incoming name, re-keyed to the archive's key when it differs, and checked. */
  | {
      kind: 'restore-copy';
      file: string;
      incoming: string;
      keyHex: string;
      targetKeyHex: string;
      expected: { counts: TableCounts; audit: { entries: number; headHash: string } };
      migrationsFolder: string;
      nativeBinding?: string;
    };

export interface ArchiveJobResults {
  'rekey-copy': null;
  'backup-check': OpenedBackup;
  'restore-copy': null;
}

/** Where a job stands: its phase, and the file it is writing (its size is the bytes done) of how many bytes. */
export interface ArchiveStep {
  phase: 'check' | 'copy' | 'rekey' | 'verify';
  file: string | null;
  totalBytes: number;
}

/** Bytes written so far of the step's file; nothing to count where the step writes no file. */
export function stepBytes(step: ArchiveStep): { done: number; total: number } {
  if (!step.file) return { done: 0, total: 0 };
  const written = statSync(step.file, { throwIfNoEntry: false })?.size ?? 0;
  return { done: Math.min(written, step.totalBytes), total: step.totalBytes };
}

export function runArchiveJob<J extends ArchiveJob>(job: J, hooks: JobHooks<ArchiveStep>): RunningWorkerJob<ArchiveJobResults[J['kind']]> {
  return runInWorker('archive-job-worker', job, hooks);
}
