import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { z } from 'zod';
import type { KeyProtector } from '../../../db/keyfile';
import { AppError } from '../../core/contract/errors';
import type { HostCertificate } from '../../core/contract/network';
import type { LanTls } from '../network';

/**
 * The host's TLS certificate: made once, self-signed, at the first enable (or replaced by a company
 * certificate the administrator installs). The certificate is public and stays plain PEM; its key
 * is wrapped by the same key protector as the database key, so a copied data folder carries no
 * usable key to another machine.
 */

const SELF_SIGNED_YEARS = 5;

export const hostTlsFiles = (dataDir: string) => ({ cert: join(dataDir, 'host-cert.pem'), key: join(dataDir, 'host-key.bin') });

const wrappedKeySchema = z.object({ version: z.literal(1), kind: z.enum(['safeStorage', 'machineKey']), blob: z.string() });

/** A certificate and key ready to serve with, and how to put them in place (inside the caller's transaction). */
export interface PreparedTls {
  tls: LanTls;
  certificate: HostCertificate;
  /** Writes the files; null when they are the ones already on disk. */
  commit: (() => void) | null;
}

export type CertificateProblem = 'certUnreadable' | 'keyUnreadable' | 'keyMismatch' | 'expired' | 'notYetValid';

const invalid = (reason: CertificateProblem) => new AppError('HOST_CERTIFICATE_INVALID', { params: { reason } });

export function certificateInfo(certPem: string): HostCertificate {
  const cert = new X509Certificate(certPem);
  return {
    fingerprint: cert.fingerprint256,
    subject: cert.subject,
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
    // Issued by itself and signed by its own key: what the first enable made (or a company's own root).
    // Not checkIssued(): OpenSSL wants keyCertSign there, which a server certificate does not carry.
    selfSigned: cert.issuer === cert.subject && cert.verify(cert.publicKey),
  };
}

/** The certificate on disk, or null (none yet, or unreadable). Reading it needs no key. */
export function readCertificate(dataDir: string): HostCertificate | null {
  const { cert } = hostTlsFiles(dataDir);
  if (!existsSync(cert)) return null;
  try {
    return certificateInfo(readFileSync(cert, 'utf8'));
  } catch {
    return null;
  }
}

/** The wrapped key's blob, for a shell's protector to unwrap before the server needs it (see hostProtector). */
export function hostKeyBlob(dataDir: string, kind: KeyProtector['kind']): Buffer | null {
  const { key } = hostTlsFiles(dataDir);
  if (!existsSync(key)) return null;
  const parsed = wrappedKeySchema.safeParse(safeJson(readFileSync(key, 'utf8')));
  return parsed.success && parsed.data.kind === kind ? Buffer.from(parsed.data.blob, 'base64') : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function requireProtector(protector: KeyProtector | null): KeyProtector {
  if (!protector?.available()) throw new AppError('KEYSTORE_UNAVAILABLE');
  return protector;
}

/**
 * The certificate and key on disk. Throws HOST_CERTIFICATE_INVALID keyUnreadable when the key
 * cannot be unwrapped here (another machine's data folder, a damaged file), certUnreadable for a
 * damaged certificate; null when there are none yet.
 */
export function readTls(dataDir: string, protector: KeyProtector | null): LanTls | null {
  const files = hostTlsFiles(dataDir);
  if (!existsSync(files.cert) && !existsSync(files.key)) return null;
  if (!existsSync(files.cert)) throw invalid('certUnreadable');
  const certPem = readFileSync(files.cert, 'utf8');
  const blob = existsSync(files.key) ? hostKeyBlob(dataDir, requireProtector(protector).kind) : null;
  if (!blob) throw invalid('keyUnreadable');
  let keyPem: string;
  try {
    keyPem = requireProtector(protector).unprotect(blob).toString('utf8');
  } catch {
    throw invalid('keyUnreadable');
  }
  return { certPem, keyPem };
}

async function wrappedKeyFile(protector: KeyProtector, keyPem: string): Promise<string> {
  const blob = await protector.protect(Buffer.from(keyPem, 'utf8'));
  return JSON.stringify({ version: 1, kind: protector.kind, blob: blob.toString('base64') });
}

/**
 * Both files under temporary names now (the slow, asynchronous wrapping), renamed into place by
 * commit() (synchronous: it runs inside the audit entry's transaction, and a failed rename rolls it back).
 */
async function staged(dataDir: string, protector: KeyProtector, tls: LanTls): Promise<() => void> {
  const files = hostTlsFiles(dataDir);
  const keyFile = await wrappedKeyFile(protector, tls.keyPem);
  const tmp = { cert: `${files.cert}.new`, key: `${files.key}.new` };
  return () => {
    try {
      writeFileSync(tmp.key, keyFile, { mode: 0o600 });
      chmodSync(tmp.key, 0o600);
      writeFileSync(tmp.cert, tls.certPem, { mode: 0o644 });
      chmodSync(tmp.cert, 0o644);
      renameSync(tmp.key, files.key);
      renameSync(tmp.cert, files.cert);
    } finally {
      rmSync(tmp.key, { force: true });
      rmSync(tmp.cert, { force: true });
    }
  };
}

export interface CertificateNames {
  hostname: string;
  /** The addresses it is served on. */
  addresses: string[];
}

/** A new self-signed certificate: EC P-256, five years, CN the machine's name, SAN its names and addresses. */
export async function selfSignedTls(names: CertificateNames, now: Date): Promise<LanTls> {
  const hostname = names.hostname.trim() || 'localhost';
  const dns = [...new Set([hostname, 'localhost'])];
  const ips = [...new Set(names.addresses.filter((a) => a !== '0.0.0.0' && a !== '::'))];
  const notAfter = new Date(now);
  notAfter.setFullYear(notAfter.getFullYear() + SELF_SIGNED_YEARS);
  const pems = await generate([{ name: 'commonName', value: hostname }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [...dns.map((value) => ({ type: 2 as const, value })), ...ips.map((ip) => ({ type: 7 as const, ip }))] },
    ],
  });
  return { certPem: pems.cert, keyPem: pems.private };
}

