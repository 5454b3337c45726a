// vitest's global setup: the worker threads bundled once a run, from the source under test, as the
// shipped app bundles them, and the test children that run as processes of their own (killed
// mid-write, racing for the lock, started without root's rights). From source each thread or
// process would start through tsx, which compiles its TypeScript and hooks every module it loads,
// for a second or more a start.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { buildWorkers, common } from '../../scripts/lib/node-bundles.mjs';

const CHILDREN = [
  'tests/robust/crash-child.ts',
  'tests/support/backup-child.ts',
  'tests/support/lock-child.ts',
  'tests/support/rekey-child.ts',
  'tests/support/start-child.ts',
];

/** As the children ran under tsx: the test harness's environment (its KDF cost) reaches them. */
const child = (entry, dir) =>
  build({
    ...common,
    define: {},
    // The worker start's source-only branch (never reached in a bundle) uses import.meta.
    logOverride: { 'empty-import-meta': 'silent' },
    entryPoints: [entry],
    outfile: join(dir, `${basename(entry, '.ts')}.cjs`),
  });

export default async function workerBundles() {
  // Inside the project, so the bundles' external packages resolve from its node_modules.
  mkdirSync('test-results', { recursive: true });
  const dir = mkdtempSync(join(process.cwd(), 'test-results', 'worker-bundles-'));
  await Promise.all([buildWorkers(dir), ...CHILDREN.map((entry) => child(entry, dir))]);
  // Read by electron/server/services/worker-start.ts and tests/support/child-bundle.ts in the test processes, which inherit it.
  process.env.ARCHIVE_DESK_WORKER_BUNDLES = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
