import { randomBytes, scryptSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeyFile, readKeyWithPassphrase, unsealRecovery, seal } from '../db/keyfile';
import { kdfCost, PRODUCTION_KDF_COST, lowerKdfCostForTests } from '../db/kdf-cost';
import { hashPassword, verifyPassword } from '../electron/server/services/passwords';

/**
 * The suite derives keys at a test-only cost (tests/support/test-kdf.ts); the shipped bundles
 * cannot (tests/e2e/kdf-cost.test.ts). What was made at either cost verifies at its own.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'archive-kdf-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the KDF cost', () => {
  it('is cheaper in this run than in production, and new key files and hashes record it', async () => {
    expect(kdfCost().recovery.N).toBeLessThan(PRODUCTION_KDF_COST.recovery.N);
    expect(kdfCost().account.N).toBeLessThan(PRODUCTION_KDF_COST.account.N);
    const keyFile = join(dir, 'archive.keys.json');
    const keyHex = await createKeyFile(keyFile, null, '恢复口令-test');
    expect(JSON.parse(readFileSync(keyFile, 'utf8')).recovery).toMatchObject({ N: kdfCost().recovery.N, r: 8, p: 1 });
    expect(await readKeyWithPassphrase(keyFile, '恢复口令-test')).toBe(keyHex);
    const hash = await hashPassword('Passw0rd!2026');
    expect(hash.split('$').slice(0, 4)).toEqual(['scrypt', String(kdfCost().account.N), '8', '1']);
    expect(await verifyPassword('Passw0rd!2026', hash)).toBe(true);
    expect(await verifyPassword('Passw0rd!2027', hash)).toBe(false);
  });

  it('verifies a password hash and a recovery blob made at the production cost by what they record', async () => {
    const { N, r, p, maxmem } = PRODUCTION_KDF_COST.account;
    const salt = randomBytes(16);
    const made = scryptSync('Passw0rd!2026', salt, 32, { N, r, p, maxmem });
    const stored = ['scrypt', N, r, p, salt.toString('base64'), made.toString('base64')].join('$');
    expect(await verifyPassword('Passw0rd!2026', stored)).toBe(true);
    expect(await verifyPassword('Passw0rd!2027', stored)).toBe(false);

    const recovery = PRODUCTION_KDF_COST.recovery;
    const recoverySalt = randomBytes(16);
    const wrapKey = scryptSync('恢复口令-production', recoverySalt, 32, recovery);
    const keyHex = randomBytes(32).toString('hex');
    const blob = {
      kdf: 'scrypt' as const,
      salt: recoverySalt.toString('base64'),
      N: recovery.N,
      r: recovery.r,
      p: recovery.p,
      ...seal(wrapKey, Buffer.from(keyHex, 'utf8')),
    };
    expect(await unsealRecovery(blob, '恢复口令-production')).toBe(keyHex);
  });

  it('cannot be switched to the test cost outside a vitest run', () => {
    const saved = process.env.VITEST;
    delete process.env.VITEST;
    try {
      expect(() => lowerKdfCostForTests()).toThrow('the test KDF cost is for vitest runs only');
    } finally {
      process.env.VITEST = saved;
    }
  });
});
