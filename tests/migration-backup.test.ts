import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import { machineKeyProtector } from '../db/machine-key';
import type { AppStatus } from '../electron/core/contract/app';
import { Runtime } from '../electron/server/runtime';
import { BEFORE_UPDATE_FOLDER } from '../electron/server/runtime/migration-backup';
import { auditLog } from '../db/schema';
import { readManifest, tableCounts } from '../electron/server/services/backups';
import { MIGRATIONS, PASSPHRASE, PASSWORD } from './support/app';
import { migrationsBefore } from './support/migrations';

const OLD = '0009_loan_copies';
let dir: string;

/** A Runtime as a given version of the app runs it: its migration set, its data folder. */
const runtimeOf = (migrationsFolder: string, dataDir = join(dir, 'data')) =>
  new Runtime({ dataDir, protector: machineKeyProtector(join(dir, 'machine.key')), migrationsFolder });

/** The archive the previous version (without migration 0009) made: set up, with a clerk's account. */
async function previousVersionArchive(): Promise<{ keyHex: string; file: string; counts: Record<string, number> }> {
  const old = runtimeOf(migrationsBefore(OLD, join(dir, 'old-migrations')));
  old.start();
  await old.setup({
    siteName: '万象广场运营部',
    admin: { username: 'admin', displayName: '系统管理员', password: PASSWORD },
    passphrase: PASSPHRASE,
    passphraseConfirm: PASSPHRASE,
  });
  const { file, keyHex } = old.chainSource();
  const counts = tableCounts(old.requireDb().$client);
  old.close();
  if (!keyHex) throw new Error('the archive is encrypted: it has a key');
  return { file, keyHex, counts };
}

const tablesOf = (file: string, keyHex: string) => {
  const db = openDatabase(file, { keyHex, migrationsFolder: MIGRATIONS, readonly: true });
  try {
    return db.$client.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
  } finally {
    db.$client.close();
  }
};

/** The journal stamp of the last migration the previous version had. */
const lastStampBefore = (tag: string) => {
  const { entries } = JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
  return entries[entries.findIndex((e) => e.tag === tag) - 1].when;
};

const backupsIn = (folder: string) => readdirSync(folder).filter((n) => n.endsWith('.db'));

describe('an update whose migration changes the archive', () => {
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('backs the archive up and verifies the copy before migrating, and the audit log names the copy', async () => {
    dir = mkdtempSync(join(tmpdir(), 'archive-desk-update-'));
    const before = await previousVersionArchive();
    expect(tablesOf(before.file, before.keyHex)).not.toContain('loan_copies');

    const updated = runtimeOf(MIGRATIONS);
    expect(updated.start().state).toBe('ready');
    expect(tablesOf(before.file, before.keyHex)).toContain('loan_copies');

    const folder = join(dir, 'data', BEFORE_UPDATE_FOLDER);
    const [name] = backupsIn(folder);
    const copy = join(folder, name);
    // The copy is the archive as the previous version left it: its tables, its rows, its migration.
    expect(tablesOf(copy, before.keyHex)).not.toContain('loan_copies');
    const manifest = readManifest(copy);
    expect(manifest.counts).toEqual(before.counts);
    expect(manifest.migration).toBe(lastStampBefore(OLD));
    const entry = updated
      .requireDb()
      .select()
      .from(auditLog)
      .all()
      .find((e) => e.action === 'backup-create');
    expect(JSON.parse(entry?.changes ?? '{}').after).toMatchObject({ beforeMigration: true, file: copy, migration: manifest.migration });
    updated.close();

    // Opening the up-to-date archive again makes no second copy.
    const again = runtimeOf(MIGRATIONS);
    expect(again.start().state).toBe('ready');
    again.close();
    expect(backupsIn(folder)).toEqual([name]);

    // The way back: the previous version refuses the migrated archive, and takes the copy with the passphrase.
    const previous = migrationsBefore(OLD, join(dir, 'old-again'));
    const refused = runtimeOf(previous).start();
    expect(refused.fault?.code).toBe('DB_TOO_NEW');
    const back = runtimeOf(previous, join(dir, 'back'));
    back.start();
    expect((await back.restoreAtSetup(copy, PASSPHRASE)).state).toBe('ready');
    expect(tableCounts(back.requireDb().$client)).toEqual(before.counts);
    back.close();
  });

  it('does not migrate when that backup cannot be made, says why, and migrates once it can', async () => {
    dir = mkdtempSync(join(tmpdir(), 'archive-desk-update-'));
    const before = await previousVersionArchive();
    // A file where the backup folder goes: the copy cannot be written there.
    const blocker = join(dir, 'data', BEFORE_UPDATE_FOLDER);
    writeFileSync(blocker, 'not a folder');

    const updated = runtimeOf(MIGRATIONS);
    const status: AppStatus = updated.start();
    expect(status.state).toBe('fault');
    expect(status.fault).toMatchObject({ code: 'MIGRATION_BACKUP_FAILED', params: { folder: blocker } });
    expect(tablesOf(before.file, before.keyHex)).not.toContain('loan_copies');

    rmSync(blocker);
    mkdirSync(blocker);
    expect(updated.refresh().state).toBe('ready');
    expect(backupsIn(blocker)).toHaveLength(1);
    expect(tablesOf(before.file, before.keyHex)).toContain('loan_copies');
    updated.close();
  });
});
