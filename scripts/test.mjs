// `npm test`: installs what the tests need (npm packages; Debian's chromium, CJK fonts and
// poppler-utils where missing), builds the app, then runs every vitest project while it type-checks.
// Each step says how long it took, so a slower suite shows where.
import { join } from 'node:path';
import { build, ensureNodeModules, ensureSystemPackages, root, runAll, runAsync } from './lib/setup.mjs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const started = performance.now();
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(0)} s`;

async function step(name, work) {
  const at = performance.now();
  await work();
  console.log(`• ${name}: ${seconds(at)}`);
}

// TypeScript 7, the native compiler, checks in half the time of 5.9 on two cores; 5.9 stays for
// the tools that load TypeScript's JavaScript API (dependency-cruiser, electronegativity).
const typescript = join(root, 'node_modules', 'typescript-7', 'bin', 'tsc');
const layers = ['tsconfig.json', 'tsconfig.core.json', 'tsconfig.node.json', 'tsconfig.renderer.json'];

let addonBuilt;
await step('npm packages', () => {
  addonBuilt = ensureNodeModules();
});
// The tests leave a core idle often enough for the type-check: it runs beside them at low
// priority, and a type error still fails npm test once the tests are done.
console.log('• Type-checking in the background (everything, then each layer with its own library types)…');
const typecheckAt = performance.now();
const typecheck = runAll(
  layers.map((p) => [process.execPath, [typescript, '--noEmit', '-p', p]]),
  { niceness: 10 },
).then((failed) => {
  console.log(`• type-check: ${seconds(typecheckAt)}${failed.length ? ' — FAILED' : ''}`);
  return failed.length === 0;
});
await step('system packages', ensureSystemPackages);
await step('build', build);
await step('SQLite addon', () => addonBuilt);
let vitest;
await step('vitest', async () => {
  vitest = await runAsync(npx, ['vitest', 'run', ...process.argv.slice(2)]);
});
const typed = await typecheck;
console.log(`• npm test: ${seconds(started)} in all`);
if (vitest !== 0 || !typed) process.exit(vitest || 1);
