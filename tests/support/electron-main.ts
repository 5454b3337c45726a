import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { CALL_CHANNEL } from '../../electron/shells/electron/channel';
import type { Result } from '../../electron/core/contract/errors';

export const ROOT = resolve(__dirname, '..', '..');
/** The page main accepts calls from (isOwnFrame in electron/shells/electron/window.ts, which needs `electron` to load). */
export const OWN_PAGE = pathToFileURL(resolve(ROOT, 'dist', 'renderer', 'index.html')).href;

/**
 * Builds Electron main, the server process entry and the audit-chain worker as
 * scripts/build-node.mjs does, into dist/<folder>/, and returns main's path.
 */
export async function buildElectronMain(folder: string): Promise<string> {
  const dir = resolve(ROOT, 'dist', folder);
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    external: ['electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'playwright-core'],
  };
  const withWorker: BuildOptions = {
    ...common,
    define: { AUDIT_CHAIN_WORKER_BUNDLE: JSON.stringify('audit-chain-worker.cjs') },
    logOverride: { 'empty-import-meta': 'silent' },
  };
  await Promise.all([
    build({ ...common, entryPoints: [resolve(ROOT, 'electron/shells/electron/main.ts')], outfile: resolve(dir, 'main.cjs') }),
    build({ ...withWorker, entryPoints: [resolve(ROOT, 'electron/shells/server/main.ts')], outfile: resolve(dir, 'server.cjs') }),
    build({ ...withWorker, entryPoints: [resolve(ROOT, 'electron/server/services/audit-chain-worker.ts')], outfile: resolve(dir, 'audit-chain-worker.cjs') }),
  ]);
  return resolve(dir, 'main.cjs');
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
}

type FromMain =
  | { kind: 'invoked'; id: number; result: Result<unknown> }
  | { kind: 'server-pid'; pid: number | null }
  | { kind: 'forked'; pid: number }
  | { kind: 'quitting' }
  | { kind: 'sent'; channel: string; args: unknown[] }
  | { kind: 'windows'; windows: StandinWindow[] }
  | { kind: 'verified'; verdict: number | null }
  | { kind: 'dialog'; message: string; detail: string }
  | { kind: 'menu'; labels: string[] };

/** Runs the bundled main under the stand-in `electron` (tests/support/electron-standin.cjs). */
export function startElectronMain(main: string, env: { userData: string; keychainKey: string; dialogChoice?: number }): ElectronMain {
  const child = fork(main, [], {
    execArgv: ['-r', resolve(__dirname, 'electron-standin.cjs')],
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      ...process.env,
      STANDIN_APP_PATH: ROOT,
      STANDIN_USER_DATA: env.userData,
      STANDIN_KEYCHAIN_KEY: env.keychainKey,
      ...(env.dialogChoice === undefined ? {} : { STANDIN_DIALOG_CHOICE: String(env.dialogChoice) }),
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
  });
  return {
    child,
    forks,
    sent,
    exited,
    output: () => out,
    invoke: (name, payload = {}, handle = null, url = OWN_PAGE) =>
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
