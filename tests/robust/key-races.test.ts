import { join } from 'node:path';
import { readKeyWithPassphrase, readKeyWithProtector } from '../../db/keyfile';
import { machineKeyProtector } from '../../db/machine-key';
import { Runtime } from '../../electron/server/runtime';
import { MIGRATIONS, PASSPHRASE, type TestApp } from '../support/app';
import { createOwner, createSetUpApp } from '../support/fixtures';

/**
 * The recovery passphrase's change, the re-key and the restore each read the key file, wait for
 * scrypt and write it back. Two of them at once (two admin tabs, a double click) must not leave a
 * key file that no longer opens the database: the next start is the proof.
 */
let app: TestApp;
beforeEach(async () => {
  app = await createSetUpApp();
  await createOwner(app);
});
afterEach(() => app.close());

const NEXT = '另一个足够长的恢复口令-xyz';

function restartOpens(): { state: string; owners: number } {
  app.runtime.close();
  const again = new Runtime({ dataDir: join(app.dir, 'data'), protector: machineKeyProtector(join(app.dir, 'machine.key')), migrationsFolder: MIGRATIONS });
  const state = again.start().state;
  const owners = state === 'ready' ? (again.requireDb().$client.prepare('select count(*) n from owners').get() as { n: number }).n : 0;
  again.close();
  return { state, owners };
}

describe('key-file work at the same time', { timeout: 60_000 }, () => {
  it('a passphrase change and a re-key together: both happen, the archive opens at the next start, under the new passphrase', async () => {
    const admin = await app.as('admin');
    const answers = await Promise.all([
      app.call('passphrase-change', { current: PASSPHRASE, next: NEXT, nextConfirm: NEXT }, admin),
      app.call('database-rekey', { passphrase: PASSPHRASE, confirm: true }, admin),
    ]);
    const keyFile = app.runtime.files.keyFile;
    const machineKey = readKeyWithProtector(keyFile, machineKeyProtector(join(app.dir, 'machine.key')));
    const byNewPassphrase = await readKeyWithPassphrase(keyFile, NEXT).catch(() => 'does not open');
    // Either order is right: the re-key first (then the change), or the change first (then the re-key refuses the old passphrase).
    expect({ answers: answers.map((a) => a.ok || a.error.code), sameKey: byNewPassphrase === machineKey }).toEqual({
      answers: expect.arrayContaining([true]),
      sameKey: true,
    });
    expect(restartOpens()).toEqual({ state: 'ready', owners: 1 });
  });

  it('a restore and a re-key together: the archive opens at the next start', async () => {
    const admin = await app.as('admin');
    const backup = join(app.dir, 'backups');
    await app.ok('backup-settings-update', { folders: [backup], keep: 5, dailyAt: '18:00', onClose: false }, admin);
    const [made] = await app.ok('backup-run', {}, admin);
    await Promise.all([
      app.call('database-rekey', { passphrase: PASSPHRASE, confirm: true }, admin),
      app.call('backup-restore', { file: made.file!, passphrase: PASSPHRASE, confirm: true }, admin),
    ]);
    expect(restartOpens()).toEqual({ state: 'ready', owners: 1 });
  });

  it('two re-keys together: the archive still opens at the next start', async () => {
    const admin = await app.as('admin');
    await Promise.all([
      app.call('database-rekey', { passphrase: PASSPHRASE, confirm: true }, admin),
      app.call('database-rekey', { passphrase: PASSPHRASE, confirm: true }, admin),
    ]);
    expect(restartOpens()).toEqual({ state: 'ready', owners: 1 });
  });
});
