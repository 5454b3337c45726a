// Backs up the test app's database over and over until killed: tests/backup-files.test.ts kills it
// in the middle of a copy, as a power cut or a killed app would. argv: dataDir, machineKey, migrations, folder.
import { machineKeyProtector } from '../../db/machine-key';
import { Runtime } from '../../electron/server/runtime';
import { backUpTo } from '../../electron/server/services/backups';

const [dataDir, machineKey, migrationsFolder, folder] = process.argv.slice(2) as [string, string, string, string];
const runtime = new Runtime({ dataDir, protector: machineKeyProtector(machineKey), migrationsFolder });
if (runtime.start().state !== 'ready') throw new Error('not ready');
process.stdout.write('go\n', () => {
  for (let n = 0; ; n++) backUpTo(runtime.requireDb(), folder, { ...runtime.backupContext(), now: () => new Date(Date.UTC(2026, 0, 1, 10, 0, n)) });
});
