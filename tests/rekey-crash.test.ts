import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { hasNextKey, readKeyWithProtector, stageNextKey } from '../db/keyfile';
import { machineKeyProtector } from '../db/machine-key';
import { Runtime } from '../electron/server/runtime';
import { tableCounts } from '../electron/server/services/backups';
import { renameSync } from 'node:fs';
import { rekeyedCopy } from '../electron/server/services/rekey';
import { MIGRATIONS, PASSPHRASE, type TestApp } from './support/app';
import { childBundle } from './support/child-bundle';
import { createBox, createOwner, createSetUpApp, thrownCode } from './support/fixtures';

let app: TestApp;
beforeEach(async () => {
  app = await createSetUpApp();
  const ownerId = await createOwner(app);
  for (let i = 0; i < 3; i++) await createBox(app, { ownerId, volume: i + 1 });
});
afterEach(() => app.close());

const protector = () => machineKeyProtector(join(app.dir, 'machine.key'));
const keyFile = () => app.runtime.files.keyFile;
const currentKey = () => readKeyWithProtector(keyFile(), protector())!;
const restart = () => new Runtime({ dataDir: join(app.dir, 'data'), protector: protector(), migrationsFolder: MIGRATIONS });
const opensWith = async (keyHex: string) =>
  (await thrownCode(() => openDatabase(app.runtime.files.db, { keyHex, migrationsFolder: MIGRATIONS, readonly: true }).$client.close())) === 'no error';

/** The re-key's steps run on a connection of their own, which stops (the app dies) after the given step. */
const connection = () => {
  app.runtime.close();
  return openDatabase(app.runtime.files.db, { keyHex: currentKey(), migrationsFolder: MIGRATIONS }).$client;
};

describe('a re-key interrupted between its steps', () => {
  it('after the new key was staged only: the database opens with the old key and the staged one is dropped', async () => {
    const oldKey = currentKey();
    const sqlite = connection();
    await stageNextKey(keyFile(), protector(), PASSPHRASE);
    sqlite.close();
    const again = restart();
    expect(again.start().state).toBe('ready');
    expect(hasNextKey(keyFile())).toBe(false);
    expect(currentKey()).toBe(oldKey);
    expect(tableCounts(again.requireDb().$client).boxes).toBe(3);
    again.close();
  }, 30_000);

  it('after a re-keyed copy was made but not yet swapped in: the copy is dropped and the old key opens', async () => {
    const oldKey = currentKey();
    const sqlite = connection();
    const next = await stageNextKey(keyFile(), protector(), PASSPHRASE);
    await rekeyedCopy(sqlite, `${app.runtime.files.db}.rekeying`, oldKey, next);
    sqlite.close();
    const again = restart();
    expect(again.start().state).toBe('ready');
    expect(currentKey()).toBe(oldKey);
    expect(hasNextKey(keyFile())).toBe(false);
    again.close();
  }, 30_000);

  it('after the re-keyed copy was swapped in but before the key file knew: it opens with the staged key, which becomes the key', async () => {
    const oldKey = currentKey();
    const sqlite = connection();
    const next = await stageNextKey(keyFile(), protector(), PASSPHRASE);
    await rekeyedCopy(sqlite, `${app.runtime.files.db}.rekeying`, oldKey, next);
    sqlite.close();
    renameSync(`${app.runtime.files.db}.rekeying`, app.runtime.files.db);
    const again = restart();
    expect(again.start().state).toBe('ready');
    expect(hasNextKey(keyFile())).toBe(false);
    expect(currentKey()).toBe(next);
    expect(tableCounts(again.requireDb().$client).boxes).toBe(3);
    again.close();
    expect(await opensWith(oldKey)).toBe(false);
  }, 30_000);

  it('killed at arbitrary moments of repeated re-keys, the database always opens with one of the two keys', async () => {
    // Ballast, so the re-key of the file itself takes long enough to be hit.
    app.runtime
      .requireDb()
      .$client.exec(
        `CREATE TABLE ballast (b BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000) INSERT INTO ballast SELECT randomblob(4000) FROM n;`,
      );
    const counts = tableCounts(app.runtime.requireDb().$client);
    app.runtime.close();
    const outcomes: string[] = [];
    for (const delay of [1500, 2300, 2700, 3300, 4000]) {
      // One process (no launcher in between), so SIGKILL stops the re-key itself.
      const child = spawn(process.execPath, [childBundle('rekey-child'), join(app.dir, 'data'), join(app.dir, 'machine.key'), MIGRATIONS, PASSPHRASE], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      await new Promise<void>((done, fail) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('go\n')) setTimeout(() => child.kill('SIGKILL'), delay);
        });
        child.on('exit', (code, signal) => (signal === 'SIGKILL' ? done() : fail(new Error(`child exited ${code}`))));
      });
      const staged = hasNextKey(keyFile());
      const again = restart();
      expect(again.start().state).toBe('ready');
      expect(tableCounts(again.requireDb().$client)).toEqual(expect.objectContaining({ boxes: counts.boxes, ballast: counts.ballast }));
      expect(hasNextKey(keyFile())).toBe(false);
      again.close();
      outcomes.push(`${(out.match(/rekeyed/g) ?? []).length} done, staged key left: ${staged}`);
    }
    console.log('re-key kills:', outcomes.join('; '));
  }, 150_000);
});
