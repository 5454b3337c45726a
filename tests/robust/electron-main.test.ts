import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CALL_CHANNEL } from '../../electron/shells/electron/channel';
import { PASSPHRASE } from '../support/app';
import {
  OWN_PAGE,
  ROOT,
  SETUP,
  setUpAsAdmin,
  shippedElectronMain,
  signedInCustodian,
  startElectronMain,
  type ElectronMain,
  type StandinOptions,
  type StandinWindow,
} from '../support/electron-main';

/**
 * Issue #16: the shipped Electron main (dist/electron/main.cjs), run under the stand-in `electron`
 * (tests/support/electron-standin.cjs): what it registers, the window it makes, who it answers,
 * how it quits, a second start, and a PC whose keychain cannot keep the key.
 */
let main: string;
let dir: string;
let running: ElectronMain[] = [];
const keychainKey = randomBytes(32).toString('hex');
const userData = () => join(dir, 'user-data');
const dataDir = () => join(userData(), 'data');

beforeAll(() => {
  main = shippedElectronMain();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'archive-electron-main-'));
});
afterEach(async () => {
  for (const app of running) if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGKILL');
  await Promise.all(running.map((app) => app.exited));
  running = [];
  rmSync(dir, { recursive: true, force: true });
});

function start(options: Partial<StandinOptions> = {}): ElectronMain {
  const app = startElectronMain(main, { userData: userData(), keychainKey, ...options });
  running.push(app);
  return app;
}

/** The app's own window, once main has made it. */
async function mainWindow(app: ElectronMain): Promise<StandinWindow> {
  let own: StandinWindow | undefined;
  await vi.waitFor(
    async () => {
      own = (await app.windows()).find((w) => w.preload !== null);
      expect(own).toBeDefined();
    },
    { timeout: 15_000 },
  );
  return own!;
}

