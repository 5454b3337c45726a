import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { build } from 'esbuild';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { machineKeyProtector } from '../../db/machine-key';
import { createDispatcher } from '../../electron/server/dispatch';
import { handlerTable } from '../../electron/server/handlers';
import { acquireLock, lockFile, releaseLock } from '../../electron/server/instance-lock';
import { Runtime } from '../../electron/server/runtime';
import { verifyChain } from '../../electron/server/services/audit-log';
import { MIGRATIONS, PASSPHRASE, type TestApp } from '../support/app';
import { childBundle } from '../support/child-bundle';
import { createSetUpApp, errorCode, snapshot, validBoxInput } from '../support/fixtures';
import { mountSmallDisk } from '../support/small-disk';

/**
 * The faults a desk PC meets — a full disk, a read-only folder, a second copy of the app, a
 * damaged file, a lost key file or keychain, a wrong passphrase, an archive from a newer version —
 * each end in a named status or error the start screen explains, never in a crash or a lost record.
 */
const ROOT = process.getuid?.() === 0;

let app: TestApp;
let work: string;
let custodianId: number;

beforeEach(async () => {
  app = await createSetUpApp();
  custodianId = (await app.ok('session-current', {}, await app.as('custodian')))!.id;
  app.runtime.close();
  work = mkdtempSync(join(tmpdir(), 'archive-faults-'));
});
afterEach(() => {
  app.close();
  rmSync(work, { recursive: true, force: true });
});

