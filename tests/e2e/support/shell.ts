import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { seedArchiveInto } from '../../../scripts/seed-archive';

const ROOT = resolve(__dirname, '..', '..', '..');
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/**
 * The archive `npm run seed` makes (deterministic from seed 1) in `dataDir`, as a user's would be:
 * made in-process, so its keys and passwords take the test setup file's cheap KDF cost.
 */
export async function seedArchive(dataDir: string, boxes: number): Promise<void> {
  await seedArchiveInto({ dataDir, boxes, loans: boxes * 10, seed: 1 });
}

export interface RunningShell {
  /** Where the browser goes: the host's LAN address (https://127.0.0.2:…/) unless the loopback shell was asked for. */
  url: string;
  /** The loopback web shell's own address (http://127.0.0.1:…/#token=…). */
  loopbackUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** The address the e2e host serves on: not the browser's own (which connects from 127.0.0.1). */
export const LAN_ADDRESS = '127.0.0.2';

export interface ShellOptions {
  /** 'lan' (default): host mode on LAN_ADDRESS over TLS, the browser a desk on another address; 'loopback': the token-guarded loopback shell. */
  via?: 'lan' | 'loopback';
  /** The LAN port (default any free one): a host started again on its port, where its desks look for it. */
  lanPort?: number;
}

/**
 * Starts the built web shell (dist/web/main.cjs, made by `npm test`'s build step) on a fresh data
 * folder. By default every flow runs as a desk of the office would: over HTTPS to the host's LAN
 * address, from a different address, with no token in the URL.
 */
export function startShell(dataDir = join(mkdtempSync(join(tmpdir(), 'archive-desk-e2e-')), 'data'), options: ShellOptions = {}): Promise<RunningShell> {
  const lan = (options.via ?? 'lan') === 'lan';
  const args = [join(ROOT, 'dist', 'web', 'main.cjs'), '--data', dataDir, '--port', '0', ...(lan ? ['--lan', `${LAN_ADDRESS}:${options.lanPort ?? 0}`] : [])];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`web shell did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      const host = /Host: (https:\/\/\S+\/)/.exec(output);
      if (!match || (lan && !host)) return;
      clearTimeout(timer);
      resolvePromise({
        url: lan && host ? host[1] : match[1],
        loopbackUrl: match[1],
        dataDir,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web shell exited (${code}):\n${output}`)));
  });
}

export function removeData(shell: RunningShell): void {
  rmSync(resolve(shell.dataDir, '..'), { recursive: true, force: true });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * The SPKI hash Chromium's --ignore-certificate-errors-spki-list takes: a browser launched with it
 * trusts exactly this host's certificate (a desk that has checked the fingerprint once).
 */
export function hostSpki(shell: RunningShell): string {
  const cert = new X509Certificate(readFileSync(join(shell.dataDir, 'host-cert.pem')));
  return createHash('sha256')
    .update(cert.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
}

/** A Chromium that trusts this host's self-signed certificate and no other. */
export function launchDesk(shell: RunningShell): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, `--ignore-certificate-errors-spki-list=${hostSpki(shell)}`] });
}

/**
 * A desk's page. Most tests launch their browser before the host made its certificate, so the
 * context accepts the self-signed one (the TLS is real; tests/e2e/desks.test.ts pins it strictly).
 * The desk's system asks for reduced motion: the flows are the same without antd's animations,
 * which cost a headless Chromium a fifth of its time (the accessibility and desks files keep them).
 */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', ignoreHTTPSErrors: true, reducedMotion: 'reduce' });
  return context.newPage();
}

export interface E2eApp {
  shell: RunningShell;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** A fresh web shell on its own data folder and a Chromium page on it; close() removes both. */
export async function openApp(): Promise<E2eApp> {
  const [shell, browser] = await Promise.all([startShell(), launchChromium()]);
  const page = await newPage(browser);
  page.setDefaultTimeout(10_000);
  return {
    shell,
    browser,
    page,
    close: async () => {
      await browser.close();
      await shell.stop();
      removeData(shell);
    },
  };
}
