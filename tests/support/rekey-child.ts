// Re-keys the test app's database over and over until killed: tests/rekey-crash.test.ts kills it
// at arbitrary moments and checks the database still opens. argv: dataDir, machineKey, migrations, passphrase.
import { machineKeyProtector } from '../../db/machine-key';
import { Runtime } from '../../electron/server/runtime';
import { SYSTEM_ACTOR } from '../../electron/server/services/actor';

const [dataDir, machineKey, migrationsFolder, passphrase] = process.argv.slice(2) as [string, string, string, string];
const runtime = new Runtime({ dataDir, protector: machineKeyProtector(machineKey), migrationsFolder });
if (runtime.start().state !== 'ready') throw new Error('not ready');
process.stdout.write('go\n');
void (async () => {
  for (let n = 1; ; n++) {
    await runtime.rekey(SYSTEM_ACTOR, passphrase);
    process.stdout.write(`rekeyed ${n}\n`);
  }
})();
