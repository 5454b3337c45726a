import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { readKeyWithPassphrase, readKeyWithProtector } from '../db/keyfile';
import { machineKeyProtector } from '../db/machine-key';
import { Runtime } from '../electron/server/runtime';
import { chainHead, verifyChain } from '../electron/server/services/audit-log';
import { SYSTEM_ACTOR } from '../electron/server/services/actor';
import { backUpTo, checkBackupFile, pruneBackups, tableCounts, updateBackupSettings } from '../electron/server/services/backups';
import { createTestApp, MIGRATIONS, PASSPHRASE, type TestApp } from './support/app';
import { createBox, createOwner, createSetUpApp, errorCode, snapshot, thrownCode, validSettings } from './support/fixtures';

let app: TestApp;
beforeEach(async () => {
  app = await createSetUpApp();
});
afterEach(() => app.close());

const folder = (name: string) => {
  const dir = join(app.dir, name);
  mkdirSync(dir, { recursive: true });
  return dir;
};
const keyOf = (a: TestApp) => readKeyWithProtector(a.runtime.files.keyFile, machineKeyProtector(join(a.dir, 'machine.key')))!;
const restart = (a: TestApp, now?: () => Date) =>
  new Runtime({ dataDir: join(a.dir, 'data'), protector: machineKeyProtector(join(a.dir, 'machine.key')), migrationsFolder: MIGRATIONS, now });
/** The tables a user's work lives in, row for row (the audit log and settings grow with backups). */
const domain = (s: ReturnType<typeof snapshot>) => Object.fromEntries(Object.entries(s.tables).filter(([n]) => !['audit_log', 'settings'].includes(n)));

async function configure(folders: string[], keep = 30) {
  await app.ok('backup-settings-update', { folders, keep, dailyAt: '18:00', onClose: true }, await app.as('custodian'));
}

async function fill(n: number) {
  const ownerId = await createOwner(app, { name: `万象城租户${n}` });
  for (let i = 0; i < n; i++) await createBox(app, { ownerId, volume: i + 1, title: `租户档案 第${i + 1}卷` });
}

