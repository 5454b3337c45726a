import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { AppError } from '../electron/core/contract/errors';
import { kdfCost, PRODUCTION_KDF_COST, type ScryptCost } from './kdf-cost';

/**
 * The database key: 256 random bits made at first run and never typed by anyone. The key file
 * holds it wrapped twice: by a KeyProtector (Electron safeStorage in the desktop app, a local
 * machine key in the web shell and tests) and under the recovery passphrase (scrypt).
 */
export interface KeyProtector {
  readonly kind: 'safeStorage' | 'machineKey';
  available(): boolean;
  /** Asynchronous: in the desktop app the server process asks Electron's main process to do it. */
  protect(secret: Buffer): Promise<Buffer>;
  /** Synchronous, for Runtime.start(); the server process has main's answers at hand before it starts. */
  unprotect(blob: Buffer): Buffer;
}

const HEX_KEY = /^[0-9a-f]{64}$/;

const sealedSchema = z.object({ iv: z.string(), tag: z.string(), data: z.string() });
export const recoverySchema = sealedSchema.extend({
  kdf: z.literal('scrypt'),
  salt: z.string(),
  // Node reads 0 as "the default", which would turn a damaged file into a "wrong passphrase".
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
});
/** The key wrapped under the recovery passphrase: what a backup carries so another PC can open it. */
export type RecoveryBlob = z.infer<typeof recoverySchema>;

const wrappedSchema = z.object({
  protected: z.object({ kind: z.enum(['safeStorage', 'machineKey']), blob: z.string() }).nullable(),
  recovery: recoverySchema,
});
const keyFileSchema = wrappedSchema.extend({
  version: z.literal(1),
  /**
   * A re-key in progress: the new key is written here before the database changes, so a crash at
   * any point leaves a database that either `recovery`/`protected` or `next` opens.
   */
  next: wrappedSchema.optional(),
});
type KeyFile = z.infer<typeof keyFileSchema>;
export type KeySlot = 'current' | 'next';

export function assertHexKey(key: string): void {
  if (!HEX_KEY.test(key)) throw new AppError('WRONG_KEY');
}

function scrypt(passphrase: string, salt: Buffer, params: ScryptCost): Promise<Buffer> {
  const opts: ScryptOptions = params;
  return new Promise((resolve, reject) => scryptCb(passphrase.normalize('NFC'), salt, 32, opts, (err, key) => (err ? reject(err) : resolve(key))));
}

export function seal(key: Buffer, plain: Buffer): z.infer<typeof sealedSchema> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** Throws on a wrong key: GCM's tag check is what tells a wrong passphrase from a right one. */
export function unseal(key: Buffer, sealed: z.infer<typeof sealedSchema>): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
}

function readKeyFile(path: string): KeyFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? 'EIO';
    if (reason === 'ENOENT') throw new AppError('KEY_FILE_MISSING');
    // There but not readable (permissions, a folder in its place): not damaged, and not to be replaced.
    throw new AppError('KEY_FILE_UNREADABLE', { params: { keyFile: path, reason } });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('KEY_FILE_CORRUPT');
  }
  const parsed = keyFileSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('KEY_FILE_CORRUPT');
  return parsed.data;
}

function writeKeyFile(path: string, file: KeyFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, JSON.stringify(file, null, 2), { mode: 0o600 });
  renameSync(tmp, path);
}

async function protectKey(protector: KeyProtector | null, keyHex: string): Promise<KeyFile['protected']> {
  if (!protector?.available()) return null;
  return { kind: protector.kind, blob: (await protector.protect(Buffer.from(keyHex, 'utf8'))).toString('base64') };
}

async function sealUnderPassphrase(passphrase: string, keyHex: string): Promise<RecoveryBlob> {
  const salt = randomBytes(16);
  const cost = kdfCost().recovery;
  const wrapKey = await scrypt(passphrase, salt, cost);
  const sealed = seal(wrapKey, Buffer.from(keyHex, 'utf8'));
  return { kdf: 'scrypt', salt: salt.toString('base64'), N: cost.N, r: cost.r, p: cost.p, ...sealed };
}

export function keyFileExists(path: string): boolean {
  return existsSync(path);
}

/** First run: makes the key, writes the key file, returns the key as 64 hex digits. */
export async function createKeyFile(path: string, protector: KeyProtector | null, passphrase: string): Promise<string> {
  const keyHex = randomBytes(32).toString('hex');
  writeKeyFile(path, { version: 1, protected: await protectKey(protector, keyHex), recovery: await sealUnderPassphrase(passphrase, keyHex) });
  return keyHex;
}

