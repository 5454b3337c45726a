import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { readKeyWithProtector, stageNextKey } from '../db/keyfile';
import { machineKeyProtector } from '../db/machine-key';
import { Runtime } from '../electron/server/runtime';
import { asideName, incomingFile, journalFile, KEEP_BEFORE_RESTORE, parkLive, rekeyingFile, swapIn } from '../electron/server/runtime-recovery';
import { backUpTo, tableCounts } from '../electron/server/services/backups';
import { rekeyedCopy } from '../electron/server/services/rekey';
import { MIGRATIONS, PASSPHRASE, PASSWORD, type TestApp } from './support/app';
import { createBox, createOwner, createSetUpApp, errorCode, validOwnerInput } from './support/fixtures';

/**
 * The archive's files on disk across crashes and accidents: a database gone missing beside its
 * key file, a restore cut off between its renames, copies set aside by restores, and the data
 * folder deleted while the app runs.
 */
let app: TestApp;
let runtimes: Runtime[] = [];
beforeEach(async () => {
  app = await createSetUpApp();
  const ownerId = await createOwner(app);
  for (let i = 0; i < 3; i++) await createBox(app, { ownerId, volume: i + 1 });
});
afterEach(() => {
  for (const r of runtimes) r.close();
  runtimes = [];
  app.close();
});

