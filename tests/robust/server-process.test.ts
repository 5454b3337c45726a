import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SETUP, setUpAsAdmin, shippedElectronMain, signedInCustodian, startElectronMain, type ElectronMain } from '../support/electron-main';
import { PASSWORD } from '../support/app';

/**
 * The bundled Electron main, run under a stand-in `electron` whose utilityProcess.fork is
 * child_process.fork: calls from the renderer go main → server process → back, over a real
 * encrypted database in a temp folder that only the server process holds open.
 */
let main: string;
let dir: string;
let running: ElectronMain[] = [];
const keychainKey = randomBytes(32).toString('hex');

beforeAll(() => {
  main = shippedElectronMain();
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'archive-server-process-'));
});

afterEach(async () => {
  for (const app of running) if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGKILL');
  await Promise.all(running.map((app) => app.exited));
  running = [];
  rmSync(dir, { recursive: true, force: true });
});

function start(): ElectronMain {
  const app = startElectronMain(main, { userData: join(dir, 'user-data'), keychainKey });
  running.push(app);
  return app;
}

/** The files a process holds open, by path (Linux: /proc/<pid>/fd). */
function openFiles(pid: number): string[] {
  return readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
    try {
      return [readlinkSync(`/proc/${pid}/fd/${fd}`)];
    } catch {
      return [];
    }
  });
}

const alive = (pid: number) => existsSync(`/proc/${pid}`);
const dbFile = () => join(dir, 'user-data', 'data', 'archive.db');

describe.runIf(process.platform === 'linux')('the server in its own process', () => {
  it('relays a call from the renderer to the server process and back; the server process holds the database, main does not', { timeout: 60_000 }, async () => {
    const app = start();
    expect(await app.invoke('app-status')).toEqual({ ok: true, value: { state: 'setup', siteName: null, lockedReason: null } });
    expect(await app.invoke('app-setup', SETUP)).toEqual({ ok: true, value: { state: 'ready', siteName: '万象广场运营部', lockedReason: null } });
    const login = await app.invoke('session-login', { username: 'admin', password: PASSWORD });
    expect(login.ok).toBe(true);
    // Each write's topics reach the window as the server pushed them; a read or a refused call pushes nothing.
    expect(app.sent).toEqual([
      { channel: 'archive-desk:changed', args: [['app', 'settings', 'user', 'audit']] },
      { channel: 'archive-desk:changed', args: [['session', 'audit']] },
    ]);
    // Parsing and authorisation are the server's: a bad payload and a missing session are its answers.
    expect(await app.invoke('box-list', { page: 'one' })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    // Main keeps its own check of who is calling.
    expect(await app.invoke('app-status', {}, null, 'https://elsewhere.example/')).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });

    const serverPid = (await app.serverPid())!;
    expect(serverPid).not.toBe(app.child.pid);
    expect(openFiles(serverPid)).toContain(dbFile());
    expect(openFiles(app.child.pid!).filter((path) => path.includes('archive.db'))).toEqual([]);
  });

  it('a form the server prints is rendered by main (its print window) and comes back to the server', { timeout: 60_000 }, async () => {
    const app = start();
    const custodian = await signedInCustodian(app, await setUpAsAdmin(app));
    const inspection = (await app.invoke('inspection-start', {}, custodian)) as { ok: true; value: { id: number } };
    expect(inspection.ok).toBe(true);
    const pdf = (await app.invoke('inspection-record-pdf', { id: inspection.value.id }, custodian)) as {
      ok: true;
      value: { mimeType: string; base64: string };
    };
    expect(pdf).toMatchObject({ ok: true, value: { mimeType: 'application/pdf' } });
    const printed = Buffer.from(pdf.value.base64, 'base64').toString('utf8');
    expect(printed.startsWith('%PDF-standin\n<!')).toBe(true);
    expect(printed).toContain('万象广场运营部');
  });

  it('a server process that dies with a call in flight answers it SERVER_GONE; the next call is served by a new one', { timeout: 60_000 }, async () => {
    const app = start();
    expect((await app.invoke('app-status')).ok).toBe(true);
    const first = (await app.serverPid())!;
    app.killNextCall();
    expect(await app.invoke('app-setup', SETUP)).toEqual({ ok: false, error: { code: 'SERVER_GONE' } });
    expect(alive(first)).toBe(false);
    // The setup died before its key file was written: the new server finds a fresh install.
    expect(await app.invoke('app-status')).toEqual({ ok: true, value: { state: 'setup', siteName: null, lockedReason: null } });
    const second = (await app.serverPid())!;
    expect(second).not.toBe(first);
    expect(app.forks).toEqual([first, second]);
    expect(await app.invoke('app-setup', SETUP)).toMatchObject({ ok: true, value: { state: 'ready' } });
  });

  it('a server process that keeps dying is left down: every call is answered SERVER_GONE, none hangs', { timeout: 60_000 }, async () => {
    const app = start();
    for (let death = 1; death <= 4; death++) {
      app.killNextCall();
      expect(await app.invoke('app-status')).toEqual({ ok: false, error: { code: 'SERVER_GONE' } });
    }
    // Three restarts within the minute, then none: the fourth death leaves no server.
    expect(app.forks).toHaveLength(4);
    expect(await app.serverPid()).toBeNull();
    expect(await app.invoke('app-status')).toEqual({ ok: false, error: { code: 'SERVER_GONE' } });
    expect(app.forks).toHaveLength(4);
  });

  it('quitting waits for the on-close backup; the next start opens the archive through main’s keychain', { timeout: 90_000 }, async () => {
    const backups = join(dir, 'backups');
    mkdirSync(backups);
    const app = start();
    expect((await app.invoke('app-setup', SETUP)).ok).toBe(true);
    const login = (await app.invoke('session-login', { username: 'admin', password: PASSWORD })) as { ok: true; value: { handle: string } };
    const settings = { folders: [backups], keep: 30, dailyAt: null, onClose: true };
    expect(await app.invoke('backup-settings-update', settings, login.value.handle)).toEqual({ ok: true, value: settings });
    expect(readdirSync(backups)).toEqual([]);
    const server = (await app.serverPid())!;

    expect(await app.quit()).toBe(0);
    // Main ended only after the server had made the backup and closed the database.
    expect(readdirSync(backups).filter((name) => name.endsWith('.db'))).toHaveLength(1);
    expect(alive(server)).toBe(false);
    expect(existsSync(join(dir, 'user-data', 'data', 'archive.lock'))).toBe(false);

    const again = start();
    expect(await again.invoke('app-status')).toEqual({ ok: true, value: { state: 'ready', siteName: '万象广场运营部', lockedReason: null } });
  });
});
