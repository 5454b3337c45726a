// `npm test`: installs what the tests need (npm packages; Debian's chromium, CJK fonts and
// poppler-utils where missing), type-checks, builds the app, then runs every vitest project.
import { build, ensureNodeModules, ensureSystemPackages, run, runAll } from './lib/setup.mjs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

ensureNodeModules();
ensureSystemPackages();
console.log('• Type-checking (everything, then each layer with its own library types)…');
await runAll(['tsconfig.json', 'tsconfig.core.json', 'tsconfig.node.json', 'tsconfig.renderer.json'].map((p) => [npx, ['tsc', '--noEmit', '-p', p]]));
build();
run(npx, ['vitest', 'run', ...process.argv.slice(2)]);