describe('backup', () => {
  it('copies a database another process keeps writing to, and the copy passes integrity_check', async () => {
    await fill(3);
    const db = app.runtime.requireDb();
    const child = spawn(process.execPath, [join(__dirname, 'support', 'backup-writer.cjs'), app.runtime.files.db, keyOf(app)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('writing') && resolve());
        child.on('exit', (code) => reject(new Error(`writer exited ${code}`)));
      });
      const dir = folder('usb');
      const made = [];
      for (let i = 0; i < 3; i++) made.push(backUpTo(db, dir, { ...app.runtime.backupContext(), now: () => new Date(Date.UTC(2026, 0, 1, 10, 0, i)) }));
      const probes = made.map((m) => m.manifest.counts.write_probe ?? 0);
      // The writer went on during the copies: each later copy holds more of its rows.
      expect(probes[2]).toBeGreaterThan(probes[0]!);
      for (const m of made) {
        const opened = checkBackupFile(m.file, keyOf(app), { migrationsFolder: MIGRATIONS });
        expect(opened.counts).toEqual(m.manifest.counts);
        expect(m.manifest.counts.boxes).toBe(3);
        // The backup's own check is quick_check; the copy also passes the full check with its index lookups.
        const full = openDatabase(m.file, { keyHex: keyOf(app), migrationsFolder: MIGRATIONS, readonly: true });
        expect(full.$client.pragma('integrity_check', { simple: true })).toBe('ok');
        full.$client.close();
      }
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);

  it('refuses a copy with one byte changed in any page, first, middle or last', async () => {
    await fill(40);
    const made = backUpTo(app.runtime.requireDb(), folder('usb'), app.runtime.backupContext());
    const bytes = readFileSync(made.file);
    const pages = bytes.length / 4096;
    expect(pages).toBeGreaterThan(20);
    for (const page of [1, Math.floor(pages / 2), pages - 1]) {
      const damaged = Buffer.from(bytes);
      damaged[page * 4096 + 1000] ^= 0x01;
      const file = join(app.dir, `damaged-${page}.db`);
      writeFileSync(file, damaged);
      expect(await thrownCode(() => checkBackupFile(file, keyOf(app), { migrationsFolder: MIGRATIONS }))).toBe('BACKUP_INVALID');
    }
    expect(checkBackupFile(made.file, keyOf(app), { migrationsFolder: MIGRATIONS }).counts.boxes).toBe(40);
  });

  it('backs up to two folders, records the last good backup, keeps the newest N and stays encrypted', async () => {
    await fill(2);
    const usb = folder('usb');
    const disk = folder('disk');
    await configure([usb, disk], 2);
    const custodian = await app.as('custodian');
    for (let i = 0; i < 3; i++) {
      const results = await app.ok('backup-run', {}, custodian);
      expect(results.map((r) => [r.folder, r.ok, r.error])).toEqual([
        [usb, true, null],
        [disk, true, null],
      ]);
    }
    const files = readdirSync(usb).sort();
    expect(files.filter((f) => f.endsWith('.db'))).toHaveLength(2);
    expect(files.filter((f) => f.endsWith('.db.json'))).toHaveLength(2);
    const overview = await app.ok('backup-overview', {}, custodian);
    expect(overview.folders.map((f) => [f.folder, f.lastGood !== null, f.lastError])).toEqual([
      [usb, true, null],
      [disk, true, null],
    ]);
    expect(overview.overdue).toBe(false);
    const listed = await app.ok('backup-list', { folder: usb }, custodian);
    expect(listed).toHaveLength(2);
    expect(listed[0]!.manifest.counts.boxes).toBe(2);
    expect(listed[0]!.manifest.audit.entries).toBeGreaterThan(0);
    expect(JSON.stringify(listed[0]!.manifest)).not.toContain('"protected"');
    const header = readFileSync(listed[0]!.file).subarray(0, 16).toString('latin1');
    expect(header).not.toBe('SQLite format 3\0');
    expect(await thrownCode(() => openDatabase(listed[0]!.file, { keyHex: 'ab'.repeat(32), migrationsFolder: MIGRATIONS, readonly: true }))).toBe('WRONG_KEY');
  });

  it('names a missing folder, a read-only one and no folder at all, and still backs up to the good one', async () => {
    const custodian = await app.as('custodian');
    expect(errorCode(await app.call('backup-run', {}, custodian))).toBe('BACKUP_NO_FOLDERS');
    const good = folder('disk');
    const missing = join(app.dir, 'unplugged-usb');
    await configure([missing, '/sys', good]);
    const results = await app.ok('backup-run', {}, custodian);
    expect(results.map((r) => [r.ok, r.error])).toEqual([
      [false, 'BACKUP_FOLDER_MISSING'],
      [false, 'BACKUP_FOLDER_READONLY'],
      [true, null],
    ]);
    const overview = await app.ok('backup-overview', {}, custodian);
    expect(overview.folders[0]!.lastError?.code).toBe('BACKUP_FOLDER_MISSING');
    expect(existsSync(missing)).toBe(false);
  });

  it('warns when no good backup was made for 7 days', async () => {
    await configure([folder('usb')]);
    const custodian = await app.as('custodian');
    expect((await app.ok('backup-overview', {}, custodian)).overdue).toBe(true);
    await app.ok('backup-run', {}, custodian);
    const db = app.runtime.requireDb();
    const { backupOverview } = await import('../electron/server/services/backups');
    expect(backupOverview(db, new Date(Date.now() + 6 * 86_400_000)).overdue).toBe(false);
    expect(backupOverview(db, new Date(Date.now() + 8 * 86_400_000)).overdue).toBe(true);
  });

  it('prunes only files the app named', () => {
    const dir = folder('mixed');
    for (const n of ['archive-desk-20260101-100000.db', 'archive-desk-20260102-100000.db', 'archive-desk-20260103-100000.db', 'notes.db']) {
      writeFileSync(join(dir, n), 'x');
      writeFileSync(join(dir, `${n}.json`), '{}');
    }
    expect(pruneBackups(dir, 1)).toEqual(['archive-desk-20260101-100000.db', 'archive-desk-20260102-100000.db']);
    expect(readdirSync(dir).sort()).toEqual(['archive-desk-20260103-100000.db', 'archive-desk-20260103-100000.db.json', 'notes.db', 'notes.db.json']);
  });
});

