import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './bench-data';

export interface BenchShell {
  /** The first match of `line` in what the shell printed (the address the bench goes to). */
  address: string;
  stop(): Promise<void>;
}

/** The built web shell (dist/web/main.cjs) on `dataDir`, once it has printed the line `line` captures. */
export function startBuiltShell(dataDir: string, extraArgs: string[], line: RegExp, timeoutMs: number): Promise<BenchShell> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'web', 'main.cjs'), '--data', dataDir, '--port', '0', ...extraArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the web shell did not start:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = line.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        address: match[1],
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`the web shell exited (${code}):\n${output}`))));
  });
}
