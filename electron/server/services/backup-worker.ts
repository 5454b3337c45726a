// A backup run in a worker thread over its own read-only connection to the archive (see
// backup-job.ts): the serving thread goes on answering while the copy is made and checked.
// Bundled on its own beside each shell's main bundle.
import { openDatabase } from '../../../db/connection';
import type { BackupFile, BackupResult } from '../../core/contract/backups';
import type { BackupJob, BackupStand } from './backup-job';
import { backupSteps, folderResult, knownFailure, removeStaleTemporaries, type BackupStep } from './backups';
import { serveWorkerJob } from './worker-job';

async function drive(steps: Generator<BackupStep, BackupFile, void>, folderIndex: number, step: (at: BackupStand) => Promise<void>): Promise<BackupFile> {
  for (let next = steps.next(); ; next = steps.next()) {
    if (next.done) return next.value;
    await step({ folderIndex, step: next.value });
  }
}

serveWorkerJob<BackupJob, BackupStand, BackupResult[]>(async (job, step) => {
  const db = openDatabase(job.source.file, {
    keyHex: job.source.keyHex,
    migrationsFolder: job.migrationsFolder,
    nativeBinding: job.source.nativeBinding,
    readonly: true,
  });
  try {
    const now = new Date(job.now);
    const ctx = {
      keyHex: job.source.keyHex,
      recovery: job.recovery,
      appVersion: job.appVersion,
      migrationsFolder: job.migrationsFolder,
      nativeBinding: job.source.nativeBinding,
      now: () => now,
    };
    const results: BackupResult[] = [];
    for (const [folderIndex, folder] of job.folders.entries()) {
      const cleanedUp = removeStaleTemporaries(folder);
      const made = await drive(backupSteps(db, folder, ctx), folderIndex, step).catch(knownFailure);
      results.push(folderResult(folder, cleanedUp, made, job.keep));
    }
    return results;
  } finally {
    db.$client.close();
  }
});
