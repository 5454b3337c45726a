import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The worker threads' entry files, each in this folder as `<name>.ts`, bundled as `<name>.cjs`. */
export type WorkerName = 'audit-chain-worker' | 'backup-worker' | 'archive-job-worker' | 'export-worker' | 'sheet-worker';

/** scripts/build-node.mjs defines it: each worker's bundle lies beside the shell's main bundle. */
declare const WORKER_BUNDLES: boolean | undefined;

export function startWorker(name: WorkerName, options: WorkerOptions = {}): Worker {
  if (typeof WORKER_BUNDLES === 'boolean') return new Worker(join(__dirname, `${name}.cjs`), options);
  // The test run's bundles of the same source (tests/support/worker-bundles.mjs): they start in a fraction of tsx's time.
  const testBundles = process.env.ARCHIVE_DESK_WORKER_BUNDLES;
  if (testBundles) return new Worker(join(testBundles, `${name}.cjs`), options);
  // From source (tsx, vitest): the TypeScript entry, through tsx's ESM loader (its CommonJS build
  // of the same API cannot load ESM TypeScript), found where tsx's exports map says. The path is
  // joined, not `new URL(…, import.meta.url)`: Vite rewrites that pattern as an asset under jsdom.
  const entry = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), `${name}.ts`)).href;
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsxExports = (JSON.parse(readFileSync(tsxPackage, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports;
  const tsx = pathToFileURL(join(dirname(tsxPackage), tsxExports['./esm/api']!.import.default)).href;
  const boot = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  return new Worker(boot, { ...options, eval: true });
}
