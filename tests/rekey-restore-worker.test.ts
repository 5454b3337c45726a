import { existsSync, mkdirSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hasNextKey, readKeyWithProtector } from '../db/keyfile';
import { machineKeyProtector } from '../db/machine-key';
import type { JobAt, JobPhase } from '../electron/server/runtime/jobs';
import { incomingFile, journalFile, rekeyingFile } from '../electron/server/runtime-recovery';
import { tableCounts } from '../electron/server/services/backups';
import { PASSPHRASE, type TestApp } from './support/app';
import { createBox, createOwner, createSetUpApp, errorCode, validBoxInput } from './support/fixtures';

/**
 * Issue #22: a re-key and a restore do their whole-file work in a worker thread. The serving thread
 * answers reads meanwhile, refuses writes with WRITES_PAUSED (they would be lost in the swap), and
 * job-status says how far the job is. A job held at a step by the runtime's jobGate makes "while it
 * runs" a state the test is in; the timing test lets a job of several seconds run free.
 */
let holdAt: { job: JobAt['job']; phase: JobPhase } | null = null;
let reached: (at: JobAt) => void = () => undefined;
let release: () => void = () => undefined;
const jobGate = (at: JobAt) =>
  at.job !== holdAt?.job || at.phase !== holdAt.phase
    ? Promise.resolve()
    : new Promise<void>((resolve) => {
        holdAt = null;
        release = resolve;
        reached(at);
      });
const holdJobAt = (job: JobAt['job'], phase: JobPhase) => {
  holdAt = { job, phase };
  return new Promise<JobAt>((resolve) => (reached = resolve));
};

let app: TestApp;
let admin: string;
let custodian: string;
let boxId: number;
beforeEach(async () => {
  holdAt = null;
  app = await createSetUpApp({ jobGate });
  admin = await app.as('admin');
  custodian = await app.as('custodian');
  const ownerId = await createOwner(app, { name: '密钥任务期间的租户' });
  for (let i = 1; i <= 5; i++) boxId = (await createBox(app, { ownerId, volume: i, title: `任务期间 第${i}卷` })).id;
});
afterEach(() => {
  release();
  app.close();
});

const keyOf = () => readKeyWithProtector(app.runtime.files.keyFile, machineKeyProtector(join(app.dir, 'machine.key')))!;
const counts = () => tableCounts(app.runtime.requireDb().$client);
const rekey = () => app.ok('database-rekey', { passphrase: PASSPHRASE, confirm: true }, admin);
const writeRefused = async (job: string) =>
  expect(await app.call('box-create', validBoxInput({ title: '任务期间想登记的档案' }), custodian)).toEqual({
    ok: false,
    error: { code: 'WRITES_PAUSED', params: { job } },
  });

/** A backup of the archive as it is now, in a folder of the test's. */
async function backUp(): Promise<string> {
  const usb = join(app.dir, 'usb');
  mkdirSync(usb, { recursive: true });
  await app.ok('backup-settings-update', { folders: [usb], keep: 30, dailyAt: '18:00', onClose: false }, custodian);
  const [made] = await app.ok('backup-run', {}, custodian);
  return made!.file!;
}

describe('a re-key in its worker thread', () => {
  it('answers reads and refuses writes while it copies, reports its steps, then opens with the new key', async () => {
    const oldKey = keyOf();
    const file = await backUp();
    const before = counts();
    const atCopy = holdJobAt('rekey', 'copy');
    const job = rekey();
    await atCopy;
    expect((await app.ok('box-get', { id: boxId }, custodian)).box.title).toBe('任务期间 第5卷');
    await writeRefused('rekey');
    const copying = (await app.ok('job-status', {}, admin)).running!;
    expect(copying).toMatchObject({ job: 'rekey', phase: 'copy', doneBytes: 0 });
    expect(copying.totalBytes).toBeGreaterThan(100_000);
    const atVerify = holdJobAt('rekey', 'verify');
    release();
    await atVerify;
    expect((await app.ok('job-status', {}, admin)).running).toMatchObject({ job: 'rekey', phase: 'verify' });
    expect(errorCode(await app.call('backup-run', {}, custodian))).toBe('JOB_RUNNING');
    // Looking at a backup is no job: its check runs in a worker of its own, beside the re-key's.
    expect((await app.ok('backup-inspect', { file }, custodian)).sameKey).toBe(true);
    release();
    await job;
    expect(keyOf()).not.toBe(oldKey);
    expect(hasNextKey(app.runtime.files.keyFile)).toBe(false);
    expect(await app.ok('job-status', {}, admin)).toEqual({ running: null });
    // Writes are back, on the re-keyed file; nothing was lost or added by the job but its audit entry.
    await createBox(app, { title: '换密钥后登记的档案' });
    expect(counts().boxes).toBe(before.boxes! + 1);
    expect(existsSync(rekeyingFile(app.runtime.files.db))).toBe(false);
  });

  it('a copy that fails its check is removed: the archive, its key and its key file stay as they were, writes come back', async () => {
    const oldKey = keyOf();
    const before = counts();
    const atVerify = holdJobAt('rekey', 'verify');
    const job = app.call('database-rekey', { passphrase: PASSPHRASE, confirm: true }, admin);
    await atVerify;
    // The re-keyed copy damaged on disk before its check.
    truncateSync(rekeyingFile(app.runtime.files.db), 8192);
    release();
    expect(await job).toEqual({ ok: false, error: { code: 'JOB_VERIFY_FAILED', params: { job: 'rekey' } } });
    expect(keyOf()).toBe(oldKey);
    expect(hasNextKey(app.runtime.files.keyFile)).toBe(false);
    expect(existsSync(rekeyingFile(app.runtime.files.db))).toBe(false);
    expect(counts()).toEqual(before);
    await createBox(app, { title: '失败后照常登记' });
  });
});