/** A runtime over the set-up archive, copied to `dataDir` (and its machine key beside it). */
function runtimeAt(dataDir: string, protector = machineKeyProtector(join(dataDir, '..', 'machine.key'))): Runtime {
  if (!existsSync(join(dataDir, 'archive.db'))) cpSync(join(app.dir, 'data'), dataDir, { recursive: true });
  if (!existsSync(join(dataDir, '..', 'machine.key'))) cpSync(join(app.dir, 'machine.key'), join(dataDir, '..', 'machine.key'));
  return new Runtime({ dataDir, protector, migrationsFolder: MIGRATIONS });
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Runs fn with `dir` read-only: a read-only bind mount as root (chmod does not stop root), chmod otherwise. */
function withReadOnly<T>(dir: string, fn: () => T): T {
  if (ROOT) {
    execFileSync('mount', ['--bind', dir, dir]);
    execFileSync('mount', ['-o', 'remount,ro,bind', dir]);
  } else chmodSync(dir, 0o555);
  try {
    return fn();
  } finally {
    if (ROOT) execFileSync('umount', [dir]);
    else chmodSync(dir, 0o755);
  }
}

describe('a full disk', () => {
  it('refuses the write with DISK_FULL, keeps everything committed, and works again once space is freed', async () => {
    // A real full disk: a 2 MB tmpfs (see mountSmallDisk).
    const small = mountSmallDisk(join(work, 'small-disk'), 2 * 1024 * 1024);
    const mount = small.path;
    try {
      const runtime = runtimeAt(join(mount, 'data'));
      expect(runtime.start().state).toBe('ready');
      const dispatch = createDispatcher(runtime, handlerTable, () => undefined);
      const handle = runtime.sessions.open(custodianId);
      const db = runtime.requireDb();
      expect(errorCode(await dispatch({ name: 'box-create', payload: validBoxInput({ title: '满盘之前' }), handle }))).toBe('ok');
      const before = snapshot(db);

      const filler = join(mount, 'filler.bin');
      const fd = openSync(filler, 'w');
      try {
        for (const size of [65536, 4096, 512, 1]) {
          try {
            for (;;) writeSync(fd, Buffer.alloc(size));
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
          }
        }
      } finally {
        closeSync(fd);
      }

      let refused = 'ok';
      for (let i = 0; i < 200 && refused === 'ok'; i += 1)
        refused = errorCode(await dispatch({ name: 'box-create', payload: validBoxInput({ title: `满盘时 ${i}`, note: '备注'.repeat(200) }), handle }));
      expect(refused).toBe('DISK_FULL');
      // Whatever was refused left no trace; what was committed before is all there.
      const during = snapshot(db);
      expect(during.auditLength).toBeGreaterThanOrEqual(before.auditLength);
      expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(verifyChain(db).intact).toBe(true);
      expect((await dispatch({ name: 'box-list', payload: { query: '满盘之前' }, handle })).ok).toBe(true);

      rmSync(filler);
      expect(errorCode(await dispatch({ name: 'box-create', payload: validBoxInput({ title: '清理之后' }), handle }))).toBe('ok');
      expect(verifyChain(db).intact).toBe(true);
      runtime.close();
    } finally {
      small.release();
    }
  });
});

describe('a read-only data folder', () => {
  it('is a DATA_READ_ONLY fault naming the folder, and opens once it can be written again', () => {
    const dataDir = join(work, 'data');
    const runtime = runtimeAt(dataDir);
    const status = withReadOnly(dataDir, () => runtime.start());
    expect(status).toMatchObject({ state: 'fault', fault: { code: 'DATA_READ_ONLY', params: { dataDir } } });
    expect(runtime.refresh().state).toBe('ready');
    runtime.close();
  });

  it('refuses a first-run setup there with DATA_READ_ONLY, leaving nothing half made', async () => {
    const dataDir = join(work, 'empty');
    mkdirSync(dataDir);
    const runtime = new Runtime({ dataDir, protector: machineKeyProtector(join(work, 'machine.key')), migrationsFolder: MIGRATIONS });
    const dispatch = createDispatcher(runtime, handlerTable, () => undefined);
    await withReadOnly(dataDir, async () => {
      expect(runtime.start()).toMatchObject({ state: 'fault', fault: { code: 'DATA_READ_ONLY' } });
      const setup = await dispatch({
        name: 'app-setup',
        payload: {
          siteName: '站点',
          admin: { username: 'admin', displayName: '管理员', password: 'Passw0rd!2026' },
          passphrase: PASSPHRASE,
          passphraseConfirm: PASSPHRASE,
        },
        handle: null,
      });
      expect(errorCode(setup)).toBe('DATA_READ_ONLY');
    });
    expect(readdirSync(dataDir)).toEqual([]);
    expect(runtime.refresh().state).toBe('setup');
    runtime.close();
  });
});

describe('a second instance', () => {
  let holder: ChildProcess | undefined;
  afterEach(() => holder?.kill('SIGKILL'));

  it('is refused with ALREADY_RUNNING while the first lives, naming its process and address; a dead one’s lock is taken over', async () => {
    const dataDir = join(work, 'data');
    const runtime = runtimeAt(dataDir);
    holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    writeFileSync(lockFile(dataDir), JSON.stringify({ pid: holder.pid, url: 'http://127.0.0.1:5199/#token=abc' }));
    expect(runtime.start()).toMatchObject({
      state: 'fault',
      fault: { code: 'ALREADY_RUNNING', params: { pid: holder.pid!, url: 'http://127.0.0.1:5199/#token=abc' } },
    });
    expect(runtime.isReady()).toBe(false);

    holder.kill('SIGKILL');
    await new Promise((done) => holder!.once('exit', done));
    // Killed without a chance to clean up: its lock file is still there, and is stale.
    expect(existsSync(lockFile(dataDir))).toBe(true);
    expect(runtime.refresh().state).toBe('ready');
    expect(JSON.parse(readFileSync(lockFile(dataDir), 'utf8'))).toMatchObject({ pid: process.pid });
    runtime.close();
    expect(existsSync(lockFile(dataDir))).toBe(false);
  });

  it('the lock itself: one holder at a time, released by its holder only', () => {
    const dataDir = join(work, 'lock');
    expect(acquireLock(dataDir)).toEqual({ acquired: true });
    writeFileSync(lockFile(dataDir), JSON.stringify({ pid: 1 }));
    expect(acquireLock(dataDir)).toEqual({ acquired: false, holder: { pid: 1 } });
    releaseLock(dataDir);
    expect(existsSync(lockFile(dataDir))).toBe(true);
  });

  it('the web shell: a second start on the same data folder points to the first and exits', { timeout: 90_000 }, async () => {
    const dataDir = join(work, 'data');
    runtimeAt(dataDir);
    // Built as `npm run build` builds it, into dist/ so that it finds db/migrations two folders up.
    const shell = resolve(__dirname, '../../dist/robust-web/main.cjs');
    await build({
      entryPoints: [resolve(__dirname, '../../electron/shells/web/main.ts')],
      outfile: shell,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'warning',
      logOverride: { 'empty-import-meta': 'silent' },
      external: ['electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'playwright-core'],
    });
    // The pages are not needed here, only a folder to serve them from (npm test builds them first).
    mkdirSync(resolve(__dirname, '../../dist/renderer'), { recursive: true });
    const args = [shell, '--data', dataDir, '--port', '0'];
    const first = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    holder = first;
    const url = await new Promise<string>((done, fail) => {
      let out = '';
      first.stdout!.setEncoding('utf8').on('data', (c: string) => {
        out += c;
        const match = /Open: (\S+)/.exec(out);
        if (match) done(match[1]);
      });
      first.once('exit', () => fail(new Error(`the first web shell ended: ${out}`)));
    });
    const second = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      child.once('exit', (code) => done({ code, stderr }));
    });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`档案前台已在运行`);
    expect(second.stderr).toContain(url);
  });
});

