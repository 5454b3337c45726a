// What scripts/build-node.mjs bundles the Node side with, and the worker threads' bundles, which
// the test run also builds once from source (tests/support/worker-bundles.mjs).
import { build } from 'esbuild';

export const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // playwright-core finds its own files at run time; the web shell loads it from node_modules.
  external: ['electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'playwright-core'],
  // The shipped app never takes the test harness's cheap KDF cost (db/kdf-cost.ts), whatever its environment.
  define: { 'process.env.VITEST': 'undefined' },
};

// Each worker thread (the audit chain's stretches, backups, re-keys and restores, exports, reading an import's sheet) runs a file of its own: bundled
// beside each shell's main bundle, which finds it by name (see electron/server/services/worker-start.ts).
const WORKERS = ['audit-chain-worker', 'backup-worker', 'archive-job-worker', 'export-worker', 'sheet-worker'];
// Their source-only branch (import.meta.url, never reached in a bundle) would warn in CJS output.
export const withWorker = { ...common, define: { ...common.define, WORKER_BUNDLES: 'true' }, logOverride: { 'empty-import-meta': 'silent' } };

/** The worker threads' bundles, `<name>.cjs` in `dir`. */
export const buildWorkers = (dir) =>
  Promise.all(WORKERS.map((name) => build({ ...withWorker, entryPoints: [`electron/server/services/${name}.ts`], outfile: `${dir}/${name}.cjs` })));
