// `npm run seed -- --boxes 100000 [--loans 1000000] [--seed 1] [--data .data/seed]`: a realistic
// encrypted archive, deterministic from the seed number. Setup and the accounts go through the
// app's own code (so the app opens the result as its own); the decade of boxes, loans, custody
// (transfers, holds, destructions, inspections) and audit entries goes through the bulk path (seed-bulk.ts). Open it with `npm run web -- --data <folder>`.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineKeyProtector } from '../db/machine-key';
import type { Role } from '../electron/core/enums';
import { dataPathsUnder } from '../electron/server/data-paths';
import { Runtime } from '../electron/server/runtime';
import { actorOf, createUser, getUser } from '../electron/server/services/users';
import { seedBulk } from './seed-bulk';

const { values } = parseArgs({
  options: {
    boxes: { type: 'string', default: '2000' },
    loans: { type: 'string' },
    seed: { type: 'string', default: '1' },
    data: { type: 'string', default: '.data/seed' },
  },
});
const BOXES = Number(values.boxes);
/** Ten loans per box over the decade by default: 1,000,000 for 100,000 boxes. */
const LOANS = values.loans === undefined ? BOXES * 10 : Number(values.loans);
const PASSWORD = 'Archive-Desk-2026';
const PASSPHRASE = '档案前台示例恢复口令2026';

async function main(): Promise<void> {
  const paths = dataPathsUnder(resolve(values.data));
  rmSync(paths.dataDir, { recursive: true, force: true });
  rmSync(paths.machineKey, { force: true });
  const runtime = new Runtime({
    dataDir: paths.dataDir,
    protector: machineKeyProtector(paths.machineKey),
    migrationsFolder: fileURLToPath(new URL('../db/migrations', import.meta.url)),
  });
  runtime.start();
  await runtime.setup({
    siteName: '万象广场运营部',
    admin: { username: 'admin', displayName: '系统管理员', password: PASSWORD },
    passphrase: PASSPHRASE,
    passphraseConfirm: PASSPHRASE,
  });
  const db = runtime.requireDb();
  const admin = actorOf(getUser(db, 1));
  const staff: [string, string, Role][] = [
    ['custodian', '陈档案', 'custodian'],
    ['clerk', '李前台', 'clerk'],
    ['manager', '王经理', 'manager'],
    ['auditor', '赵审计', 'auditor'],
  ];
  for (const [username, displayName, role] of staff) await createUser(db, admin, { username, displayName, role, password: PASSWORD });
  const names = Object.fromEntries([1, 2, 3, 4, 5].map((id) => [id, getUser(db, id).displayName]));
  const started = Date.now();
  const counts = seedBulk(db, {
    boxes: BOXES,
    loans: LOANS,
    seed: Number(values.seed),
    users: { custodian: 2, clerk: 3, manager: 4, auditor: 5 },
    names,
    progress: (line) => process.stdout.write(`\r${line}      `),
  });

  runtime.close();
  console.log(`\nSeeded in ${((Date.now() - started) / 1000).toFixed(1)} s into ${paths.dataDir}: ${JSON.stringify(counts)}`);
  console.log(`Accounts: admin, custodian, clerk, manager, auditor — password ${PASSWORD}; recovery passphrase ${PASSPHRASE}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