/** A new install restored from a backup keeps the backup's passphrase-wrapped key as it is. */
export async function createKeyFileFromRecovery(path: string, protector: KeyProtector | null, keyHex: string, recovery: RecoveryBlob): Promise<void> {
  writeKeyFile(path, { version: 1, protected: await protectKey(protector, keyHex), recovery });
}

const slotOf = (file: KeyFile, slot: KeySlot) => (slot === 'current' ? file : file.next);

export function hasNextKey(path: string): boolean {
  return readKeyFile(path).next !== undefined;
}

export function readRecoveryBlob(path: string): RecoveryBlob {
  return readKeyFile(path).recovery;
}

/** The blobs a protector of this kind would be asked to unwrap at start: the current key's and a staged one's. */
export function protectedBlobs(path: string, kind: KeyProtector['kind']): Buffer[] {
  let file: KeyFile;
  try {
    file = readKeyFile(path);
  } catch {
    // No key file, or one start() will report: nothing to unwrap ahead of it.
    return [];
  }
  return [file, file.next].flatMap((wrapped) => (wrapped?.protected?.kind === kind ? [Buffer.from(wrapped.protected.blob, 'base64')] : []));
}

/** Opens the key without anyone typing: null when this machine's protector cannot unwrap it. */
export function readKeyWithProtector(path: string, protector: KeyProtector | null, slot: KeySlot = 'current'): string | null {
  const wrapped = slotOf(readKeyFile(path), slot);
  if (!wrapped?.protected || !protector?.available() || wrapped.protected.kind !== protector.kind) return null;
  try {
    const keyHex = protector.unprotect(Buffer.from(wrapped.protected.blob, 'base64')).toString('utf8');
    assertHexKey(keyHex);
    return keyHex;
  } catch {
    return null;
  }
}

export async function readKeyWithPassphrase(path: string, passphrase: string, slot: KeySlot = 'current'): Promise<string> {
  const wrapped = slotOf(readKeyFile(path), slot);
  if (!wrapped) throw new AppError('WRONG_PASSPHRASE');
  return unsealRecovery(wrapped.recovery, passphrase);
}

export async function unsealRecovery(recovery: RecoveryBlob, passphrase: string): Promise<string> {
  const params = { N: recovery.N, r: recovery.r, p: recovery.p, maxmem: PRODUCTION_KDF_COST.recovery.maxmem };
  // Parameters scrypt refuses (N not a power of two, too much memory) were never written by us.
  const wrapKey = await scrypt(passphrase, Buffer.from(recovery.salt, 'base64'), params).catch(() => {
    throw new AppError('KEY_FILE_CORRUPT');
  });
  let keyHex: string;
  try {
    keyHex = unseal(wrapKey, recovery).toString('utf8');
  } catch {
    throw new AppError('WRONG_PASSPHRASE');
  }
  assertHexKey(keyHex);
  return keyHex;
}

/** After a recovery on a new PC: wraps the key for this machine so the next start needs no passphrase. */
export async function rewrapForMachine(path: string, protector: KeyProtector, keyHex: string): Promise<void> {
  const wrapped = await protectKey(protector, keyHex);
  writeKeyFile(path, { ...readKeyFile(path), protected: wrapped });
}

/** A new recovery passphrase for the same key; the caller has checked the old one. */
export async function rewrapRecovery(path: string, keyHex: string, passphrase: string): Promise<void> {
  const file = readKeyFile(path);
  writeKeyFile(path, { ...file, recovery: await sealUnderPassphrase(passphrase, keyHex) });
}

/** Step one of a re-key: the new key is on disk, under both wrappings, before the database changes. */
export async function stageNextKey(path: string, protector: KeyProtector | null, passphrase: string): Promise<string> {
  const file = readKeyFile(path);
  const keyHex = randomBytes(32).toString('hex');
  writeKeyFile(path, { ...file, next: { protected: await protectKey(protector, keyHex), recovery: await sealUnderPassphrase(passphrase, keyHex) } });
  return keyHex;
}

/** The database opened with the staged key: it becomes the key. */
export function promoteNextKey(path: string): void {
  const { next, ...file } = readKeyFile(path);
  if (next) writeKeyFile(path, { ...file, ...next });
}

/** The database still opens with the current key: the staged one was never used. */
export function dropNextKey(path: string): void {
  const { next, ...file } = readKeyFile(path);
  if (next) writeKeyFile(path, file);
}
