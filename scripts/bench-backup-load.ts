// Issue #22's figures: while a backup of the whole archive, or an export of the whole catalogue,
// runs in its worker thread (the app's paths, backUpInWorker and exportInWorker), the serving
// thread goes on answering box searches and box pages. Their latencies are taken during the job
// and, for comparison, just before the backup with nothing running.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { Db } from '../db/connection';
import type { RecoveryBlob } from '../db/keyfile';
import { boxListInput } from '../electron/core/contract/boxes';
import { boxExportInput } from '../electron/core/contract/labels';
import { SYSTEM_ACTOR } from '../electron/server/services/actor';
import { backUpInWorker } from '../electron/server/services/backup-job';
import { exportInWorker } from '../electron/server/services/export-job';
import { listBoxes } from '../electron/server/services/box-list';
import { getBox } from '../electron/server/services/boxes';
import { MIGRATIONS } from './bench-data';

const QUERIES = ['有限公司', '租户档案', '海底捞', 'ZH-2020', '王', '万达', '二号档案室'];

export interface ServingFigures {
  during: { search: number[]; boxGet: number[] };
  idle: { search: number[]; boxGet: number[] };
  backupMs: number;
  backupBytes: number;
  /** The longest between two served calls (a call and the events served after it): a stall of the serving thread shows here. */
  maxGapMs: number;
}

/** One search and one box page, each timed; ids walk the archive so the page cache does not answer them all. */
function serveOnce(db: Db, n: number, boxes: number, into: { search: number[]; boxGet: number[] }): void {
  const input = boxListInput.parse({ query: QUERIES[n % QUERIES.length], limit: 50 });
  let t = performance.now();
  listBoxes(db, input);
  into.search.push(performance.now() - t);
  t = performance.now();
  getBox(db, 1 + ((n * 7919) % boxes));
  into.boxGet.push(performance.now() - t);
}

/** Searches and box pages, one after another through the event loop, until the job running in its worker settles. */
async function servedDuring<T>(db: Db, boxes: number, job: Promise<T>) {
  const during = { search: [] as number[], boxGet: [] as number[] };
  let maxGapMs = 0;
  const started = performance.now();
  let done = false;
  const settled = job.finally(() => (done = true));
  let last = performance.now();
  for (let n = 0; !done; n++) {
    serveOnce(db, n, boxes, during);
    // A desk's calls arrive one at a time through the event loop; the worker's messages are served between them.
    await yieldToEvents();
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
  }
  return { result: await settled, during, jobMs: performance.now() - started, maxGapMs };
}

const idleFigures = (db: Db, boxes: number) => {
  const idle = { search: [] as number[], boxGet: [] as number[] };
  for (let n = 0; n < 200; n++) serveOnce(db, n, boxes, idle);
  return idle;
};

export async function servingDuringBackup(db: Db, source: { file: string; keyHex: string }, recovery: RecoveryBlob, boxes: number): Promise<ServingFigures> {
  const idle = idleFigures(db, boxes);
  const folder = mkdtempSync(join(tmpdir(), 'archive-bench-backup-'));
  try {
    const backup = backUpInWorker(
      { source, migrationsFolder: MIGRATIONS, appVersion: 'bench', recovery, now: new Date().toISOString(), folders: [folder], keep: 1 },
      { onStep: () => undefined },
    );
    const { result, during, jobMs, maxGapMs } = await servedDuring(db, boxes, backup.result);
    const [made] = result;
    if (!made?.ok) throw new Error(`backup under load failed: ${JSON.stringify(made)}`);
    return { during, idle, backupMs: jobMs, backupBytes: statSync(made.file!).size, maxGapMs };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export interface ExportServingFigures {
  during: { search: number[]; boxGet: number[] };
  exportMs: number;
  exportBytes: number;
  maxGapMs: number;
}

/** The same, while the whole catalogue is written as xlsx in the export worker (the app's path, exportInWorker). */
export async function servingDuringExport(db: Db, source: { file: string; keyHex: string }, boxes: number): Promise<ExportServingFigures> {
  const job = exportInWorker(
    db,
    SYSTEM_ACTOR,
    { request: { call: 'box-export', input: boxExportInput.parse({ format: 'xlsx' }) }, source, migrationsFolder: MIGRATIONS },
    () => undefined,
  );
  const { result, during, jobMs, maxGapMs } = await servedDuring(db, boxes, job.result);
  return { during, exportMs: jobMs, exportBytes: Buffer.from(result.base64, 'base64').length, maxGapMs };
}
