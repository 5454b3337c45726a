import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../../db/connection';
import { readRecoveryBlob } from '../../../db/keyfile';
import { version as appVersion } from '../../../package.json';
import type { BackupFile } from '../../core/contract/backups';
import { AppError } from '../../core/contract/errors';
import { backUpTo, pruneBackups, removeStaleTemporaries } from '../services/backups';

/** Backups made before an update's migration: the way back to the previous version. */
export const BEFORE_UPDATE_FOLDER = 'before-update';
/** The last few updates' worth; older ones are of archives several versions back. */
const KEEP_BEFORE_UPDATE = 3;

export interface MigrationBackupOptions {
  dataDir: string;
  keyFile: string;
  keyHex: string;
  migrationsFolder: string;
  nativeBinding?: string;
  now: () => Date;
}

/**
 * A verified backup of the archive as the previous version left it, made just before this
 * version's migrations change it: copied, opened with the key, checked page by page and counted
 * like every backup (backUpTo), with its manifest and passphrase-wrapped key beside it. It goes to
 * the data folder's own disk, which is there even when no backup folder is set up or the USB
 * drive is out. Anything that stops it stops the migration: MIGRATION_BACKUP_FAILED, the archive
 * left as it was.
 */
export function backUpBeforeMigration(db: Db, options: MigrationBackupOptions): BackupFile {
  const folder = join(options.dataDir, BEFORE_UPDATE_FOLDER);
  try {
    mkdirSync(folder, { recursive: true });
    removeStaleTemporaries(folder);
    const made = backUpTo(db, folder, {
      keyHex: options.keyHex,
      recovery: readRecoveryBlob(options.keyFile),
      appVersion,
      migrationsFolder: options.migrationsFolder,
      nativeBinding: options.nativeBinding,
      now: options.now,
    });
    pruneBackups(folder, KEEP_BEFORE_UPDATE);
    return made;
  } catch (err) {
    const reason = err instanceof AppError ? err.code : ((err as { code?: string }).code ?? String(err));
    console.error('backup before migration failed; the archive is not migrated', err);
    throw new AppError('MIGRATION_BACKUP_FAILED', { params: { folder, reason } });
  }
}
