import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(__dirname, '..', '..');

/**
 * Builds the web shell from the current sources as `npm run build` does, into dist/<folder>/ (so it
 * finds db/migrations two folders up), and returns the bundle's path. The pages are not needed, only
 * a folder to serve them from.
 */
export async function buildWebShell(folder: string): Promise<string> {
  const outfile = resolve(ROOT, 'dist', folder, 'main.cjs');
  await build({
    entryPoints: [resolve(ROOT, 'electron/shells/web/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    logOverride: { 'empty-import-meta': 'silent' },
    define: { 'process.env.VITEST': 'undefined' },
    external: ['electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'playwright-core'],
  });
  mkdirSync(resolve(ROOT, 'dist', 'renderer'), { recursive: true });
  return outfile;
}

export interface WebProcess {
  child: ChildProcess;
  port: number;
  token: string;
  /** Everything the process printed so far. */
  output(): string;
  /** Null while the process runs, its exit code (or signal) once it has ended. */
  ended(): number | string | null;
  stop(): Promise<void>;
}

/** Starts the built shell and waits for its "Open:" line. */
export function startWebProcess(main: string, args: string[]): Promise<WebProcess> {
  const child = spawn(process.execPath, [main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let end: number | string | null = null;
  child.once('exit', (code, signal) => (end = code ?? signal ?? 'ended'));
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the web shell did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Open: http:\/\/127\.0\.0\.1:(\d+)\/#token=(\S+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      done({
        child,
        port: Number(match[1]),
        token: match[2],
        output: () => out,
        ended: () => end,
        stop: () =>
          new Promise<void>((stopped) => {
            if (end !== null) return stopped();
            child.once('exit', () => stopped());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => (clearTimeout(timer), fail(new Error(`the web shell exited (${code}):\n${out}`))));
  });
}

/** Runs the built shell to its end (for starts that must refuse), killing it if it outlives the timeout. */
export function runWebProcess(main: string, args: string[], timeoutMs = 30_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
  return new Promise((done) => child.once('exit', (code) => (clearTimeout(timer), done({ code, stdout, stderr }))));
}