/**
 * What to serve with: the certificate on disk when there is one (a restart keeps its
 * fingerprint), else a new self-signed one, written only when the caller commits (so an enable
 * that fails to listen leaves no files behind). A self-signed key lost to this machine (a data
 * folder copied from another PC) is replaced by a new one; a company certificate's is not.
 */
export async function prepareTls(dataDir: string, protector: KeyProtector | null, names: CertificateNames, now: Date): Promise<PreparedTls> {
  const own = requireProtector(protector);
  try {
    const onDisk = readTls(dataDir, own);
    if (onDisk) return { tls: onDisk, certificate: certificateInfo(onDisk.certPem), commit: null };
  } catch (err) {
    if (readCertificate(dataDir)?.selfSigned === false) throw err;
    console.warn('host mode: the certificate on disk cannot be used here; a new self-signed one is made', err);
  }
  const tls = await selfSignedTls(names, now);
  return { tls, certificate: certificateInfo(tls.certPem), commit: await staged(dataDir, own, tls) };
}

function parseKey(keyPem: string): KeyObject {
  try {
    return createPrivateKey(keyPem);
  } catch {
    throw invalid('keyUnreadable');
  }
}

/** A company certificate: readable, with its own key, valid today; else HOST_CERTIFICATE_INVALID with the reason. */
export function checkCompanyCertificate(tls: LanTls, now: Date): HostCertificate {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(tls.certPem);
  } catch {
    throw invalid('certUnreadable');
  }
  if (!cert.checkPrivateKey(parseKey(tls.keyPem))) throw invalid('keyMismatch');
  if (now.getTime() < new Date(cert.validFrom).getTime()) throw invalid('notYetValid');
  if (now.getTime() > new Date(cert.validTo).getTime()) throw invalid('expired');
  return certificateInfo(tls.certPem);
}

/** A checked company certificate, staged to replace the files on commit. */
export async function prepareCompanyTls(dataDir: string, protector: KeyProtector | null, tls: LanTls, now: Date): Promise<PreparedTls> {
  const certificate = checkCompanyCertificate(tls, now);
  // The key is kept as Node reads it back (PKCS#8 PEM), whatever form it came in.
  const keyPem = parseKey(tls.keyPem).export({ type: 'pkcs8', format: 'pem' }).toString();
  const normalised = { certPem: tls.certPem, keyPem };
  return { tls: normalised, certificate, commit: await staged(dataDir, requireProtector(protector), normalised) };
}
