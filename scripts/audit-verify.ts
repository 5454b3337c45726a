// `npm run audit:verify -- <database>`: checks the audit log's hash chain of an Archive Desk
// database from a terminal, reading only. The key comes from the key file beside the database,
// unwrapped by this machine's key where it can be, else by the recovery passphrase
// (ARCHIVE_DESK_PASSPHRASE, or asked for).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/connection';
import { readKeyWithPassphrase, readKeyWithProtector } from '../db/keyfile';
import { machineKeyProtector } from '../db/machine-key';
import { AppError } from '../electron/core/contract/errors';
import { dataPathsUnder, defaultDataPaths } from '../electron/server/data-paths';
import { dataFiles } from '../electron/server/runtime';
import { verifyChainParallel } from '../electron/server/services/audit-chain';
import { askPassphrase } from './lib/passphrase';

async function databaseKey(keyFile: string, dataDir: string): Promise<string> {
  for (const machineKey of [dataPathsUnder(dataDir).machineKey, defaultDataPaths().machineKey]) {
    const key = readKeyWithProtector(keyFile, machineKeyProtector(machineKey));
    if (key) return key;
  }
  return readKeyWithPassphrase(keyFile, await askPassphrase());
}

async function main(): Promise<number> {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: npm run audit:verify -- <path to archive.db>');
    return 2;
  }
  const file = resolve(target);
  const keyHex = await databaseKey(dataFiles(dirname(file)).keyFile, dirname(file));
  const db = openDatabase(file, { keyHex, readonly: true, migrationsFolder: fileURLToPath(new URL('../db/migrations', import.meta.url)) });
  const result = await verifyChainParallel(db.$client, { file, keyHex });
  db.$client.close();
  if (result.intact) {
    console.log(`intact, ${result.entries} entries (head ${result.headHash})`);
    return 0;
  }
  console.log(`BROKEN at entry ${result.brokenAt} (${result.reason}); ${result.entries} entries before it verify`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof AppError ? `cannot open: ${err.code}` : err);
    process.exit(2);
  },
);
