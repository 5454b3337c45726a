// Bundles the Node side: Electron main and preload, the server process Electron main forks
// (beside main, found as server.cjs), and the web shell. The renderer is Vite's.
import { build } from 'esbuild';
import { buildWorkers, common, withWorker } from './lib/node-bundles.mjs';

await Promise.all([
  build({ ...common, entryPoints: ['electron/shells/electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
  build({ ...withWorker, entryPoints: ['electron/shells/server/main.ts'], outfile: 'dist/electron/server.cjs' }),
  build({ ...common, entryPoints: ['electron/shells/electron/preload.ts'], outfile: 'dist/electron/preload.cjs' }),
  build({ ...withWorker, entryPoints: ['electron/shells/web/main.ts'], outfile: 'dist/web/main.cjs' }),
  buildWorkers('dist/electron'),
  buildWorkers('dist/web'),
]);
