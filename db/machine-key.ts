import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { seal, unseal, type KeyProtector } from './keyfile';

/**
 * The KeyProtector of the web shell and of tests, where Electron's safeStorage is absent: a random
 * machine key in a file readable only by this OS user, kept apart from the database folder.
 */
export function machineKeyProtector(machineKeyPath: string): KeyProtector {
  const machineKey = (): Buffer => {
    if (!existsSync(machineKeyPath)) {
      mkdirSync(dirname(machineKeyPath), { recursive: true });
      writeFileSync(machineKeyPath, randomBytes(32), { mode: 0o600, flag: 'wx' });
    }
    return readFileSync(machineKeyPath);
  };
  return {
    kind: 'machineKey',
    available: () => true,
    protect: async (secret) => Buffer.from(JSON.stringify(seal(machineKey(), secret)), 'utf8'),
    unprotect: (blob) => unseal(machineKey(), JSON.parse(blob.toString('utf8'))),
  };
}
