import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CALL_CHANNEL } from '../../electron/shells/electron/channel';
import type { Result } from '../../electron/core/contract/errors';
import { INITIAL_PASSWORD, PASSPHRASE, PASSWORD } from './app';

export const ROOT = resolve(__dirname, '..', '..');
/** The page main accepts calls from (isOwnFrame in electron/shells/electron/window.ts, which needs `electron` to load). */
export const ownPage = (appRoot: string) => pathToFileURL(resolve(appRoot, 'dist', 'renderer', 'index.html')).href;
export const OWN_PAGE = ownPage(ROOT);

function newestSource(dir: string): { file: string; mtimeMs: number } {
  let newest = { file: dir, mtimeMs: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    const { mtimeMs } = statSync(file);
    if (mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
  }
  return newest;
}

/**
 * The Electron main that ships: dist/electron/main.cjs as `npm run build` made it (npm test builds
 * first), with server.cjs and the worker bundles beside it. Refused when it is older than the
 * source, so a test never passes on yesterday's bundle.
 */
export function shippedElectronMain(): string {
  const main = resolve(ROOT, 'dist', 'electron', 'main.cjs');
  const built = statSync(main, { throwIfNoEntry: false });
  if (!built) throw new Error(`${main} is missing: run \`npm run build\` first`);
  for (const dir of ['electron', 'db']) {
    const newest = newestSource(resolve(ROOT, dir));
    if (newest.mtimeMs > built.mtimeMs) throw new Error(`${main} is older than ${newest.file}: run \`npm run build\` first`);
  }
  return main;
}

export interface ElectronMain {
  child: ChildProcess;
  /** A call as the renderer makes it through the preload: name, payload, handle, from `url`. */
  invoke(name: string, payload?: unknown, handle?: string | null, url?: string): Promise<Result<unknown>>;
  serverPid(): Promise<number | null>;
  /** Every server process main forked, in order. */
  forks: number[];
  /** What main sent its windows (webContents.send), in order. */
  sent: { channel: string; args: unknown[] }[];
  /** The server process is killed right after main relays the next call to it. */
  killNextCall(): void;
  /** Quits the app as closing its window does; resolves with main's exit code. */
  quit(): Promise<number | null>;
  exited: Promise<number | null>;
  output(): string;
  /** Every window main made: what it shows, its preload, whether it is gone. */
  windows(): Promise<StandinWindow[]>;
  /** The channels main registered with ipcMain.handle, in order. */
  handles: string[];
  /** The page in window `index` tries to go to `url` by navigating, a redirect, a webview, window.open. */
  navigate(index: number, url: string): Promise<Navigation>;
  /** The user closes window `index`. */
  closeWindow(index: number): void;
  /** The user starts the app again while window `index` is minimized (the second-instance event). */
  secondInstance(index: number): Promise<void>;
  /** The windows as they were when main quit for real (after before-quit). */
  windowsAtQuit: Promise<StandinWindow[]>;
  /** Main's certificate check (setCertificateVerifyProc) asked about `pem` from `hostname`; null: none set. */
  verify(hostname: string, pem: string): Promise<number | null>;
  /** The newest window's page fails to load (the host does not answer). */
  failLoad(): void;
  /** The message boxes main showed. */
  dialogs: { message: string; detail: string }[];
  /** The labels of the application menu main set, if any. */
  menus: string[][];
}

export interface StandinWindow {
  url: string | null;
  preload: string | null;
  destroyed: boolean;
  /** The BrowserWindow's `show` option: false for a window shown when ready, and the hidden print window. */
  show: boolean;
  /** Its webPreferences, but for the session. */
  webPreferences: Record<string, unknown>;
  /** Whether it was given a session of its own (the print window's). */
  ownSession: boolean;
  /** What main did to it: 'restore', 'focus'. */
  calls: string[];
}

export interface Navigation {
  /** Whether main's handler called preventDefault on each attempt. */
  refused: { navigate: boolean; redirect: boolean; webview: boolean };
  /** What the window-open handler answered ('deny', 'allow'); null: none set. */
  windowOpen: string | null;
}

export interface StandinOptions {
  userData: string;
  keychainKey: string;
  dialogChoice?: number;
  /** The installed app's folder (app.getAppPath()): the repository unless given. */
  appPath?: string;
  packaged?: boolean;
  /** Another instance already holds the single-instance lock. */
  lockHeld?: boolean;
  keychain?: 'available' | 'unavailable' | 'basic_text';
  /** More of main's environment (APPIMAGE, XDG_CACHE_HOME, STANDIN_RESOURCES_PATH for the updater). */
  env?: Record<string, string>;
}

type FromMain =
  | { kind: 'invoked'; id: number; result: Result<unknown> }
  | { kind: 'server-pid'; pid: number | null }
  | { kind: 'forked'; pid: number }
  | { kind: 'quitting'; windows: StandinWindow[] }
  | { kind: 'handle'; channel: string }
  | ({ kind: 'navigated' } & Navigation)
  | { kind: 'second-instance-handled' }
  | { kind: 'sent'; channel: string; args: unknown[] }
  | { kind: 'windows'; windows: StandinWindow[] }
  | { kind: 'verified'; verdict: number | null }
  | { kind: 'dialog'; message: string; detail: string }
  | { kind: 'menu'; labels: string[] };

/** Runs the bundled main under the stand-in `electron` (tests/support/electron-standin.cjs). */
export function startElectronMain(main: string, env: StandinOptions): ElectronMain {
  const child = fork(main, [], {
    execArgv: ['-r', resolve(__dirname, 'electron-standin.cjs')],
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      ...process.env,
      STANDIN_APP_PATH: env.appPath ?? ROOT,
      STANDIN_PACKAGED: env.packaged ? '1' : '0',
      STANDIN_LOCK_HELD: env.lockHeld ? '1' : '0',
      STANDIN_KEYCHAIN: env.keychain ?? 'available',
      STANDIN_USER_DATA: env.userData,
      STANDIN_KEYCHAIN_KEY: env.keychainKey,
      ...(env.dialogChoice === undefined ? {} : { STANDIN_DIALOG_CHOICE: String(env.dialogChoice) }),
      ...env.env,
    },
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const waiting = new Map<number, (result: Result<unknown>) => void>();
  const pidWaits: ((pid: number | null) => void)[] = [];
  const forks: number[] = [];
  const windowWaits: ((windows: StandinWindow[]) => void)[] = [];
  const verifyWaits: ((verdict: number | null) => void)[] = [];
  const dialogs: { message: string; detail: string }[] = [];
  const menus: string[][] = [];
  const sent: ElectronMain['sent'] = [];
  const handles: string[] = [];
  const navigationWaits: ((navigation: Navigation) => void)[] = [];
  const secondInstanceWaits: (() => void)[] = [];
  let quitWindows: (windows: StandinWindow[]) => void = () => undefined;
  const windowsAtQuit = new Promise<StandinWindow[]>((done) => (quitWindows = done));
  let nextId = 0;
  child.on('message', (message: FromMain) => {
    if (message.kind === 'invoked') waiting.get(message.id)?.(message.result);
    else if (message.kind === 'server-pid') pidWaits.shift()?.(message.pid);
    else if (message.kind === 'forked') forks.push(message.pid);
    else if (message.kind === 'windows') windowWaits.shift()?.(message.windows);
    else if (message.kind === 'verified') verifyWaits.shift()?.(message.verdict);
    else if (message.kind === 'dialog') dialogs.push({ message: message.message, detail: message.detail });
    else if (message.kind === 'menu') menus.push(message.labels);
    else if (message.kind === 'sent') sent.push({ channel: message.channel, args: message.args });
    else if (message.kind === 'handle') handles.push(message.channel);
    else if (message.kind === 'navigated') navigationWaits.shift()?.({ refused: message.refused, windowOpen: message.windowOpen });
    else if (message.kind === 'second-instance-handled') secondInstanceWaits.shift()?.();
    else if (message.kind === 'quitting') quitWindows(message.windows);
  });
  return {
    child,
    forks,
    sent,
    exited,
    output: () => out,
    handles,
    windowsAtQuit,
    navigate: (index, url) => new Promise((done) => (navigationWaits.push(done), child.send({ kind: 'navigate', window: index, url }))),
    closeWindow: (index) => child.send({ kind: 'close-window', window: index }),
    secondInstance: (index) => new Promise((done) => (secondInstanceWaits.push(done), child.send({ kind: 'second-instance', window: index }))),
    invoke: (name, payload = {}, handle = null, url = ownPage(env.appPath ?? ROOT)) =>
      new Promise((done) => {
        const id = nextId++;
        waiting.set(id, done);
        child.send({ kind: 'invoke', id, channel: CALL_CHANNEL, url, args: [name, payload, handle] });
      }),
    serverPid: () => new Promise((done) => (pidWaits.push(done), child.send({ kind: 'server-pid' }))),
    killNextCall: () => child.send({ kind: 'kill-next-call' }),
    quit: () => (child.send({ kind: 'quit' }), exited),
    windows: () => new Promise((done) => (windowWaits.push(done), child.send({ kind: 'windows' }))),
    verify: (hostname, pem) => new Promise((done) => (verifyWaits.push(done), child.send({ kind: 'verify', hostname, pem }))),
    failLoad: () => child.send({ kind: 'fail-load' }),
    dialogs,
    menus,
  };
}

/** What the first-run screen sends for a new archive of 万象广场运营部. */
export const SETUP = {
  siteName: '万象广场运营部',
  admin: { username: 'admin', displayName: '系统管理员', password: PASSWORD },
  passphrase: PASSPHRASE,
  passphraseConfirm: PASSPHRASE,
};

/** Sets the archive up through main and signs the admin in; returns the admin's handle. */
export async function setUpAsAdmin(app: ElectronMain): Promise<string> {
  expect(await app.invoke('app-setup', SETUP)).toMatchObject({ ok: true, value: { state: 'ready' } });
  const login = (await app.invoke('session-login', { username: 'admin', password: PASSWORD })) as { ok: true; value: { handle: string } };
  expect(login.ok).toBe(true);
  return login.value.handle;
}

/** A custodian made by the admin, signed in with their own password (the first sign-in asks for one). */
export async function signedInCustodian(app: ElectronMain, admin: string): Promise<string> {
  const account = { username: 'keeper', displayName: '保管员', role: 'custodian', password: INITIAL_PASSWORD };
  expect((await app.invoke('user-create', account, admin)).ok).toBe(true);
  const first = (await app.invoke('session-login', { username: 'keeper', password: INITIAL_PASSWORD })) as { ok: true; value: { handle: string } };
  const change = { current: INITIAL_PASSWORD, next: PASSWORD, nextConfirm: PASSWORD };
  expect((await app.invoke('session-change-password', change, first.value.handle)).ok).toBe(true);
  return first.value.handle;
}
