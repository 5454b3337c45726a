// vitest's global setup: the worker threads bundled once a run, from the source under test, as the
// shipped app bundles them. From source each thread would start through tsx's loader, which
// compiles the worker's TypeScript and hooks every module it loads, for a second or more a thread.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildWorkers } from '../../scripts/lib/node-bundles.mjs';

export default async function workerBundles() {
  // Inside the project, so the bundles' external packages resolve from its node_modules.
  mkdirSync('test-results', { recursive: true });
  const dir = mkdtempSync(join(process.cwd(), 'test-results', 'worker-bundles-'));
  await buildWorkers(dir);
  // Read by electron/server/services/worker-start.ts in the test processes, which inherit it.
  process.env.ARCHIVE_DESK_WORKER_BUNDLES = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
