import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { kdfCost, PRODUCTION_KDF_COST, type ScryptCost } from '../../../db/kdf-cost';

function scrypt(password: string, salt: Buffer, params: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCb(password.normalize('NFC'), salt, 32, params, (err, key) => (err ? reject(err) : resolve(key))));
}

/** Stored as `scrypt$N$r$p$salt$hash` so the cost can rise later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const cost = kdfCost().account;
  const hash = await scrypt(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p), maxmem: PRODUCTION_KDF_COST.account.maxmem });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
