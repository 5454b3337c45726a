import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { basename, join } from 'node:path';
import { Runtime } from '../electron/server/runtime';
import { SYSTEM_ACTOR } from '../electron/server/services/actor';
import { machineKeyProtector } from '../db/machine-key';
import { MIGRATIONS, createTestApp, type TestApp } from './support/app';
import { childBundle } from './support/child-bundle';
import { auditRows, createBox, createSetUpApp } from './support/fixtures';

/** The files a backup folder holds beside the backups: what an interrupted or odd backup leaves. */
let app: TestApp;
beforeEach(async () => {
  app = await createSetUpApp();
});
afterEach(() => app.close());

const folder = (name: string) => {
  const dir = join(app.dir, name);
  mkdirSync(dir, { recursive: true });
  return dir;
};
const restart = () =>
  new Runtime({ dataDir: join(app.dir, 'data'), protector: machineKeyProtector(join(app.dir, 'machine.key')), migrationsFolder: MIGRATIONS });
const partials = (dir: string) =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.partial'))
    .sort();
const lastAudit = (rows: ReturnType<typeof auditRows>, action: string) =>
  JSON.parse(rows.filter((r) => r.action === action).at(-1)!.changes as string) as { after: unknown };

async function configure(folders: string[]) {
  await app.ok('backup-settings-update', { folders, keep: 30, dailyAt: null, onClose: false }, await app.as('custodian'));
}

