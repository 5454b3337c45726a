// The archive `npm run seed` makes, as a function: the seed script runs it at the shipped KDF cost,
// the e2e tests in-process at their setup file's cheap one (no tsx start-up, no production scrypt).
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { machineKeyProtector } from '../db/machine-key';
import type { Role } from '../electron/core/enums';
import { dataPathsUnder } from '../electron/server/data-paths';
import { Runtime } from '../electron/server/runtime';
import { actorOf, createUser, getUser } from '../electron/server/services/users';
import { type BulkCounts, seedBulk } from './seed-bulk';

export const SEED_PASSWORD = 'Archive-Desk-2026';
export const SEED_PASSPHRASE = '档案前台示例恢复口令2026';

export interface SeedOptions {
  dataDir: string;
  boxes: number;
  loans: number;
  seed: number;
  progress?: (line: string) => void;
}

/** Replaces `dataDir` with a realistic encrypted archive: setup and the accounts through the app's own code, the decade of records through the bulk path. */
export async function seedArchiveInto(options: SeedOptions): Promise<BulkCounts> {
  const paths = dataPathsUnder(options.dataDir);
  rmSync(paths.dataDir, { recursive: true, force: true });
  rmSync(paths.machineKey, { force: true });
  const runtime = new Runtime({
    dataDir: paths.dataDir,
    protector: machineKeyProtector(paths.machineKey),
    migrationsFolder: fileURLToPath(new URL('../db/migrations', import.meta.url)),
  });
  runtime.start();
  try {
    await runtime.setup({
      siteName: '万象广场运营部',
      admin: { username: 'admin', displayName: '系统管理员', password: SEED_PASSWORD },
      passphrase: SEED_PASSPHRASE,
      passphraseConfirm: SEED_PASSPHRASE,
    });
    const db = runtime.requireDb();
    const admin = actorOf(getUser(db, 1));
    const staff: [string, string, Role][] = [
      ['custodian', '陈档案', 'custodian'],
      ['clerk', '李前台', 'clerk'],
      ['manager', '王经理', 'manager'],
      ['auditor', '赵审计', 'auditor'],
    ];
    for (const [username, displayName, role] of staff) await createUser(db, admin, { username, displayName, role, password: SEED_PASSWORD });
    const names = Object.fromEntries([1, 2, 3, 4, 5].map((id) => [id, getUser(db, id).displayName]));
    return seedBulk(db, {
      boxes: options.boxes,
      loans: options.loans,
      seed: options.seed,
      users: { custodian: 2, clerk: 3, manager: 4, auditor: 5 },
      names,
      progress: options.progress,
    });
  } finally {
    runtime.close();
  }
}
