// `npm test`: installs what the tests need (npm packages; Debian's chromium, CJK fonts and
// poppler-utils where missing), type-checks, builds the app, then runs every vitest project.
// Each step says how long it took, so a slower suite shows where.
import { build, ensureNodeModules, ensureSystemPackages, run, runAll } from './lib/setup.mjs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const started = performance.now();
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(0)} s`;

async function step(name, work) {
  const at = performance.now();
  await work();
  console.log(`• ${name}: ${seconds(at)}`);
}

let addonBuilt;
await step('npm packages', () => {
  addonBuilt = ensureNodeModules();
});
await step('system packages', ensureSystemPackages);
console.log('• Type-checking (everything, then each layer with its own library types)…');
await step('type-check', () =>
  runAll(['tsconfig.json', 'tsconfig.core.json', 'tsconfig.node.json', 'tsconfig.renderer.json'].map((p) => [npx, ['tsc', '--noEmit', '-p', p]])),
);
await step('build', build);
await step('SQLite addon', () => addonBuilt);
await step('vitest', () => run(npx, ['vitest', 'run', ...process.argv.slice(2)]));
console.log(`• npm test: ${seconds(started)} in all`);
