// `npm test`: installs what the tests need (npm packages; Debian's chromium, CJK fonts and
// poppler-utils where missing), type-checks, builds the app, then runs every vitest project.
import { build, ensureNodeModules, ensureSystemPackages, run } from './lib/setup.mjs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

ensureNodeModules();
ensureSystemPackages();
console.log('• Type-checking…');
run(npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']);
build();
run(npx, ['vitest', 'run', ...process.argv.slice(2)]);
