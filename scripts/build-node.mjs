// Bundles the Node side: Electron main and preload, and the web shell. The renderer is Vite's.
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
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' }),
  build({ ...common, entryPoints: ['electron/main/preload.ts'], outfile: 'dist/electron/preload.cjs' }),
  build({ ...common, entryPoints: ['electron/web/main.ts'], outfile: 'dist/web/main.cjs' }),
]);
