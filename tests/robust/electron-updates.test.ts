import { randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '../../electron/core/contract/errors';
import type { UpdateStatus } from '../../electron/core/contract/updates';
import { ChangeFeed } from '../../electron/server/network';
import { CHANGED_CHANNEL } from '../../electron/shells/electron/channel';
import { lanHostWith } from '../../electron/shells/host/lan-server';
import { common } from '../../renderer/ui/i18n';
import { PASSWORD } from '../support/app';
import { setUpAsAdmin, shippedElectronMain, startElectronMain, type ElectronMain } from '../support/electron-main';
import { testCertificate } from '../support/tls-host';
import { writeAppUpdateConfig, writeRelease } from '../support/update-feed';

/**
 * Issue #16, 软件更新: the built main bundle under the stand-in `electron`, with the real
 * electron-updater (its generic provider, its download and sha512 check, its AppImage installer
 * on this Linux machine) reading an update folder that main serves on 127.0.0.1. The "installer"
 * is a script that writes a marker: an install that ran is seen, one that did not is not. A desk
 * of an archive host reads the host's /updates/ (its real LAN server) over the pinned certificate.
 */

let dir: string;
let main: string;
const keychainKey = randomBytes(32).toString('hex');
const running: ElectronMain[] = [];

beforeAll(() => {
  main = shippedElectronMain();
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ad-updates-'));
  writeAppUpdateConfig(join(dir, 'resources'));
  // The installed app: the file an AppImage update replaces.
  writeFileSync(join(dir, 'ArchiveDesk.AppImage'), 'the installed 0.1.0');
});

afterEach(async () => {
  for (const app of running.splice(0)) if (app.child.exitCode === null) await app.quit();
  rmSync(dir, { recursive: true, force: true });
});

const marker = () => join(dir, 'installed.txt');

/** The packaged app's surroundings electron-updater reads: its resources, version, AppImage and cache. */
const updaterEnv = () => ({
  STANDIN_RESOURCES_PATH: join(dir, 'resources'),
  STANDIN_APP_VERSION: '0.1.0',
  APPIMAGE: join(dir, 'ArchiveDesk.AppImage'),
  XDG_CACHE_HOME: join(dir, 'cache'),
});

function start(): ElectronMain {
  const app = startElectronMain(main, {
    userData: join(dir, 'userData'),
    keychainKey,
    packaged: true,
    env: updaterEnv(),
  });
  running.push(app);
  return app;
}

async function signIn(app: ElectronMain): Promise<string> {
  const login = (await app.invoke('session-login', { username: 'admin', password: PASSWORD })) as { ok: true; value: { handle: string } };
  expect(login.ok).toBe(true);
  return login.value.handle;
}

const value = (result: Result<unknown>) => {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.value as UpdateStatus;
};

/** update-status, asked until `done` holds (the download runs on after the check answered). */
async function statusWhen(app: ElectronMain, handle: string, done: (status: UpdateStatus) => boolean): Promise<UpdateStatus> {
  const until = Date.now() + 20_000;
  for (;;) {
    const status = value(await app.invoke('update-status', {}, handle));
    if (done(status) || Date.now() > until) return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const waitFor = async (check: () => boolean) => {
  const until = Date.now() + 10_000;
  while (!check() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  return check();
};

describe('updates from the office folder', () => {
  it('checks nothing while no source is set', async () => {
    const app = start();
    const admin = await setUpAsAdmin(app);
    const status = value(await app.invoke('update-status', {}, admin));
    expect(status).toMatchObject({ available: true, currentVersion: '0.1.0', source: { kind: 'none' }, phase: 'idle', checkedAt: null });
    expect(value(await app.invoke('update-check', {}, admin))).toMatchObject({ phase: 'idle', checkedAt: null });
  });

  it('downloads a release with the right sha512, and installs it at the quit after the user agreed', async () => {
    const feed = join(dir, 'updates 更新');
    writeRelease(feed, '0.2.0', marker());
    const first = start();
    const admin = await setUpAsAdmin(first);
    value(await first.invoke('update-source-set', { kind: 'folder', path: feed }, admin));
    const downloaded = await statusWhen(first, admin, (s) => s.phase === 'downloaded' || s.phase === 'error');
    expect(downloaded).toMatchObject({ phase: 'downloaded', version: '0.2.0', error: null, agreed: false, source: { kind: 'folder', path: feed } });
    expect(first.sent.some((s) => s.channel === CHANGED_CHANNEL && (s.args[0] as string[]).includes('update'))).toBe(true);

    // Quitting without agreeing leaves the app as it is.
    expect(await first.quit()).toBe(0);
    expect(existsSync(marker())).toBe(false);
    expect(readFileSync(join(dir, 'ArchiveDesk.AppImage'), 'utf8')).toBe('the installed 0.1.0');

    // The next start checks at once and finds the download kept; 稍后 agrees for the next quit.
    const second = start();
    const handle = await signIn(second);
    await statusWhen(second, handle, (s) => s.phase === 'downloaded');
    expect(value(await second.invoke('update-install', { when: 'quit' }, handle))).toMatchObject({ agreed: true, phase: 'downloaded' });
    expect(await second.quit()).toBe(0);
    expect(await waitFor(() => existsSync(marker()))).toBe(true);
    expect(readFileSync(marker(), 'utf8')).toBe('installed 0.2.0 silent=true\n');
  });

  it('退出并安装 stops the server, runs the installer and quits', async () => {
    const feed = join(dir, 'updates');
    writeRelease(feed, '0.2.0', marker());
    const app = start();
    const admin = await setUpAsAdmin(app);
    value(await app.invoke('update-source-set', { kind: 'folder', path: feed }, admin));
    await statusWhen(app, admin, (s) => s.phase === 'downloaded');
    value(await app.invoke('update-install', { when: 'now' }, admin));
    expect(await app.exited).toBe(0);
    expect(await waitFor(() => existsSync(marker()))).toBe(true);
    expect(readFileSync(marker(), 'utf8')).toContain('installed 0.2.0');
  });

  it('refuses a release whose installer does not match its sha512, in Chinese, and installs nothing', async () => {
    const feed = join(dir, 'updates');
    writeRelease(feed, '0.2.0', marker(), { wrongSha: true });
    const app = start();
    const admin = await setUpAsAdmin(app);
    value(await app.invoke('update-source-set', { kind: 'folder', path: feed }, admin));
    const status = await statusWhen(app, admin, (s) => s.phase === 'error' || s.phase === 'downloaded');
    expect(status).toMatchObject({ phase: 'error', error: 'UPDATE_CHECKSUM', agreed: false });
    expect(common['zh-CN'].errors.UPDATE_CHECKSUM).toMatch(/校验/);
    // Agreeing to nothing downloaded agrees to nothing.
    expect(value(await app.invoke('update-install', { when: 'quit' }, admin))).toMatchObject({ agreed: false });
    expect(await app.quit()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(existsSync(marker())).toBe(false);
    expect(readFileSync(join(dir, 'ArchiveDesk.AppImage'), 'utf8')).toBe('the installed 0.1.0');
  });

  it('says a folder that is not there is unreachable', async () => {
    const app = start();
    const admin = await setUpAsAdmin(app);
    const status = value(await app.invoke('update-source-set', { kind: 'folder', path: join(dir, 'no-such-folder') }, admin));
    expect(status).toMatchObject({ phase: 'error', error: 'UPDATE_UNREACHABLE' });
  });

  it('refuses a bad source with a Chinese message and keeps the one it had', async () => {
    const app = start();
    const admin = await setUpAsAdmin(app);
    const bad = [
      [{ kind: 'folder', path: 'updates\\new' }, 'v.updateFolder'],
      [{ kind: 'folder', path: '   ' }, 'v.required'],
      [{ kind: 'host', url: 'http://192.168.1.10:8443' }, 'v.updateHostUrl'],
      [{ kind: 'host', url: '' }, 'v.required'],
    ] as const;
    for (const [input, message] of bad) {
      const result = await app.invoke('update-source-set', input, admin);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ message }] } });
      const key = message.slice(2) as keyof (typeof common)['zh-CN']['v'];
      expect(common['zh-CN'].v[key]).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(value(await app.invoke('update-status', {}, admin)).source).toEqual({ kind: 'none' });
    const audit = (await app.invoke('audit-list', { action: 'update-source-set' }, admin)) as { ok: true; value: { rows: unknown[] } };
    expect(audit.value.rows).toHaveLength(0);
    // A good one is kept, with its audit entry.
    value(await app.invoke('update-source-set', { kind: 'host', url: 'https://192.168.1.10:8443' }, admin));
    const after = (await app.invoke('audit-list', { action: 'update-source-set' }, admin)) as { ok: true; value: { rows: unknown[] } };
    expect(after.value.rows).toHaveLength(1);
    expect(value(await app.invoke('update-status', {}, admin)).source).toEqual({ kind: 'host', url: 'https://192.168.1.10:8443' });
  });
});

describe('a desk of an archive host', () => {
  async function deskOf(pinned: (cert: string) => string, check: (app: ElectronMain) => Promise<void>): Promise<void> {
    const feed = join(dir, 'host-updates');
    writeRelease(feed, '0.2.0', marker());
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<p>the host</p>');
    const tls = await testCertificate('127.0.0.2');
    const host = lanHostWith({
      dispatch: () => Promise.resolve({ ok: true, value: null }),
      changes: new ChangeFeed(),
      sessionAlive: () => false,
      rendererDir: join(dir, 'renderer'),
      updateFolder: () => feed,
      log: () => undefined,
    });
    const { port } = await host.start({ address: '127.0.0.2', port: 0, allow: ['127.0.0.0/8'], names: [], tls: { certPem: tls.cert, keyPem: tls.key } });
    try {
      mkdirSync(join(dir, 'userData'), { recursive: true });
      const url = `https://127.0.0.2:${port}/`;
      writeFileSync(join(dir, 'userData', 'archive-host.json'), JSON.stringify({ url, fingerprint: pinned(tls.cert) }));
      const app = startElectronMain(main, {
        userData: join(dir, 'userData'),
        keychainKey,
        packaged: true,
        // 稍后: installed at the next quit.
        dialogChoice: 1,
        env: updaterEnv(),
      });
      running.push(app);
      await check(app);
    } finally {
      await host.stop();
    }
  }

  it("updates from the host's /updates/ over its pinned certificate, asking with a message box", async () => {
    await deskOf(
      (cert) => new X509Certificate(cert).fingerprint256,
      async (app) => {
        expect(await waitFor(() => app.dialogs.length > 0)).toBe(true);
        expect(app.dialogs[0]!.message).toBe('新版本 0.2.0 已下载');
        expect(existsSync(marker())).toBe(false);
        expect(await app.quit()).toBe(0);
        expect(await waitFor(() => existsSync(marker()))).toBe(true);
      },
    );
  });

  it('downloads nothing from a host that shows another certificate than the one compared', async () => {
    const other = (await testCertificate('127.0.0.2')).cert;
    await deskOf(
      () => new X509Certificate(other).fingerprint256,
      async (app) => {
        await new Promise((resolve) => setTimeout(resolve, 2500));
        expect(app.dialogs.filter((d) => d.message.includes('新版本'))).toEqual([]);
        expect(await app.quit()).toBe(0);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(existsSync(marker())).toBe(false);
      },
    );
  });
});
