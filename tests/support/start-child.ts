// Starts a runtime over a data folder and prints its status as JSON: tests/robust/faults.test.ts
// runs it with fewer rights than the test (root without its override of file permissions).
// argv: dataDir, machineKey, migrations.
import { machineKeyProtector } from '../../db/machine-key';
import { Runtime } from '../../electron/server/runtime';

const [dataDir, machineKey, migrationsFolder] = process.argv.slice(2) as [string, string, string];
const runtime = new Runtime({ dataDir, protector: machineKeyProtector(machineKey), migrationsFolder });
process.stdout.write(JSON.stringify(runtime.start()));
runtime.close();
