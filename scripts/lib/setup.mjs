// Shared by `npm start` and `npm test`: runs with no dependencies installed, and installs them.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { homedir, setPriority, tmpdir } from 'node:os';
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

const ADDON = 'better-sqlite3-multiple-ciphers';
const addon = join(root, 'node_modules', ADDON, 'build', 'Release', 'better_sqlite3.node');

/**
 * `npm ci` when node_modules is missing or older than the lock file. The Electron binary is
 * skipped here (it cannot always be downloaded); start.mjs fetches it separately when it can.
 * The SQLite addon has no prebuilt binary here and compiles for a minute or more, the longest
 * part of a fresh install: it compiles in the background on every core, from the locked
 * version's package, while npm ci installs the rest and the caller goes on, and is kept for the
 * machine's next install. Await the returned promise before anything opens a database.
 */
export function ensureNodeModules() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
    const compiled = lockedAddon();
    console.log('• Installing npm packages (npm ci)…');
    run(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
    run(npm, ['rebuild', '--no-audit', '--no-fund', 'esbuild']);
    return compiled.then(placeAddon);
  }
  return existsSync(addon) ? Promise.resolve() : lockedAddon().then(placeAddon);
}

function placeAddon(file) {
  mkdirSync(dirname(addon), { recursive: true });
  copyFileSync(file, addon);
}

/**
 * Kept as npm keeps packages, for the machine's next clone or install: by the package's integrity
 * and the platform and Node ABI it was built for, so another version or Node never takes it.
 */
function addonCacheFile(integrity) {
  const key = createHash('sha256').update(`${integrity} ${process.platform}-${process.arch} node-abi-${process.versions.modules}`).digest('hex');
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'archive-desk', `better_sqlite3-${key.slice(0, 16)}.node`);
}

/** The locked addon, built for this Node: from the machine's cache, or compiled now. Resolves to its file. */
function lockedAddon() {
  const locked = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages[`node_modules/${ADDON}`];
  const cached = addonCacheFile(locked.integrity);
  if (existsSync(cached)) {
    console.log(`• The SQLite addon ${locked.version}: this machine's build of it (${cached})`);
    return Promise.resolve(cached);
  }
  return compileAddon(locked, cached);
}

/** The package (npm's cache has it after one install), unpacked and compiled in a temp folder, the result kept at `cacheFile`. */
function compileAddon(locked, cacheFile) {
  const work = mkdtempSync(join(tmpdir(), 'archive-desk-addon-'));
  const packed = spawnSync(npm, ['pack', `${ADDON}@${locked.version}`, '--json', '--prefer-offline', '--pack-destination', work], {
    cwd: work,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  const [info] = packed.status === 0 ? JSON.parse(packed.stdout) : [];
  if (info?.integrity !== locked.integrity) {
    console.error(`✗ npm pack ${ADDON}@${locked.version} failed or does not match the lock file\n${packed.stderr ?? ''}`);
    process.exit(1);
  }
  run('tar', ['-xzf', join(work, info.filename), '-C', work]);
  const source = join(work, 'package');
  // Its own build script (node-gyp, which npm puts on the script's PATH); the prebuilt download its install script tries first cannot work here.
  return buildInBackground(npm, ['run', 'build-release'], source).then(() => {
    mkdirSync(dirname(cacheFile), { recursive: true });
    // Renamed into place whole: a concurrent install never reads half a file.
    copyFileSync(join(source, 'build', 'Release', 'better_sqlite3.node'), `${cacheFile}.${process.pid}`);
    renameSync(`${cacheFile}.${process.pid}`, cacheFile);
    rmSync(work, { recursive: true, force: true });
    return cacheFile;
  });
}

/** Its output goes to a file, not a pipe: a pipe would stall the compiler while a sync step runs. */
function buildInBackground(cmd, args, cwd) {
  console.log('• Building the SQLite addon in the background…');
  const log = join(mkdtempSync(join(tmpdir(), 'addon-')), 'build.log');
  const fd = openSync(log, 'w');
  const child = spawn(cmd, args, {
    cwd,
    shell: process.platform === 'win32',
    stdio: ['ignore', fd, fd],
    env: { ...process.env, JOBS: 'max' },
  });
  closeSync(fd);
  return new Promise((done) => child.on('close', (code) => done(code))).then((code) => {
    if (code === 0) return;
    process.stdout.write(readFileSync(log, 'utf8'));
    console.error(`✗ ${cmd} ${args.join(' ')} (the SQLite addon) failed (exit ${code})`);
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
