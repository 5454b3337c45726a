import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { verifyChain } from '../../electron/server/services/audit-log';
import type { TestApp } from '../support/app';
import { createBox, createSetUpApp } from '../support/fixtures';
import { mountSmallDisk, type SmallDisk } from '../support/small-disk';

/**
 * Issue #7's bad input: the backup disk fills up half-way through a copy. A real small disk (a
 * tmpfs, see mountSmallDisk) with room for one backup and the probe, not for a second backup.
 */
let app: TestApp;
let small: SmallDisk | undefined;
beforeEach(async () => {
  app = await createSetUpApp();
});
afterEach(() => {
  try {
    small?.release();
  } finally {
    small = undefined;
    app.close();
  }
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('a full backup disk', () => {
  it('says BACKUP_DISK_FULL, leaves no partial file, keeps the older backup and the live archive as they were', async () => {
    const custodian = await app.as('custodian');
    await createBox(app, { title: '满盘之前的档案' });
    const dbBytes = statSync(app.runtime.files.db).size;
    // Room for one copy and a half: the first backup fits, the second runs out of space mid-copy.
    const size = Math.ceil((dbBytes * 1.5) / 4096) * 4096;
    small = mountSmallDisk(join(app.dir, 'small-usb'), size);
    const disk = small.path;
    await app.ok('backup-settings-update', { folders: [disk], keep: 30, dailyAt: '18:00', onClose: true }, custodian);

    const first = await app.ok('backup-run', {}, custodian);
    expect(first.map((r) => [r.ok, r.error])).toEqual([[true, null]]);
    const older = readdirSync(disk).sort();
    expect(older).toHaveLength(2); // the backup and its manifest
    const olderSums = older.map((n) => sha(join(disk, n)));

    const second = await app.ok('backup-run', {}, custodian);
    const failed = { folder: disk, ok: false, file: null, error: 'BACKUP_DISK_FULL', cleanedUp: { files: [], bytes: 0 } };
    expect(second).toEqual([failed]);
    // No partial copy, no probe, no manifest of a backup that was not made; the older one untouched.
    expect(readdirSync(disk).sort()).toEqual(older);
    expect(older.map((n) => sha(join(disk, n)))).toEqual(olderSums);

    const overview = await app.ok('backup-overview', {}, custodian);
    expect(overview.folders).toEqual([
      { folder: disk, lastGood: { at: expect.any(String), file: first[0]!.file }, lastError: { at: expect.any(String), code: 'BACKUP_DISK_FULL' } },
    ]);

    // The live archive is whole and goes on taking work.
    const db = app.runtime.requireDb();
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyChain(db).intact).toBe(true);
    await createBox(app, { title: '满盘之后的档案' });
    expect(db.$client.prepare('SELECT title FROM boxes ORDER BY id').pluck().all()).toEqual(['满盘之前的档案', '满盘之后的档案']);
    const last = db.$client.prepare(`SELECT changes FROM audit_log WHERE action = 'backup-create' ORDER BY seq DESC LIMIT 1`).pluck().get() as string;
    expect(JSON.parse(last).after.results).toEqual([failed]);
  });
});
