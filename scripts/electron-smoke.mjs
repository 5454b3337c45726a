// `npm run smoke:electron`: the desktop app in the real Electron binary, where this machine has
// one (not part of `npm test`: the binary cannot be downloaded everywhere). Through the real
// window and preload it checks that calls reach the server's utility process and come back, that
// this process, not main, holds the database open, that a killed server is restarted, and that
// quitting lets the server close the archive. Data goes to a temp folder (XDG_CONFIG_HOME, APPDATA).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, root } from './lib/setup.mjs';

const require = createRequire(import.meta.url);
const SERVER_NAME = 'Archive Desk server';

function fail(message) {
  console.error(`✗ ${message}`);
  process.exitCode = 1;
  throw new Error(message);
}

function check(condition, message) {
  if (!condition) fail(message);
  console.log(`✓ ${message}`);
}

if (!existsSync(join(root, 'node_modules', 'electron', 'path.txt'))) {
  console.log('No Electron binary on this machine (its download was skipped); nothing to smoke-test.');
  process.exit(2);
}
const executablePath = require('electron');
build();
if (!existsSync(join(root, 'dist', 'native', 'better_sqlite3.node'))) {
  const addon = spawnSync(process.execPath, [join(root, 'scripts', 'electron-addon.mjs')], { cwd: root, stdio: 'inherit' });
  if (addon.status !== 0) fail('the SQLite addon for Electron could not be built');
}

const { _electron } = require('playwright-core');
const home = mkdtempSync(join(tmpdir(), 'archive-desk-smoke-'));
const env = { ...process.env, XDG_CONFIG_HOME: home, APPDATA: home };
const call = (page, name, payload = {}, handle = null) => page.evaluate(([n, p, h]) => window.archiveDesk[n](p, h), [name, payload, handle]);
const openFiles = (pid) =>
  readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
    try {
      return [readlinkSync(`/proc/${pid}/fd/${fd}`)];
    } catch {
      return [];
    }
  });

const app = await _electron.launch({ executablePath, args: [root], env });
try {
  const page = await app.firstWindow();
  const serverPid = async () =>
    (await app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics())).find((m) => m.type === 'Utility' && m.name === SERVER_NAME)?.pid;
  const status = await call(page, 'app-status');
  check(status.ok && status.value.state === 'setup', `a fresh install answers app-status from the server: ${JSON.stringify(status)}`);
  const passphrase = '冒烟测试恢复口令-smoke test';
  const setup = await call(page, 'app-setup', {
    siteName: '冒烟测试',
    admin: { username: 'admin', displayName: '管理员', password: 'Smoke-passw0rd!' },
    passphrase,
    passphraseConfirm: passphrase,
  });
  check(setup.ok && setup.value.state === 'ready', 'setup creates the encrypted archive (the key wrapped by safeStorage in main)');
  const first = await serverPid();
  check(first !== undefined, `main forked "${SERVER_NAME}" (pid ${first})`);
  const mainPid = await app.evaluate(() => process.pid);
  if (process.platform === 'linux') {
    const db = join(home, 'Archive Desk', 'data', 'archive.db');
    check(openFiles(first).includes(db), 'the server process holds archive.db open');
    check(!openFiles(mainPid).includes(db), 'main does not');
  }
  process.kill(first, 'SIGKILL');
  let after = null;
  for (let i = 0; i < 50 && !after?.ok; i++) {
    after = await call(page, 'app-status');
    if (!after.ok) check(after.error.code === 'SERVER_GONE', 'a call while the server is gone is answered SERVER_GONE');
  }
  check(after?.ok && after.value.state === 'ready', 'after the server was killed, a new one answers (and opens the archive through safeStorage)');
  const second = await serverPid();
  check(second !== undefined && second !== first, `the new server process is another one (pid ${second})`);
} finally {
  await app.close();
}
check(!existsSync(join(home, 'Archive Desk', 'data', 'archive.lock')), 'quitting let the server close the archive (its lock is released)');
rmSync(home, { recursive: true, force: true });
