// Builds better-sqlite3-multiple-ciphers against Electron's headers into dist/native, leaving
// node_modules' Node build in place for the tests and the web shell. Needs Electron's headers.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './lib/setup.mjs';

const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const work = mkdtempSync(join(tmpdir(), 'archive-desk-addon-'));
const src = join(work, 'addon');
cpSync(join(root, 'node_modules', 'better-sqlite3-multiple-ciphers'), src, { recursive: true, filter: (p) => !p.includes(`${join('addon', 'build')}`) });
const gyp = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'node-gyp.cmd' : 'node-gyp');
const result = spawnSync(gyp, ['rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'], {
  cwd: src,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (result.status === 0) {
  mkdirSync(join(root, 'dist', 'native'), { recursive: true });
  copyFileSync(join(src, 'build', 'Release', 'better_sqlite3.node'), join(root, 'dist', 'native', 'better_sqlite3.node'));
}
rmSync(work, { recursive: true, force: true });
process.exit(result.status ?? 1);