describe('a damaged database file', () => {
  it('is a DB_CORRUPT fault naming the file, not a crash, and the file is left as it was', () => {
    const dataDir = join(work, 'data');
    const runtime = runtimeAt(dataDir);
    const file = join(dataDir, 'archive.db');
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(512, 0x41), 0, 512, 4096 * 5 + 100);
    closeSync(fd);
    const damaged = sha(file);
    expect(runtime.start()).toMatchObject({ state: 'fault', fault: { code: 'DB_CORRUPT', params: { db: file, dataDir } } });
    expect(runtime.refresh().state).toBe('fault');
    expect(sha(file)).toBe(damaged);
  });
});

describe('the key', () => {
  it('a missing key file is KEY_FILE_MISSING naming where it belongs; put back, the archive opens', () => {
    const dataDir = join(work, 'data');
    const runtime = runtimeAt(dataDir);
    const keyFile = join(dataDir, 'archive.keys.json');
    const saved = readFileSync(keyFile);
    rmSync(keyFile);
    expect(runtime.start()).toMatchObject({ state: 'fault', fault: { code: 'KEY_FILE_MISSING', params: { keyFile } } });
    writeFileSync(keyFile, saved);
    expect(runtime.refresh().state).toBe('ready');
    runtime.close();
  });

  it('a key file the app may not read is KEY_FILE_UNREADABLE naming the file and the reason, not “damaged”; readable again, the archive opens', async () => {
    const dataDir = join(work, 'data');
    const runtime = runtimeAt(dataDir);
    const keyFile = join(dataDir, 'archive.keys.json');
    chmodSync(keyFile, 0o000);
    // As root, a file's mode stops nobody: the start runs in a child without root's override of
    // file permissions (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), as an ordinary account would.
    const drop = ROOT ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search', '--inh-caps=-dac_override,-dac_read_search'] : [];
    const [command, ...args] = [...drop, process.execPath, childBundle('start-child'), dataDir, join(work, 'machine.key'), MIGRATIONS];
    const child = spawn(command!, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise<void>((done, fail) => child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`start child exited ${code}`)))));
    expect(JSON.parse(out)).toMatchObject({ state: 'fault', fault: { code: 'KEY_FILE_UNREADABLE', params: { keyFile, reason: 'EACCES' } } });
    chmodSync(keyFile, 0o600);
    expect(runtime.start().state).toBe('ready');
    runtime.close();
  });

  it('a folder in place of the key file is KEY_FILE_UNREADABLE too, at start and at unlock', async () => {
    const dataDir = join(work, 'data');
    const runtime = runtimeAt(dataDir);
    const keyFile = join(dataDir, 'archive.keys.json');
    const saved = readFileSync(keyFile);
    rmSync(keyFile);
    mkdirSync(keyFile);
    expect(runtime.start()).toMatchObject({ state: 'fault', fault: { code: 'KEY_FILE_UNREADABLE', params: { keyFile, reason: 'EISDIR' } } });
    const dispatch = createDispatcher(runtime, handlerTable, () => undefined);
    expect(await dispatch({ name: 'app-unlock', payload: { passphrase: PASSPHRASE }, handle: null })).toEqual({
      ok: false,
      error: { code: 'KEY_FILE_UNREADABLE', params: { keyFile, reason: 'EISDIR' } },
    });
    rmSync(keyFile, { recursive: true });
    writeFileSync(keyFile, saved);
    expect(runtime.refresh().state).toBe('ready');
    runtime.close();
  });

  it('no keychain: asks for the recovery passphrase; a wrong one is WRONG_PASSPHRASE, the right one opens', async () => {
    const runtime = runtimeAt(join(work, 'data'), {
      kind: 'safeStorage',
      available: () => false,
      protect: async () => Buffer.alloc(0),
      unprotect: () => Buffer.alloc(0),
    });
    expect(runtime.start()).toEqual({ state: 'locked', siteName: null, lockedReason: 'keystore' });
    const dispatch = createDispatcher(runtime, handlerTable, () => undefined);
    expect(await dispatch({ name: 'app-unlock', payload: { passphrase: '这不是正确的恢复口令-xyz' }, handle: null })).toEqual({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(runtime.status().state).toBe('locked');
    expect(errorCode(await dispatch({ name: 'app-unlock', payload: { passphrase: PASSPHRASE }, handle: null }))).toBe('ok');
    expect(runtime.status().state).toBe('ready');
    runtime.close();
  });
});

