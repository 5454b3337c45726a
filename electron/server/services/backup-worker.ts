// A backup run in a worker thread over its own read-only connection to the archive (see
// backup-job.ts): the serving thread goes on answering while the copy is made and checked.
// Bundled on its own beside each shell's main bundle.
import { parentPort } from 'node:worker_threads';
import { openDatabase } from '../../../db/connection';
import { AppError } from '../../core/contract/errors';
import type { BackupFile, BackupResult } from '../../core/contract/backups';
import type { BackupJob, FromMain, ToMain } from './backup-job';
import { backupSteps, folderResult, knownFailure, removeStaleTemporaries, type BackupStep } from './backups';

const port = parentPort!;
const send = (message: ToMain) => port.postMessage(message);
/** After each step the worker waits for the main thread's go (a test holds it there). */
const go = () => new Promise<void>((resolve) => port.once('message', () => resolve()));

async function drive(steps: Generator<BackupStep, BackupFile, void>, folderIndex: number): Promise<BackupFile> {
  for (let next = steps.next(); ; next = steps.next()) {
    if (next.done) return next.value;
    send({ type: 'step', folderIndex, step: next.value });
    await go();
  }
}

async function run(job: BackupJob): Promise<BackupResult[]> {
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
      const made = await drive(backupSteps(db, folder, ctx), folderIndex).catch(knownFailure);
      results.push(folderResult(folder, cleanedUp, made, job.keep));
    }
    return results;
  } finally {
    db.$client.close();
  }
}

// The job, key included, comes as a message: never in argv, the environment or a file.
port.once('message', (message: FromMain) => {
  if (message.type !== 'run') return;
  run(message.job).then(
    (results) => send({ type: 'done', results }),
    (err: unknown) =>
      send({
        type: 'failed',
        error: err instanceof AppError ? err.toPayload() : null,
        message: err instanceof Error ? (err.stack ?? err.message) : String(err),
      }),
  );
});