describe('a restore in its worker thread', () => {
  it('checks and copies the backup while reads are answered and writes refused, then swaps it in', async () => {
    const file = await backUp();
    await createBox(app, { title: '备份之后登记的档案' });
    const atCheck = holdJobAt('restore', 'check');
    const job = app.ok('backup-restore', { file, confirm: true }, custodian);
    await atCheck;
    expect((await app.ok('job-status', {}, custodian)).running).toMatchObject({ job: 'restore', phase: 'check' });
    const atCopy = holdJobAt('restore', 'copy');
    release();
    await atCopy;
    expect((await app.ok('box-get', { id: boxId }, custodian)).box.title).toBe('任务期间 第5卷');
    await writeRefused('restore');
    const copying = (await app.ok('job-status', {}, custodian)).running!;
    expect(copying).toMatchObject({ job: 'restore', phase: 'copy' });
    expect(copying.totalBytes).toBeGreaterThan(100_000);
    release();
    await job;
    // The backup's content: the box registered after it is gone; everyone was signed out.
    expect(counts().boxes).toBe(5);
    expect(errorCode(await app.call('box-get', { id: boxId }, custodian))).toBe('NOT_SIGNED_IN');
    expect(existsSync(journalFile(app.runtime.files.db))).toBe(false);
  });

  it('a copy that fails its check is removed and the archive stays as it was, writes included', async () => {
    const file = await backUp();
    await createBox(app, { title: '备份之后登记的档案' });
    const before = counts();
    const atVerify = holdJobAt('restore', 'verify');
    const job = app.call('backup-restore', { file, confirm: true }, custodian);
    await atVerify;
    truncateSync(incomingFile(app.runtime.files.db), 8192);
    release();
    expect(await job).toEqual({ ok: false, error: { code: 'JOB_VERIFY_FAILED', params: { job: 'restore' } } });
    expect(counts()).toEqual(before);
    expect(existsSync(incomingFile(app.runtime.files.db))).toBe(false);
    expect(existsSync(journalFile(app.runtime.files.db))).toBe(false);
    await createBox(app, { title: '恢复失败后照常登记' });
  });
});

describe('the serving thread during a job of seconds', () => {
  /** Box searches, one after another, each timed, until the job settles. */
  async function searchesDuring(job: Promise<unknown>) {
    let done = false;
    const settled = job.finally(() => (done = true));
    const started = performance.now();
    const latencies: number[] = [];
    for (let n = 0; !done; n++) {
      const t = performance.now();
      const found = await app.ok('box-list', { query: n % 2 ? '任务期间' : '租户', limit: 50 }, custodian);
      latencies.push(performance.now() - t);
      expect(found.rows.length).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await settled;
    return { jobMs: performance.now() - started, latencies, worst: Math.max(...latencies) };
  }

  it('answers box searches within a fraction of the job, during a re-key and during a restore', async () => {
    // Ballast, so each job's copy and check take seconds.
    app.runtime
      .requireDb()
      .$client.exec(
        `CREATE TABLE ballast (b BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) INSERT INTO ballast SELECT randomblob(4000) FROM n;`,
      );
    const during = { rekey: await searchesDuring(rekey()) };
    const file = await backUp();
    const restored = await searchesDuring(app.ok('backup-restore', { file, confirm: true }, custodian));
    console.log(
      `box-list during a re-key of ${during.rekey.jobMs.toFixed(0)} ms: ${during.rekey.latencies.length} calls, worst ${during.rekey.worst.toFixed(1)} ms; ` +
        `during a restore of ${restored.jobMs.toFixed(0)} ms: ${restored.latencies.length} calls, worst ${restored.worst.toFixed(1)} ms`,
    );
    for (const figures of [during.rekey, restored]) {
      // Long enough that a job on the serving thread would show: a call held for most of it.
      expect(figures.jobMs).toBeGreaterThan(600);
      expect(figures.latencies.length).toBeGreaterThan(10);
      // On the serving thread the job would hold a call for its whole length; in its worker, a call waits a few ms.
      expect(figures.worst).toBeLessThan(Math.min(300, figures.jobMs / 2));
    }
    expect(counts().ballast).toBe(20000);
  }, 180_000);
});