describe('restore', () => {
  it('gives back the rows of the backup and sets the current database aside', async () => {
    await fill(3);
    const usb = folder('usb');
    await configure([usb]);
    const custodian = await app.as('custodian');
    const before = snapshot(app.runtime.requireDb());
    const [made] = await app.ok('backup-run', {}, custodian);
    await fill(2);
    expect(domain(snapshot(app.runtime.requireDb()))).not.toEqual(domain(before));

    const seen = await app.ok('backup-inspect', { file: made!.file! }, custodian);
    expect(seen.sameKey).toBe(true);
    expect(seen.manifest.counts.boxes).toBe(3);
    await app.ok('backup-restore', { file: made!.file!, confirm: true }, custodian);

    const db = app.runtime.requireDb();
    expect(domain(snapshot(db))).toEqual(domain(before));
    // The restored chain is the backup's, plus the restore itself.
    const verified = verifyChain(db);
    expect(verified.intact).toBe(true);
    expect(verified.entries).toBe(seen.manifest.audit.entries + 1);
    expect(readdirSync(join(app.dir, 'data')).some((f) => f.startsWith('archive.db.before-restore-'))).toBe(true);
    // Everyone signs in again after a restore.
    expect(errorCode(await app.call('backup-overview', {}, custodian))).toBe('NOT_SIGNED_IN');
    const again = restart(app);
    expect(again.start().state).toBe('ready');
    again.close();
  });

  it('refuses a truncated or foreign file with a clear error and keeps the archive as it was', async () => {
    await fill(1);
    const usb = folder('usb');
    await configure([usb]);
    const custodian = await app.as('custodian');
    const [made] = await app.ok('backup-run', {}, custodian);
    const before = snapshot(app.runtime.requireDb());

    const truncated = join(usb, 'archive-desk-20250101-000000.db');
    writeFileSync(truncated, readFileSync(made!.file!));
    writeFileSync(`${truncated}.json`, readFileSync(`${made!.file!}.json`));
    truncateSync(truncated, 8192);
    expect(errorCode(await app.call('backup-restore', { file: truncated, confirm: true }, custodian))).toBe('BACKUP_INVALID');

    const foreign = join(usb, 'photo.db');
    writeFileSync(foreign, Buffer.alloc(65536, 7));
    expect(errorCode(await app.call('backup-restore', { file: foreign, confirm: true }, custodian))).toBe('BACKUP_INVALID');
    // With a manifest beside it, random bytes look like another key's backup until the passphrase opens it.
    writeFileSync(`${foreign}.json`, readFileSync(`${made!.file!}.json`));
    expect((await app.ok('backup-inspect', { file: foreign }, custodian)).sameKey).toBe(false);
    expect(errorCode(await app.call('backup-restore', { file: foreign, passphrase: PASSPHRASE, confirm: true }, custodian))).toBe('BACKUP_INVALID');

    expect(snapshot(app.runtime.requireDb())).toEqual(before);
  });

  it('opens a backup from another install with the passphrase it was made under, and re-keys it to this install', async () => {
    await fill(2);
    const usb = folder('usb');
    await configure([usb]);
    const [made] = await app.ok('backup-run', {}, await app.as('custodian'));
    const source = domain(snapshot(app.runtime.requireDb()));

    const other = await createTestApp();
    try {
      const handle = await other.as('custodian');
      expect((await other.ok('backup-inspect', { file: made!.file! }, handle)).sameKey).toBe(false);
      expect(errorCode(await other.call('backup-restore', { file: made!.file!, confirm: true }, handle))).toBe('BACKUP_NEEDS_PASSPHRASE');
      expect(errorCode(await other.call('backup-restore', { file: made!.file!, passphrase: '不是这个口令-wrong', confirm: true }, handle))).toBe(
        'WRONG_PASSPHRASE',
      );
      await other.ok('backup-restore', { file: made!.file!, passphrase: PASSPHRASE, confirm: true }, handle);
      expect(domain(snapshot(other.runtime.requireDb()))).toEqual(source);
      other.runtime.close();
      // The other install's own key file still opens it: no passphrase on the next start.
      const again = restart(other);
      expect(again.start().state).toBe('ready');
      again.close();
    } finally {
      other.close();
    }
  }, 60_000);

  it('sets up a new PC from a backup and its passphrase', async () => {
    await fill(2);
    const usb = folder('usb');
    await configure([usb]);
    const [made] = await app.ok('backup-run', {}, await app.as('custodian'));
    const source = domain(snapshot(app.runtime.requireDb()));

    const fresh = await createTestApp({ setup: false });
    try {
      expect(errorCode(await fresh.call('app-restore', { file: made!.file!, passphrase: '不是这个口令-wrong' }))).toBe('WRONG_PASSPHRASE');
      expect(fresh.runtime.status().state).toBe('setup');
      await fresh.ok('app-restore', { file: made!.file!, passphrase: PASSPHRASE });
      expect(fresh.runtime.status().state).toBe('ready');
      expect(domain(snapshot(fresh.runtime.requireDb()))).toEqual(source);
      fresh.runtime.close();
      const again = restart(fresh);
      expect(again.start().state).toBe('ready');
      again.close();
      // The recovery passphrase of the source opens the new install too.
      expect(await readKeyWithPassphrase(fresh.runtime.files.keyFile, PASSPHRASE)).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      fresh.close();
    }
  }, 60_000);
});

