import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

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

export interface RunningShell {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts the built web shell (dist/web/main.cjs, made by `npm test`'s build step) on a fresh data folder. */
export function startShell(dataDir = join(mkdtempSync(join(tmpdir(), 'archive-desk-e2e-')), 'data')): Promise<RunningShell> {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'dist', 'web', 'main.cjs'), '--data', dataDir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`web shell did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolvePromise({
        url: match[1],
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

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
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
  const shell = await startShell();
  const browser = await launchChromium();
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
