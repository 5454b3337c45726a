import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { readKeyWithProtector } from '../db/keyfile';
import { machineKeyProtector } from '../db/machine-key';
import type { JobAt } from '../electron/server/runtime/jobs';
import type { BackupStand } from '../electron/server/services/backup-job';
import { checkBackupFile } from '../electron/server/services/backups';
import { MIGRATIONS, PASSPHRASE, type TestApp } from './support/app';
import { createBox, createOwner, createSetUpApp, errorCode } from './support/fixtures';

/**
 * Issue #22: a backup is made and checked in a worker thread, so every other call is answered
 * while it runs. The test holds the worker between its steps (the runtime's jobGate), so "while
 * it runs" is a state the test is in, not a race it hopes to win.
 */
type Step = BackupStand['step']['step'];
let holdAt: Step | null = null;
let reached: (stand: BackupStand) => void = () => undefined;
let release: () => void = () => undefined;
const jobGate = (at: JobAt) =>
  at.phase !== holdAt
    ? Promise.resolve()
    : new Promise<void>((resolve) => {
        holdAt = null;
        release = resolve;
        reached(at.stand!);
      });
/** The next time the backup reaches `step`, it waits there until release(). */
const holdBackupAt = (step: Step) => {
  holdAt = step;
  return new Promise<BackupStand>((resolve) => (reached = resolve));
};

let app: TestApp;
let usb: string;
let custodian: string;
let boxId: number;
beforeEach(async () => {
  holdAt = null;
  app = await createSetUpApp({ jobGate });
  usb = join(app.dir, 'usb');
  mkdirSync(usb);
  custodian = await app.as('custodian');
  const ownerId = await createOwner(app, { name: '备份期间的租户' });
  for (let i = 1; i <= 30; i++) boxId = (await createBox(app, { ownerId, volume: i, title: `备份期间 第${i}卷` })).id;
  await app.ok('backup-settings-update', { folders: [usb], keep: 30, dailyAt: '18:00', onClose: false }, custodian);
});
afterEach(() => {
  release();
  app.close();
});

const keyOf = () => readKeyWithProtector(app.runtime.files.keyFile, machineKeyProtector(join(app.dir, 'machine.key')))!;
const settledFlag = (p: Promise<unknown>) => {
  const state = { settled: false };
  void p.finally(() => (state.settled = true));
  return state;
};

describe('a backup in its worker thread', () => {
  it('makes a copy that opens with the key and passes the check, the full integrity check too', async () => {
    const [made] = await app.ok('backup-run', {}, custodian);
    expect(made).toMatchObject({ folder: usb, ok: true, error: null });
    const opened = checkBackupFile(made!.file!, keyOf(), { migrationsFolder: MIGRATIONS });
    expect(opened.counts.boxes).toBe(30);
    const copy = openDatabase(made!.file!, { keyHex: keyOf(), migrationsFolder: MIGRATIONS, readonly: true });
    try {
      expect(copy.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.$client.close();
    }
    expect((await app.ok('backup-overview', {}, custodian)).folders[0]!.lastGood?.file).toBe(made!.file);
    expect(await app.ok('job-status', {}, custodian)).toEqual({ running: null });
  });

  it('answers other calls while it runs, and refuses a second long job with JOB_RUNNING', async () => {
    const atCheck = holdBackupAt('verify');
    const backup = app.ok('backup-run', {}, custodian);
    const backupState = settledFlag(backup);
    await atCheck;
    // The copy is made, not yet checked: the backup is under way, and the archive answers.
    const box = await app.ok('box-get', { id: boxId }, custodian);
    expect(box.box.title).toBe('备份期间 第30卷');
    await createBox(app, { title: '备份进行中登记的档案' });
    expect(backupState.settled).toBe(false);
    expect(errorCode(await app.call('backup-run', {}, custodian))).toBe('JOB_RUNNING');
    const admin = await app.as('admin');
    const refused = await app.call('database-rekey', { passphrase: PASSPHRASE, confirm: true }, admin);
    expect(refused).toEqual({ ok: false, error: { code: 'JOB_RUNNING', params: { job: 'backup' } } });
    release();
    const [made] = await backup;
    expect(made!.ok).toBe(true);
    // The copy is the snapshot taken when it began: the box registered during the check is not in it.
    expect(checkBackupFile(made!.file!, keyOf(), { migrationsFolder: MIGRATIONS }).counts.boxes).toBe(30);
    expect(await app.ok('job-status', {}, custodian)).toEqual({ running: null });
  });

  it('reports its phase and the bytes copied, which reach the whole copy before the check', async () => {
    const atCopy = holdBackupAt('copy');
    const backup = app.ok('backup-run', {}, custodian);
    await atCopy;
    const copying = (await app.ok('job-status', {}, custodian)).running!;
    expect(copying).toMatchObject({ job: 'backup', phase: 'copy', folder: usb, folderIndex: 0, folderCount: 1, doneBytes: 0 });
    expect(copying.totalBytes).toBeGreaterThan(100_000);
    const atCheck = holdBackupAt('verify');
    release();
    await atCheck;
    const checking = (await app.ok('job-status', {}, custodian)).running!;
    expect(checking).toMatchObject({ job: 'backup', phase: 'verify', folder: usb });
    expect(checking.doneBytes).toBe(checking.totalBytes);
    expect(checking.doneBytes).toBeGreaterThan(100_000);
    release();
    const [made] = await backup;
    expect(statSync(made!.file!).size).toBe(checking.totalBytes);
  });

  it('a backup folder deleted during the copy comes back as BACKUP_FOLDER_MISSING, recorded, nothing left behind', async () => {
    const atCopy = holdBackupAt('copy');
    const backup = app.ok('backup-run', {}, custodian);
    await atCopy;
    rmSync(usb, { recursive: true });
    release();
    expect(await backup).toEqual([{ folder: usb, ok: false, file: null, error: 'BACKUP_FOLDER_MISSING', cleanedUp: { files: [], bytes: 0 } }]);
    expect((await app.ok('backup-overview', {}, custodian)).folders[0]!.lastError?.code).toBe('BACKUP_FOLDER_MISSING');
    // The archive goes on, and the next backup into the folder put back works.
    mkdirSync(usb);
    const [again] = await app.ok('backup-run', {}, custodian);
    expect(again!.ok).toBe(true);
    expect(readdirSync(usb).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('a backup the app closes on is stopped and leaves no temporary file', async () => {
    const atCopy = holdBackupAt('copy');
    const backup = app.ok('backup-run', {}, custodian).catch((err: Error) => err);
    const stand = await atCopy;
    app.runtime.close();
    expect(await backup).toBeInstanceOf(Error);
    expect(readdirSync(usb)).toEqual([]);
    expect(stand.step.tmp.startsWith(usb)).toBe(true);
  });
});
