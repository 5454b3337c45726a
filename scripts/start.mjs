// `npm start`: installs what is missing, builds, and opens the desktop app — or, where the
// Electron runtime cannot be had, the web shell in its place. `npm run web` goes straight there.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build, ensureNodeModules, root } from './lib/setup.mjs';

const webOnly = process.argv.includes('--web');
const passThrough = process.argv.slice(2).filter((a) => a !== '--web');

/** Path of the Electron binary, fetching it once if this machine can; null when it can't. */
function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) spawnSync(process.execPath, [join(pkg, 'install.js')], { cwd: pkg, stdio: 'ignore', timeout: 120_000 });
  if (!existsSync(pathFile)) return null;
  const binary = spawnSync(process.execPath, ['-p', "require('electron')"], { cwd: root, encoding: 'utf8' }).stdout.trim();
  return binary && existsSync(binary) ? binary : null;
}

/** The SQLite addon for Electron's ABI, built beside (not over) the Node one the tests use. */
function ensureElectronAddon() {
  if (existsSync(join(root, 'dist', 'native', 'better_sqlite3.node'))) return true;
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'electron-addon.mjs')], { cwd: root, stdio: 'inherit' });
  return result.status === 0;
}

function startWeb() {
  const child = spawn(process.execPath, [join(root, 'dist', 'web', 'main.cjs'), ...passThrough], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

const addonBuilt = ensureNodeModules();
build();
await addonBuilt;
const electron = webOnly ? null : electronBinary();
if (webOnly) startWeb();
else if (!electron) {
  console.log('Electron runtime not installed (its binary could not be downloaded here); starting the web shell instead.');
  startWeb();
} else if (!ensureElectronAddon()) {
  console.log('Could not build the SQLite addon for Electron; starting the web shell instead.');
  startWeb();
} else {
  const child = spawn(electron, ['.', ...passThrough], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