const dataDir = () => join(app.dir, 'data');
const db = () => app.runtime.files.db;
const protector = () => machineKeyProtector(join(app.dir, 'machine.key'));
const restart = () => {
  const runtime = new Runtime({ dataDir: dataDir(), protector: protector(), migrationsFolder: MIGRATIONS });
  runtimes.push(runtime);
  return runtime;
};
const boxes = (r: Runtime) => tableCounts(r.requireDb().$client).boxes;
const lastAudit = (r: Runtime) => {
  const row = r.requireDb().$client.prepare('SELECT action, changes FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { action: string; changes: string };
  return { action: row.action, changes: JSON.parse(row.changes) as unknown };
};
const leftovers = () => readdirSync(dataDir()).filter((n) => /\.(restoring|rekeying)$|journal/.test(n));

/** A backup of the archive as it is now (3 boxes), in a folder beside the data folder. */
function backUp(): string {
  const folder = join(app.dir, 'usb');
  mkdirSync(folder, { recursive: true });
  return backUpTo(app.runtime.requireDb(), folder, app.runtime.backupContext()).file;
}

describe('a missing archive.db beside its key file', () => {
  it('is a DB_MISSING fault, never a new empty archive; setup is refused, a backup and its passphrase restore it', async () => {
    const file = backUp();
    app.runtime.close();
    rmSync(db());
    const runtime = restart();
    expect(runtime.start()).toMatchObject({ state: 'fault', fault: { code: 'DB_MISSING', params: { db: db() } } });
    expect(existsSync(db())).toBe(false);
    expect(runtime.refresh().fault?.code).toBe('DB_MISSING');
    expect(existsSync(db())).toBe(false);
    await expect(
      runtime.setup({
        siteName: '新站点',
        admin: { username: 'admin', displayName: '管理员', password: PASSWORD },
        passphrase: PASSPHRASE,
        passphraseConfirm: PASSPHRASE,
      }),
    ).rejects.toMatchObject({ code: 'DB_MISSING' });
    await expect(runtime.restoreAtSetup(file, '不是这个口令-wrong')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect(runtime.status().fault?.code).toBe('DB_MISSING');

    await runtime.restoreAtSetup(file, PASSPHRASE);
    expect(runtime.status().state).toBe('ready');
    expect(boxes(runtime)).toBe(3);
    expect(lastAudit(runtime)).toMatchObject({ action: 'backup-restore', changes: expect.anything() });
    runtime.close();
    // The key file it replaced is kept, and the next start opens the restored archive unasked.
    expect(readdirSync(dataDir()).some((n) => n.startsWith('archive.keys.json.before-restore-'))).toBe(true);
    const again = restart();
    expect(again.start().state).toBe('ready');
    expect(boxes(again)).toBe(3);
  });
});

describe('a restore cut off between its steps', () => {
  /** The restore's own steps up to the crash: the incoming copy staged, the runtime gone. */
  async function stageRestore(): Promise<{ file: string; aside: string }> {
    const file = backUp();
    await createBox(app, { ownerId: null, kind: 'personnel', volume: 9 });
    expect(boxes(app.runtime)).toBe(4);
    app.runtime.close();
    copyFileSync(file, incomingFile(db()));
    return { file, aside: asideName(db(), new Date()) };
  }

  it('after the copy was staged: the stray copy is removed and said so; the archive is as it was', async () => {
    await stageRestore();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const runtime = restart();
    expect(runtime.start().state).toBe('ready');
    expect(boxes(runtime)).toBe(4);
    expect(leftovers()).toEqual([]);
    expect(warn.mock.calls.flat().join('\n')).toContain(incomingFile(db()));
    warn.mockRestore();
  });

  it('after the live database was parked: it is put back, and the audit log says the restore was rolled back', async () => {
    const { file, aside } = await stageRestore();
    parkLive(db(), file, aside);
    expect(existsSync(db())).toBe(false);
    const runtime = restart();
    expect(runtime.start().state).toBe('ready');
    expect(boxes(runtime)).toBe(4);
    expect(lastAudit(runtime)).toMatchObject({
      action: 'backup-restore-recovered',
      changes: expect.objectContaining({ after: expect.objectContaining({ outcome: 'rolled-back', file }) }),
    });
    expect(leftovers()).toEqual([]);
    expect(existsSync(aside)).toBe(false);
  });

  it('after the copy was renamed in: the restore is completed, and the audit log says so', async () => {
    const { file, aside } = await stageRestore();
    parkLive(db(), file, aside);
    swapIn(db());
    const runtime = restart();
    expect(runtime.start().state).toBe('ready');
    expect(boxes(runtime)).toBe(3);
    expect(lastAudit(runtime)).toMatchObject({
      action: 'backup-restore-recovered',
      changes: expect.objectContaining({ after: expect.objectContaining({ outcome: 'completed', file, movedAsideTo: aside }) }),
    });
    expect(leftovers()).toEqual([]);
    expect(existsSync(aside)).toBe(true);
    expect(existsSync(journalFile(db()))).toBe(false);
  });

  it('after the copy was renamed in, but the copy does not open: the old database is put back, and the audit log says so', async () => {
    const { file, aside } = await stageRestore();
    writeFileSync(incomingFile(db()), Buffer.alloc(65536, 7));
    parkLive(db(), file, aside);
    swapIn(db());
    const runtime = restart();
    expect(runtime.start().state).toBe('ready');
    expect(boxes(runtime)).toBe(4);
    expect(lastAudit(runtime)).toMatchObject({
      action: 'backup-restore-recovered',
      changes: expect.objectContaining({ after: expect.objectContaining({ outcome: 'rolled-back' }) }),
    });
    expect(leftovers()).toEqual([]);
  });
});

describe('a re-key cut off between its steps', () => {
  const keyOf = () => readKeyWithProtector(app.runtime.files.keyFile, protector())!;
  async function stageRekey() {
    const oldKey = keyOf();
    app.runtime.close();
    const sqlite = openDatabase(db(), { keyHex: oldKey, migrationsFolder: MIGRATIONS }).$client;
    const next = await stageNextKey(app.runtime.files.keyFile, protector(), PASSPHRASE);
    await rekeyedCopy(sqlite, rekeyingFile(db()), oldKey, next);
    sqlite.close();
  }

  it('before the swap: rolled back, the copy removed, and the audit log says so', async () => {
    await stageRekey();
    const runtime = restart();
    expect(runtime.start().state).toBe('ready');
    expect(lastAudit(runtime)).toMatchObject({ action: 'database-rekey-recovered', changes: expect.objectContaining({ after: { outcome: 'rolled-back' } }) });
    expect(leftovers()).toEqual([]);
  });

  it('after the swap: completed with the staged key, and the audit log says so', async () => {
    await stageRekey();
    renameSync(rekeyingFile(db()), db());
    const runtime = restart();
    expect(runtime.start().state).toBe('ready');
    expect(lastAudit(runtime)).toMatchObject({ action: 'database-rekey-recovered', changes: expect.objectContaining({ after: { outcome: 'completed' } }) });
  });
});

describe('copies set aside by restores', () => {
  it(`keeps the newest ${KEEP_BEFORE_RESTORE}, deletes older ones, and the restore's audit entry says which`, async () => {
    const file = backUp();
    await app.as('custodian');
    const copies = () => readdirSync(dataDir()).filter((n) => n.startsWith('archive.db.before-restore-') && !/-(wal|shm)$/.test(n));
    const made: string[] = [];
    for (let i = 0; i < KEEP_BEFORE_RESTORE + 2; i++) {
      // Each restore signs everyone out.
      const { handle } = await app.ok('session-login', { username: 'custodian', password: PASSWORD });
      expect(errorCode(await app.call('backup-restore', { file, confirm: true }, handle))).toBe('ok');
      made.push(...copies().filter((n) => !made.includes(n)));
      expect(copies().length).toBeLessThanOrEqual(KEEP_BEFORE_RESTORE);
    }
    expect(made).toHaveLength(KEEP_BEFORE_RESTORE + 2);
    expect(copies().sort()).toEqual(made.slice(-KEEP_BEFORE_RESTORE).sort());
    const entry = lastAudit(app.runtime).changes as { after: { deletedCopies: string[]; keptCopies: number } };
    expect(entry.after.keptCopies).toBe(KEEP_BEFORE_RESTORE);
    expect(entry.after.deletedCopies.map((f) => f.split('/').pop())).toEqual([made[made.length - KEEP_BEFORE_RESTORE - 1]]);
  }, 60_000);
});

describe('the data folder deleted while the app runs', () => {
  it('the next call answers DATA_FOLDER_GONE, nothing more is written, and the start screen says so', async () => {
    const custodian = await app.as('custodian');
    const perCheck = (() => {
      const n = 20_000;
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < n; i++) app.runtime.requireDb();
      return Number(process.hrtime.bigint() - t0) / n / 1000;
    })();
    console.log(`file check per requireDb: ${perCheck.toFixed(2)} µs`);
    expect(perCheck).toBeLessThan(100);

    rmSync(dataDir(), { recursive: true, force: true });
    const write = await app.call('owner-create', validOwnerInput({ name: '新租户', unitNo: 'L2-009' }), custodian);
    expect(errorCode(write)).toBe('DATA_FOLDER_GONE');
    expect(errorCode(await app.call('backup-overview', {}, custodian))).toBe('DATA_FOLDER_GONE');
    expect(errorCode(await app.call('session-login', { username: 'admin', password: PASSWORD }))).toBe('DATA_FOLDER_GONE');
    expect(
      errorCode(
        await app.call('app-setup', {
          siteName: '新站点',
          admin: { username: 'admin', displayName: '管理员', password: PASSWORD },
          passphrase: PASSPHRASE,
          passphraseConfirm: PASSPHRASE,
        }),
      ),
    ).toBe('DATA_FOLDER_GONE');
    expect(await app.ok('app-status', {})).toMatchObject({ state: 'fault', fault: { code: 'DATA_FOLDER_GONE', params: { dataDir: dataDir() } } });
    app.runtime.close();
    expect(existsSync(dataDir())).toBe(false);
  });
});
