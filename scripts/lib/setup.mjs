// Shared by `npm start` and `npm test`: runs with no dependencies installed, and installs them.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, statSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32', ...options });
  if (result.status !== 0) {
    console.error(`✗ ${cmd} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

/**
 * Runs the commands side by side and resolves to the failed ones (their output is kept apart,
 * printed once all are done). A niceness above 0 runs them below the rest of the machine.
 */
export async function runAll(commands, { niceness = 0 } = {}) {
  const results = await Promise.all(
    commands.map(
      ([cmd, args]) =>
        new Promise((done) => {
          const child = spawn(cmd, args, { cwd: root, shell: process.platform === 'win32' });
          if (niceness > 0 && child.pid) setPriority(child.pid, niceness);
          let out = '';
          child.stdout.on('data', (d) => (out += d));
          child.stderr.on('data', (d) => (out += d));
          child.on('close', (code) => done({ cmd: `${cmd} ${args.join(' ')}`, code, out }));
        }),
    ),
  );
  for (const r of results) if (r.out.trim()) process.stdout.write(r.out);
  const failed = results.filter((r) => r.code !== 0);
  for (const r of failed) console.error(`✗ ${r.cmd} failed (exit ${r.code})`);
  return failed;
}

/** Like run(), without blocking this process: what runs beside it keeps being read. Resolves to the exit code. */
export function runAsync(cmd, args) {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return new Promise((done) => child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0))));
}

const addon = join(root, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node');

/**
 * `npm ci` when node_modules is missing or older than the lock file. The Electron binary is
 * skipped here (it cannot always be downloaded); start.mjs fetches it separately when it can.
 * The SQLite addon has no prebuilt binary here and compiles for a minute or more, so it builds in
 * the background on every core while the caller goes on: await the returned promise before
 * anything opens a database.
 */
export function ensureNodeModules() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
    console.log('• Installing npm packages (npm ci)…');
    run(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
    run(npm, ['rebuild', '--no-audit', '--no-fund', 'esbuild']);
  }
  return existsSync(addon) ? Promise.resolve() : buildAddon();
}

/** Its output goes to a file, not a pipe: a pipe would stall the compiler while a sync step runs. */
function buildAddon() {
  console.log('• Building the SQLite addon in the background…');
  const log = join(mkdtempSync(join(tmpdir(), 'addon-')), 'build.log');
  const fd = openSync(log, 'w');
  const child = spawn(npm, ['rebuild', 'better-sqlite3-multiple-ciphers'], {
    cwd: root,
    shell: process.platform === 'win32',
    stdio: ['ignore', fd, fd],
    env: { ...process.env, JOBS: 'max' },
  });
  closeSync(fd);
  return new Promise((done) => child.on('close', (code) => done(code))).then((code) => {
    if (code === 0) return;
    process.stdout.write(readFileSync(log, 'utf8'));
    console.error(`✗ npm rebuild better-sqlite3-multiple-ciphers failed (exit ${code})`);
    process.exit(1);
  });
}

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
/** The import tests write their corpus with openpyxl, another xlsx writer than exceljs (tests/fixtures/office-sheets.py). */
const hasOpenpyxl = () => existsSync('/usr/bin/python3') && spawnSync('/usr/bin/python3', ['-c', 'import openpyxl']).status === 0;
const hasCjkFont = () => has('fc-list') && execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== '';

/** Debian packages the browser tests and printed-form checks need: chromium, CJK fonts, poppler. */
export function ensureSystemPackages() {
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!hasCjkFont()) missing.push('fonts-noto-cjk');
  if (!has('pdftotext')) missing.push('poppler-utils');
  if (!hasOpenpyxl()) missing.push('python3-openpyxl');
  // The import corpus is saved again by LibreOffice, as an office PC writes xlsx and xls.
  if (!has('soffice')) missing.push('libreoffice-calc-nogui');
  if (missing.length === 0) return;
  const canApt = process.platform === 'linux' && has('apt-get') && process.getuid?.() === 0;
  if (!canApt) {
    console.error(`✗ Missing system packages: ${missing.join(' ')}. Install them (Debian/Ubuntu: sudo apt-get install -y ${missing.join(' ')}) and run again.`);
    process.exit(1);
  }
  console.log(`• Installing ${missing.join(', ')} (apt-get)…`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

export function build() {
  console.log('• Building…');
  run(npm, ['run', '--silent', 'build']);
}
