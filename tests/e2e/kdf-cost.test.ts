import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openDatabase } from '../../db/connection';
import { PRODUCTION_KDF_COST } from '../../db/kdf-cost';
import { readKeyWithProtector } from '../../db/keyfile';
import { machineKeyProtector } from '../../db/machine-key';
import { users } from '../../db/schema';
import { dataPathsUnder } from '../../electron/server/data-paths';
import { MIGRATIONS } from '../support/app';
import { removeData, startShell } from './support/shell';

/**
 * The suite runs with a cheap KDF (tests/support/test-kdf.ts). The built app must not: set up
 * through the shipped web shell, started from this vitest run (VITEST in its environment), the key
 * file and the admin's password hash record the production cost.
 */
test('the built web shell derives keys at the production cost even when started under vitest', async () => {
  expect(process.env.VITEST).toBeTruthy();
  const shell = await startShell(undefined, { via: 'loopback' });
  let running = true;
  try {
    const url = new URL(shell.url);
    const token = url.hash.slice('#token='.length);
    const answer = await fetch(new URL('/api/app-setup', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-archive-token': token },
      body: JSON.stringify({
        payload: {
          siteName: '万象广场运营部',
          admin: { username: 'admin', displayName: '系统管理员', password: 'Admin-passw0rd-2026' },
          passphrase: '请妥善保管的恢复口令-2026',
          passphraseConfirm: '请妥善保管的恢复口令-2026',
        },
        handle: null,
      }),
    });
    expect(await answer.json()).toMatchObject({ ok: true });
    await shell.stop();
    running = false;

    const keyFile = join(shell.dataDir, 'archive.keys.json');
    const { N, r, p } = PRODUCTION_KDF_COST.recovery;
    expect(JSON.parse(readFileSync(keyFile, 'utf8')).recovery).toMatchObject({ kdf: 'scrypt', N, r, p });
    const keyHex = readKeyWithProtector(keyFile, machineKeyProtector(dataPathsUnder(shell.dataDir).machineKey));
    const db = openDatabase(join(shell.dataDir, 'archive.db'), { migrationsFolder: MIGRATIONS, keyHex, readonly: true });
    try {
      const account = PRODUCTION_KDF_COST.account;
      const [admin] = db.select({ hash: users.passwordHash }).from(users).all();
      expect(admin!.hash.split('$').slice(0, 4)).toEqual(['scrypt', String(account.N), String(account.r), String(account.p)]);
    } finally {
      db.$client.close();
    }
  } finally {
    if (running) await shell.stop();
    removeData(shell);
  }
});