describe('schedule', () => {
  it('backs up daily after the set time, once, and on close when none was made today', async () => {
    const usb = folder('usb');
    const custodian = await app.as('custodian');
    await app.ok('backup-settings-update', { folders: [usb], keep: 30, dailyAt: '18:00', onClose: false }, custodian);
    app.runtime.close();
    expect(readdirSync(usb)).toEqual([]);
    let now = new Date(2030, 0, 10, 17, 59);
    const runtime = restart(app, () => now);
    expect(runtime.start().state).toBe('ready');
    expect(await runtime.scheduledBackup()).toBe(false);
    now = new Date(2030, 0, 10, 18, 1);
    expect(await runtime.scheduledBackup()).toBe(true);
    expect(await runtime.scheduledBackup()).toBe(false);
    updateBackupSettings(runtime.requireDb(), SYSTEM_ACTOR, { folders: [usb], keep: 30, dailyAt: '18:00', onClose: true });
    // Next morning, before the daily time: nothing yet; closing the app makes the day's backup.
    now = new Date(2030, 0, 11, 9, 0);
    expect(await runtime.scheduledBackup()).toBe(false);
    runtime.close();
    expect(readdirSync(usb).filter((f) => f.endsWith('.db'))).toEqual(['archive-desk-20300110-180100.db', 'archive-desk-20300111-090000.db']);
  });
});

describe('keys', () => {
  const tableCountsOf = (a: TestApp) => tableCounts(a.runtime.requireDb().$client);

  it('re-keys: the old key no longer opens the database, the app still starts', async () => {
    await fill(2);
    const counts = tableCountsOf(app);
    const oldKey = keyOf(app);
    const admin = await app.as('admin');
    expect(errorCode(await app.call('database-rekey', { passphrase: '不是这个口令-wrong', confirm: true }, admin))).toBe('WRONG_PASSPHRASE');
    await app.ok('database-rekey', { passphrase: PASSPHRASE, confirm: true }, admin);
    app.runtime.close();
    expect(await thrownCode(() => openDatabase(app.runtime.files.db, { keyHex: oldKey, migrationsFolder: MIGRATIONS, readonly: true }))).toBe('WRONG_KEY');
    expect(keyOf(app)).not.toBe(oldKey);
    expect(await readKeyWithPassphrase(app.runtime.files.keyFile, PASSPHRASE)).toBe(keyOf(app));
    const again = restart(app);
    expect(again.start().state).toBe('ready');
    expect(tableCounts(again.requireDb().$client).boxes).toBe(counts.boxes);
    expect(chainHead(again.requireDb()).entries).toBe(counts.audit_log! + 1);
    again.close();
  }, 60_000);

  it('changes the recovery passphrase: the old one no longer unlocks', async () => {
    const admin = await app.as('admin');
    const next = '新的恢复口令-另一句完全不同的话';
    expect(errorCode(await app.call('passphrase-change', { current: '不是这个口令-wrong', next, nextConfirm: next }, admin))).toBe('WRONG_PASSPHRASE');
    await app.ok('passphrase-change', { current: PASSPHRASE, next, nextConfirm: next }, admin);
    expect(await thrownCode(() => readKeyWithPassphrase(app.runtime.files.keyFile, PASSPHRASE))).toBe('WRONG_PASSPHRASE');
    expect(await readKeyWithPassphrase(app.runtime.files.keyFile, next)).toBe(keyOf(app));
  }, 60_000);

  it('keys and settings are the admin’s: a custodian is FORBIDDEN and nothing changes', async () => {
    const custodian = await app.as('custodian');
    const keyFileBefore = readFileSync(app.runtime.files.keyFile, 'utf8');
    const next = '新的恢复口令-另一句完全不同的话';
    expect(errorCode(await app.call('passphrase-change', { current: PASSPHRASE, next, nextConfirm: next }, custodian))).toBe('FORBIDDEN');
    expect(errorCode(await app.call('database-rekey', { passphrase: PASSPHRASE, confirm: true }, custodian))).toBe('FORBIDDEN');
    expect(errorCode(await app.call('settings-update', validSettings({ siteName: '保管员改的名字' }), custodian))).toBe('FORBIDDEN');
    expect(readFileSync(app.runtime.files.keyFile, 'utf8')).toBe(keyFileBefore);
    expect((await app.ok('settings-get', {}, custodian)).siteName).not.toBe('保管员改的名字');
  });
});