/** Starts a process that backs up into `dir` and SIGKILLs it once its temporary copy is on disk. */
async function killMidBackup(dir: string): Promise<string> {
  const before = new Set(partials(dir));
  const child = spawn(process.execPath, [childBundle('backup-child'), join(app.dir, 'data'), join(app.dir, 'machine.key'), MIGRATIONS, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((done, fail) => {
    const watch = setInterval(() => partials(dir).some((n) => !before.has(n)) && child.kill('SIGKILL'), 2);
    child.on('exit', (code, signal) => {
      clearInterval(watch);
      if (signal === 'SIGKILL') done();
      else fail(new Error(`backup child exited ${code}`));
    });
  });
  const left = partials(dir).filter((n) => !before.has(n));
  expect(left).toHaveLength(1);
  return join(dir, left[0]!);
}

/** The kill happened two hours ago: no backup anywhere is still writing that file. */
const age = (file: string) => utimesSync(file, new Date(Date.now() - 2 * 3_600_000), new Date(Date.now() - 2 * 3_600_000));

describe('an interrupted backup', () => {
  it('leaves a temporary file that the next start and the next backup remove, and say so; nothing else is touched', async () => {
    // Ballast, so the copy takes long enough to be killed in the middle.
    app.runtime
      .requireDb()
      .$client.exec(
        `CREATE TABLE ballast (b BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO ballast SELECT randomblob(4000) FROM n;`,
      );
    const usb = folder('usb');
    await configure([usb]);
    app.runtime.close();

    const old = await killMidBackup(usb);
    // Young, the first one is kept by the second process's start, which takes another name.
    const fresh = await killMidBackup(usb);
    expect(existsSync(old)).toBe(true);
    age(old);
    // Names like ours but not ours: a user's files, never deleted.
    const decoys = [
      'notes.db.partial',
      '.archive-desk-notes.partial',
      'archive-desk-20260101-100000.db.partial',
      '.archive-desk-20260101-100000.db.partial.txt',
    ];
    for (const n of decoys) {
      writeFileSync(join(usb, n), '用户自己的文件');
      age(join(usb, n));
    }
    const oldBytes = statSync(old).size;

    const runtime = restart();
    try {
      expect(runtime.start().state).toBe('ready');
      // The stale copy is gone at start; one written minutes ago could be another PC's backup still running.
      expect(existsSync(old)).toBe(false);
      expect(existsSync(fresh)).toBe(true);
      expect(lastAudit(auditRows(runtime.requireDb()), 'backup-cleanup').after).toEqual({ folder: usb, files: [basename(old)], bytes: oldBytes });

      age(fresh);
      const freshBytes = statSync(fresh).size;
      const [result] = await runtime.backUpNow(SYSTEM_ACTOR);
      expect(result).toMatchObject({ folder: usb, ok: true, cleanedUp: { files: [basename(fresh)], bytes: freshBytes } });
      expect(lastAudit(auditRows(runtime.requireDb()), 'backup-create').after).toEqual({ results: [result] });
      expect(partials(usb)).toEqual(decoys.filter((n) => n.endsWith('.partial')).sort());
      expect(readdirSync(usb)).toContain('.archive-desk-20260101-100000.db.partial.txt');
    } finally {
      runtime.close();
    }
  }, 120_000);
});

describe('backup file modes', () => {
  it('a backup and its manifest (which carries the wrapped key) are readable by their owner only', async () => {
    await createBox(app, { title: '权限测试档案' });
    await configure([folder('usb')]);
    const [made] = await app.ok('backup-run', {}, await app.as('custodian'));
    expect(made!.ok).toBe(true);
    expect((statSync(made!.file!).mode & 0o777).toString(8)).toBe('600');
    expect((statSync(`${made!.file!}.json`).mode & 0o777).toString(8)).toBe('600');
  });
});

describe('a backup path that is not a regular file', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('is refused at once with BACKUP_NOT_A_FILE: a FIFO, a folder, a socket, /dev/zero, a link to a FIFO, a FIFO manifest', async () => {
    const usb = folder('usb');
    await configure([usb]);
    const custodian = await app.as('custodian');
    const [made] = await app.ok('backup-run', {}, custodian);
    const manifest = `${made!.file!}.json`;
    const odd = folder('odd');
    const withManifest = (file: string) => copyFileSync(manifest, `${file}.json`);

    const fifo = join(odd, 'pipe.db');
    execFileSync('mkfifo', [fifo]);
    withManifest(fifo);
    const dir = folder('odd/folder.db');
    withManifest(dir);
    const socket = join(odd, 'socket.db');
    server = createServer();
    await new Promise<void>((done) => server!.listen(socket, done));
    withManifest(socket);
    const zero = join(odd, 'zero.db');
    symlinkSync('/dev/zero', zero);
    withManifest(zero);
    const linkToFifo = join(odd, 'link.db');
    symlinkSync(fifo, linkToFifo);
    withManifest(linkToFifo);
    const pipedManifest = join(odd, 'piped-manifest.db');
    copyFileSync(made!.file!, pipedManifest);
    execFileSync('mkfifo', [`${pipedManifest}.json`]);
    // In the list of a folder too: a backup whose manifest is a FIFO.
    const listed = join(usb, 'archive-desk-20250101-000000.db');
    copyFileSync(made!.file!, listed);
    execFileSync('mkfifo', [`${listed}.json`]);

    // Were the app to open a FIFO, it would wait for a writer for ever. This writer comes after
    // 5 s, so a hang shows up as a slow answer instead of a stuck test run.
    const unblocker = spawn(process.execPath, [
      '-e',
      `const fs = require('fs'); const fifos = process.argv.slice(1);
       setTimeout(() => setInterval(() => { for (const f of fifos) { try { fs.closeSync(fs.openSync(f, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK)); } catch {} } }, 50), 5000);`,
      fifo,
      `${pipedManifest}.json`,
      `${listed}.json`,
    ]);
    const fresh = await createTestApp({ setup: false });
    try {
      const timed = async (fn: () => Promise<unknown>) => {
        const start = Date.now();
        const result = (await fn()) as { ok: boolean; error?: { code: string; params?: Record<string, unknown> } };
        return { ms: Date.now() - start, code: result.ok ? 'ok' : result.error!.code, file: result.error?.params?.file };
      };
      for (const file of [fifo, dir, socket, zero, linkToFifo]) {
        for (const answer of [
          await timed(() => app.call('backup-inspect', { file }, custodian)),
          await timed(() => app.call('backup-restore', { file, confirm: true }, custodian)),
          await timed(() => fresh.call('app-restore', { file, passphrase: 'whatever-passphrase' })),
        ]) {
          expect(answer).toEqual({ ms: expect.any(Number), code: 'BACKUP_NOT_A_FILE', file });
          expect(answer.ms).toBeLessThan(2000);
        }
      }
      const piped = await timed(() => app.call('backup-inspect', { file: pipedManifest }, custodian));
      expect(piped).toEqual({ ms: expect.any(Number), code: 'BACKUP_NOT_A_FILE', file: `${pipedManifest}.json` });
      expect(piped.ms).toBeLessThan(2000);

      const start = Date.now();
      const list = await app.ok('backup-list', { folder: usb }, custodian);
      expect(Date.now() - start).toBeLessThan(2000);
      expect(list.map((b) => b.file)).toEqual([made!.file!]);
      // The archive is as it was and still takes work.
      await createBox(app, { title: '之后的档案' });
    } finally {
      unblocker.kill('SIGKILL');
      fresh.close();
    }
  }, 120_000);
});
