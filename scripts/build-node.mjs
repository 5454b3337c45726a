// Bundles the Node side: Electron main and preload, the server process Electron main forks
// (beside main, found as server.cjs), and the web shell. The renderer is Vite's.
import { build } from 'esbuild';

const common = {
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
const withWorker = { ...common, define: { ...common.define, WORKER_BUNDLES: 'true' }, logOverride: { 'empty-import-meta': 'silent' } };
const workers = (dir) => WORKERS.map((name) => build({ ...withWorker, entryPoints: [`electron/server/services/${name}.ts`], outfile: `${dir}/${name}.cjs` }));

await Promise.all([
  build({ ...common, entryPoints: ['electron/shells/electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
  build({ ...withWorker, entryPoints: ['electron/shells/server/main.ts'], outfile: 'dist/electron/server.cjs' }),
  build({ ...common, entryPoints: ['electron/shells/electron/preload.ts'], outfile: 'dist/electron/preload.cjs' }),
  build({ ...withWorker, entryPoints: ['electron/shells/web/main.ts'], outfile: 'dist/web/main.cjs' }),
  ...workers('dist/electron'),
  ...workers('dist/web'),
]);
