import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockFile } from '../electron/server/instance-lock';
import { childBundle } from './support/child-bundle';

const STARTS = 20;
let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'archive-lock-race-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** STARTS separate Node processes try the lock at the same moment; resolves with what each said. */
async function race(dataDir: string): Promise<string[]> {
  const children = Array.from({ length: STARTS }, () => spawn(process.execPath, [childBundle('lock-child'), dataDir], { stdio: ['pipe', 'pipe', 'inherit'] }));
  const outputs = children.map((child) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    return {
      child,
      ready: new Promise<void>((done) => child.stdout.on('data', () => out.includes('ready\n') && done())),
      exited: new Promise<string>((done) => child.on('exit', () => done(out))),
    };
  });
  await Promise.all(outputs.map((o) => o.ready));
  for (const { child } of outputs) child.stdin.end('go\n');
  return (await Promise.all(outputs.map((o) => o.exited))).map((out) => out.replace('ready\n', '').trim());
}

describe('twenty starts at once on one data folder with a stale lock', () => {
  it('exactly one of them takes the lock, round after round', { timeout: 180_000 }, async () => {
    const dataDir = join(work, 'data');
    mkdirSync(dataDir);
    // A process id no live process has: the app that held it died without cleaning up.
    writeFileSync(lockFile(dataDir), JSON.stringify({ pid: 2 ** 22 + 1 }));
    for (let round = 0; round < 3; round += 1) {
      // Each round after the first starts over the lock its winner left behind when it died.
      const said = await race(dataDir);
      expect(
        said.filter((s) => s === 'acquired'),
        `round ${round}: ${said.join(', ')}`,
      ).toHaveLength(1);
      expect(said.filter((s) => s.startsWith('refused'))).toHaveLength(STARTS - 1);
    }
  });
});
