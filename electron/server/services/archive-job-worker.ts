// A re-key's or a restore's whole-file work in a worker thread (see archive-jobs.ts), each over
// connections of its own. Bundled on its own beside each shell's main bundle.
import { copyFileSync, rmSync, statSync } from 'node:fs';
import type { TableCounts } from '../../core/contract/backups';
import { AppError } from '../../core/contract/errors';
import { openDatabase } from '../../../db/connection';
import type { ArchiveJob, ArchiveJobResults, ArchiveStep } from './archive-jobs';
import { chainHead } from './audit-log';
import { bytesInUse, checkBackupFile, tableCounts, type OpenedBackup } from './backups';
import { rekeyedCopy, rekeyFile } from './rekey';
import { serveWorkerJob } from './worker-job';

type Step = (step: ArchiveStep) => Promise<void>;

/** A made copy must hold what its source held; any other outcome of its check is the job's failure. */
function assertSameContent(opened: () => OpenedBackup, expected: { counts: TableCounts; audit: OpenedBackup['audit'] }, job: 'rekey' | 'restore'): void {
  let got: OpenedBackup;
  try {
    got = opened();
  } catch {
    throw new AppError('JOB_VERIFY_FAILED', { params: { job } });
  }
  if (
    JSON.stringify(got.counts) !== JSON.stringify(expected.counts) ||
    got.audit.headHash !== expected.audit.headHash ||
    got.audit.entries !== expected.audit.entries
  )
    throw new AppError('JOB_VERIFY_FAILED', { params: { job } });
}

async function rekeyCopy(job: Extract<ArchiveJob, { kind: 'rekey-copy' }>, step: Step): Promise<null> {
  const { source } = job;
  const db = openDatabase(source.file, { keyHex: source.keyHex, migrationsFolder: job.migrationsFolder, nativeBinding: source.nativeBinding, readonly: true });
  try {
    // Writes are paused for the job (the runtime's query_only), so what the copy must hold is known now.
    const expected = { counts: tableCounts(db.$client), audit: chainHead(db) };
    await step({ phase: 'copy', file: job.copy, totalBytes: bytesInUse(db.$client) });
    await rekeyedCopy(db.$client, job.copy, source.keyHex, job.nextKeyHex, source.nativeBinding, () => step({ phase: 'rekey', file: null, totalBytes: 0 }));
    try {
      await step({ phase: 'verify', file: null, totalBytes: 0 });
      assertSameContent(
        () => checkBackupFile(job.copy, job.nextKeyHex, { migrationsFolder: job.migrationsFolder, nativeBinding: source.nativeBinding }),
        expected,
        'rekey',
      );
    } catch (err) {
      rmSync(job.copy, { force: true });
      throw err;
    }
    return null;
  } finally {
    db.$client.close();
  }
}

async function restoreCopy(job: Extract<ArchiveJob, { kind: 'restore-copy' }>, step: Step): Promise<null> {
  const ctx = { migrationsFolder: job.migrationsFolder, nativeBinding: job.nativeBinding };
  try {
    await step({ phase: 'copy', file: job.incoming, totalBytes: statSync(job.file).size });
    rmSync(job.incoming, { force: true });
    copyFileSync(job.file, job.incoming);
    if (job.keyHex !== job.targetKeyHex) {
      await step({ phase: 'rekey', file: null, totalBytes: 0 });
      rekeyFile(job.incoming, job.keyHex, job.targetKeyHex, job.nativeBinding);
    }
    await step({ phase: 'verify', file: null, totalBytes: 0 });
    assertSameContent(() => checkBackupFile(job.incoming, job.targetKeyHex, ctx), job.expected, 'restore');
    return null;
  } catch (err) {
    rmSync(job.incoming, { force: true });
    throw err;
  }
}

serveWorkerJob<ArchiveJob, ArchiveStep, ArchiveJobResults[ArchiveJob['kind']]>(async (job, step) => {
  if (job.kind === 'rekey-copy') return rekeyCopy(job, step);
  if (job.kind === 'restore-copy') return restoreCopy(job, step);
  await step({ phase: 'check', file: null, totalBytes: 0 });
  return checkBackupFile(job.file, job.keyHex, job);
});