/** The page's Content-Security-Policy, directive by directive. */
function cspOf(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
  expect(content, 'the page carries its CSP').toBeDefined();
  return new Map(
    content!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

const isEncrypted = (file: string) => !readFileSync(file).subarray(0, 16).equals(Buffer.from('SQLite format 3\0', 'latin1'));

describe.runIf(process.platform === 'linux')('Electron main, as shipped', () => {
  it('registers the one call channel and makes a sandboxed, isolated window showing the built page under its CSP', async () => {
    const app = start();
    const own = await mainWindow(app);
    expect(app.handles).toEqual([CALL_CHANNEL]);

    expect(own.url).toBe(OWN_PAGE);
    expect(own.preload).toBe(join(ROOT, 'dist', 'electron', 'preload.cjs'));
    expect(existsSync(own.preload!)).toBe(true);
    expect(own.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    for (const risky of ['nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'webviewTag', 'experimentalFeatures'])
      expect(own.webPreferences[risky], risky).not.toBe(true);
    // Shown once ready, not as a white frame.
    expect(own.show).toBe(false);

    // The page main loads is the built one, and its CSP allows nothing but our own files.
    const html = readFileSync(fileURLToPath(own.url!), 'utf8');
    const csp = cspOf(html);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    // Under that CSP an inline script would not run: the built page has none.
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
  });

  it('refuses every navigation, redirect, webview and new window of its pages', async () => {
    const app = start();
    await mainWindow(app);
    const windows = await app.windows();
    const own = windows.findIndex((w) => w.preload !== null);
    for (const url of ['https://phish.example/登录', 'file:///etc/passwd', `${OWN_PAGE}#/boxes`, 'javascript:alert(1)']) {
      expect(await app.navigate(own, url), url).toEqual({ refused: { navigate: true, redirect: true, webview: true }, windowOpen: 'deny' });
    }
  });

  it('answers its own page through the server, on a real encrypted archive; a call from any other frame is refused before the server', async () => {
    const app = start();
    // Another page first: its setup must not reach the server.
    const others = [
      'https://phish.example/',
      'http://127.0.0.1:5199/',
      'file:///etc/passwd',
      pathToFileURL(join(ROOT, 'dist', 'renderer', 'other.html')).href,
      pathToFileURL(join(dir, 'dist', 'renderer', 'index.html')).href,
      `file://fileserver${fileURLToPath(OWN_PAGE)}`,
      `${OWN_PAGE}?from=elsewhere`,
      `data:text/html,<script>archiveDesk</script>`,
      'devtools://devtools/bundled/inspector.html',
      'not a url',
    ];
    for (const url of others) expect(await app.invoke('app-setup', SETUP, null, url), url).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(existsSync(join(dataDir(), 'archive.db'))).toBe(false);

    expect(await app.invoke('app-status')).toEqual({ ok: true, value: { state: 'setup', siteName: null, lockedReason: null } });
    // The page's own address with a route after the hash is still the page.
    expect(await app.invoke('app-status', {}, null, `${OWN_PAGE}#/setup`)).toMatchObject({ ok: true });
    const admin = await setUpAsAdmin(app);
    expect(await app.invoke('user-list', {}, admin)).toMatchObject({ ok: true, value: [{ username: 'admin', displayName: '系统管理员' }] });
    expect(isEncrypted(join(dataDir(), 'archive.db'))).toBe(true);
    // Signed in or not, another frame gets nothing.
    expect(await app.invoke('user-list', {}, admin, 'https://phish.example/')).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('closing the window quits: the print window is closed and the day’s backup made; a second close the same day makes none', {
    timeout: 90_000,
  }, async () => {
    const backups = join(dir, 'backups');
    mkdirSync(backups);
    const app = start();
    const admin = await setUpAsAdmin(app);
    const settings = { folders: [backups], keep: 30, dailyAt: null, onClose: true };
    expect(await app.invoke('backup-settings-update', settings, admin)).toMatchObject({ ok: true });
    // A printed form leaves main's hidden print window open, which alone would keep the app running.
    const custodian = await signedInCustodian(app, admin);
    const inspection = (await app.invoke('inspection-start', {}, custodian)) as { ok: true; value: { id: number } };
    expect(await app.invoke('inspection-record-pdf', { id: inspection.value.id }, custodian)).toMatchObject({ ok: true });
    const windows = await app.windows();
    const print = windows.findIndex((w) => w.ownSession);
    expect(windows[print]).toMatchObject({ destroyed: false, show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true } });

    app.closeWindow(windows.findIndex((w) => w.preload !== null));
    expect(await app.exited).toBe(0);
    expect((await app.windowsAtQuit).filter((w) => !w.destroyed)).toEqual([]);
    const made = readdirSync(backups).filter((name) => name.endsWith('.db'));
    expect(made).toHaveLength(1);
    expect(isEncrypted(join(backups, made[0]!))).toBe(true);

    // The same day again: a good backup exists, quitting makes no second one.
    const again = start();
    expect(await again.invoke('app-status')).toMatchObject({ ok: true, value: { state: 'ready' } });
    expect(await again.quit()).toBe(0);
    expect(readdirSync(backups).filter((name) => name.endsWith('.db'))).toEqual(made);
  });

  it('quitting with the printer used closes the print window before main ends', async () => {
    const app = start();
    const custodian = await signedInCustodian(app, await setUpAsAdmin(app));
    const inspection = (await app.invoke('inspection-start', {}, custodian)) as { ok: true; value: { id: number } };
    expect(await app.invoke('inspection-record-pdf', { id: inspection.value.id }, custodian)).toMatchObject({ ok: true });
    expect((await app.windows()).filter((w) => !w.destroyed).map((w) => w.ownSession)).toEqual([false, true]);
    expect(await app.quit()).toBe(0);
    expect((await app.windowsAtQuit).filter((w) => !w.destroyed).map((w) => w.ownSession)).toEqual([false]);
  });

  it('a second start hands focus to the open window; an app started while another holds the lock quits at once', async () => {
    const app = start();
    await mainWindow(app);
    const own = (await app.windows()).findIndex((w) => w.preload !== null);
    await app.secondInstance(own);
    expect((await app.windows())[own]!.calls).toEqual(['restore', 'focus']);

    const second = start({ lockHeld: true });
    expect(await second.exited).toBe(0);
    expect(second.handles).toEqual([]);
    expect(second.forks).toEqual([]);
  });

  it.each(['unavailable', 'basic_text'] as const)(
    'a keychain that cannot keep the key (%s): the archive opens with the recovery passphrase',
    { timeout: 60_000 },
    async (keychain) => {
      const app = start({ keychain });
      await setUpAsAdmin(app);
      // Only the passphrase-wrapped key was written: nothing this PC could unwrap by itself.
      expect(JSON.parse(readFileSync(join(dataDir(), 'archive.keys.json'), 'utf8')).protected).toBeNull();
      expect(await app.quit()).toBe(0);

      const again = start({ keychain });
      expect(await again.invoke('app-status')).toEqual({ ok: true, value: { state: 'locked', siteName: null, lockedReason: 'keystore' } });
      expect(await again.invoke('app-unlock', { passphrase: 'not the passphrase' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
      expect(await again.invoke('app-unlock', { passphrase: PASSPHRASE })).toEqual({
        ok: true,
        value: { state: 'ready', siteName: '万象广场运营部', lockedReason: null },
      });
    },
  );

  it('a keychain lost after setup (a Linux desktop without its keyring): locked until the passphrase, then open', { timeout: 60_000 }, async () => {
    const app = start();
    await setUpAsAdmin(app);
    expect(JSON.parse(readFileSync(join(dataDir(), 'archive.keys.json'), 'utf8')).protected).toMatchObject({ kind: 'safeStorage' });
    expect(await app.quit()).toBe(0);

    const keyringless = start({ keychain: 'basic_text' });
    expect(await keyringless.invoke('app-status')).toMatchObject({ ok: true, value: { state: 'locked', lockedReason: 'keystore' } });
    expect(await keyringless.invoke('app-unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true, value: { state: 'ready' } });
    expect(await keyringless.quit()).toBe(0);
    // The keyring back: the key it protected opens the archive again without a word.
    expect(await start().invoke('app-status')).toMatchObject({ ok: true, value: { state: 'ready' } });
  });
});
