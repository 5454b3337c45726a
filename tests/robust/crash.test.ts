import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/connection';
import { readKeyWithProtector } from '../../db/keyfile';
import { machineKeyProtector } from '../../db/machine-key';
import { dataFiles } from '../../electron/server/runtime';
import { verifyChain } from '../../electron/server/services/audit-log';
import { MIGRATIONS } from '../support/app';
import { childBundle } from '../support/child-bundle';
import { createSetUpApp } from '../support/fixtures';
import type { CommittedWrite } from './crash-child';

/**
 * Power cut in a bottle: a child process writes through the domain services and says which writes
 * committed; it is SIGKILLed at a random moment, again and again on the same archive. After every
 * kill the archive must open, pass SQLite's integrity check and the audit chain's verification,
 * and hold every write the child reported. CRASH_KILLS raises the count (npm run soak).
 */
const KILLS = Number(process.env.CRASH_KILLS ?? 50);
const LOAN_ORDER = ['requested', 'approved', 'out', 'returned'];

let workDir: string;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'archive-crash-'));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

interface Run {
  writes: CommittedWrite[];
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
  ready: boolean;
}

/** Starts the child and kills it `delayMs` after it is ready (or after the start, when early). */
function runAndKill(args: string[], delayMs: number, early: boolean): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [childBundle('crash-child'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    let ready = false;
    const kill = () => setTimeout(() => child.kill('SIGKILL'), delayMs);
    if (early) kill();
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!ready && out.startsWith('ready\n')) {
        ready = true;
        if (!early) kill();
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code, signal) => {
      // Only whole lines count: a line cut by the kill was never fully reported.
      const lines = out
        .split('\n')
        .slice(0, -1)
        .filter((l) => l !== 'ready');
      done({ writes: lines.map((l) => JSON.parse(l) as CommittedWrite), signal, code, stderr, ready });
    });
  });
}

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs at random moments with every committed write intact`, { timeout: 60_000 + KILLS * 3_000 }, async () => {
    const app = await createSetUpApp();
    const ids = await Promise.all(
      (['custodian', 'clerk', 'manager'] as const).map(async (role) => (await app.ok('session-current', {}, await app.as(role)))!.id),
    );
    app.runtime.close();
    const dataDir = join(app.dir, 'data');
    const machineKey = join(app.dir, 'machine.key');
    const files = dataFiles(dataDir);
    const keyHex = readKeyWithProtector(files.keyFile, machineKeyProtector(machineKey))!;

    const reported: CommittedWrite[] = [];
    let killedWriting = 0;
    try {
      for (let kill = 1; kill <= KILLS; kill += 1) {
        // One run in five is killed early, while it may still be opening the archive.
        const early = kill % 5 === 0;
        const run = await runAndKill(
          [dataDir, machineKey, MIGRATIONS, String(kill * 7919), ...ids.map(String)],
          Math.floor(Math.random() * (early ? 400 : 300)),
          early,
        );
        expect({ kill, signal: run.signal, stderr: run.stderr }).toEqual({ kill, signal: 'SIGKILL', stderr: '' });
        reported.push(...run.writes);
        if (run.writes.length > 0) killedWriting += 1;

        const db = openDatabase(files.db, { keyHex, migrationsFolder: MIGRATIONS });
        try {
          expect({ kill, integrity: db.$client.pragma('integrity_check', { simple: true }) }).toEqual({ kill, integrity: 'ok' });
          const chain = verifyChain(db);
          expect({ kill, intact: chain.intact }).toEqual({ kill, intact: true });
          const entryAt = db.$client.prepare('SELECT action, entity_id AS entityId, hash FROM audit_log WHERE seq = ?');
          for (const write of reported) {
            const entry = entryAt.get(write.seq) as { action: string; entityId: number; hash: string } | undefined;
            // The write's own audit entry, unchanged: every reported commit is still there.
            expect({ kill, write, hash: entry?.hash }).toEqual({ kill, write, hash: write.hash });
            if (write.op === 'box-create') {
              const box = db.$client.prepare('SELECT code FROM boxes WHERE id = ?').get(write.entityId) as { code: string } | undefined;
              expect({ kill, write, code: box?.code }).toEqual({ kill, write, code: write.code });
            }
            if (write.status) {
              const loan = db.$client.prepare('SELECT status FROM loans WHERE id = ?').get(write.entityId) as { status: string };
              // The loan is where the write left it, or further along.
              expect({ kill, write, behind: LOAN_ORDER.indexOf(loan.status) < LOAN_ORDER.indexOf(write.status) }).toEqual({ kill, write, behind: false });
            }
          }
        } finally {
          db.$client.close();
        }
      }
    } finally {
      app.close();
    }
    // Not vacuous: most kills hit a process in the middle of its writes, and all kinds were written.
    expect(killedWriting).toBeGreaterThan(KILLS / 3);
    expect(new Set(reported.map((w) => w.op))).toEqual(
      new Set(['box-create', 'box-move', 'box-document-add', 'loan-request', 'loan-approve', 'loan-hand-out', 'loan-return']),
    );
    console.info(`crash safety: ${KILLS} kills, ${reported.length} committed writes checked after each, ${killedWriting} kills mid-writing`);
  });
});