describe('a database from a newer version', () => {
  it('is refused with DB_TOO_NEW and not touched: no downgrade', () => {
    const dataDir = join(work, 'data');
    const first = runtimeAt(dataDir);
    first.start();
    first
      .requireDb()
      .$client.prepare(
        `INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-the-future', (SELECT max(created_at) + 1000 FROM __drizzle_migrations))`,
      )
      .run();
    first.close();
    const file = join(dataDir, 'archive.db');
    const written = sha(file);
    const runtime = runtimeAt(dataDir);
    expect(runtime.start()).toMatchObject({ state: 'fault', fault: { code: 'DB_TOO_NEW' } });
    runtime.close();
    expect(sha(file)).toBe(written);
  });
});

describe('storage failures in the middle of a session', () => {
  it('are told by name, not as INTERNAL', async () => {
    const runtime = runtimeAt(join(work, 'data'));
    runtime.start();
    const handle = runtime.sessions.open(custodianId);
    for (const [code, expected] of [
      ['SQLITE_FULL', 'DISK_FULL'],
      ['ENOSPC', 'DISK_FULL'],
      ['SQLITE_READONLY', 'DATA_READ_ONLY'],
      ['SQLITE_READONLY_DBMOVED', 'DATA_READ_ONLY'],
      ['EROFS', 'DATA_READ_ONLY'],
      ['SQLITE_CORRUPT', 'DB_CORRUPT'],
      ['SQLITE_CORRUPT_INDEX', 'DB_CORRUPT'],
      ['SQLITE_MISUSE', 'INTERNAL'],
    ]) {
      const failing = { ...handlerTable, 'box-list': () => Promise.reject(Object.assign(new Error(`${code}: /secret/path`), { code })) };
      const dispatch = createDispatcher(runtime, failing, () => undefined);
      expect({ code, answer: await dispatch({ name: 'box-list', payload: {}, handle }) }).toEqual({ code, answer: { ok: false, error: { code: expected } } });
    }
    runtime.close();
  });
});
