import type { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { connect, type TLSSocket } from 'node:tls';
import type { ClientConnectInput, HostProbe } from '../../core/contract/client';
import { clientConnectInput } from '../../core/contract/client';
import { AppError, type Result } from '../../core/contract/errors';
import type { HostClient } from '../../server/client';
import { hostUrlOf } from './host-address';

const TIMEOUT_MS = 8000;

/** The host this PC is a desk of, kept beside (not in) its own data folder. */
export const hostConfigFile = (userData: string) => join(userData, 'archive-host.json');

export function readHostConfig(userData: string): ClientConnectInput | null {
  const file = hostConfigFile(userData);
  if (!existsSync(file)) return null;
  try {
    const parsed = clientConnectInput.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeHostConfig(userData: string, config: ClientConnectInput): void {
  const file = hostConfigFile(userData);
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

export const forgetHostConfig = (userData: string) => rmSync(hostConfigFile(userData), { force: true });

const unreachable = (url: string) => new AppError('HOST_UNREACHABLE', { params: { url } });
const notArchive = (url: string) => new AppError('HOST_NOT_ARCHIVE', { params: { url } });

/** The certificate the host shows, whoever signed it: the user compares its fingerprint with the host's screen. */
function peerCertificate(url: URL): Promise<X509Certificate> {
  return new Promise((resolve, reject) => {
    const socket: TLSSocket = connect(
      {
        host: url.hostname,
        port: Number(url.port),
        servername: isIP(url.hostname) ? undefined : url.hostname,
        rejectUnauthorized: false,
        timeout: TIMEOUT_MS,
      },
      () => {
        const certificate = socket.getPeerX509Certificate();
        socket.end();
        if (certificate) resolve(certificate);
        else reject(notArchive(url.href));
      },
    );
    socket.on('timeout', () => socket.destroy(unreachable(url.href)));
    socket.on('error', (err) => reject(err instanceof AppError ? err : unreachable(url.href)));
  });
}

/** The host's app-status over a connection showing that same certificate, or why not. */
function hostStatus(url: URL, fingerprint: string): Promise<{ siteName: string | null }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ payload: {} });
    const req = request(
      new URL('/api/app-status', url),
      {
        method: 'POST',
        agent: false,
        rejectUnauthorized: false,
        timeout: TIMEOUT_MS,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        // Read at once: the socket is detached from the response by its end. A fresh connection (no
        // agent) never resumes a TLS session, which would carry no certificate to compare.
        const seen = (res.socket as TLSSocket | null)?.getPeerX509Certificate()?.fingerprint256;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          if (seen !== fingerprint) return reject(new AppError('HOST_CERTIFICATE_CHANGED', { params: { url: url.href } }));
          try {
            const result = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Result<{ state?: unknown; siteName?: unknown }>;
            if (!result.ok) return reject(new AppError(result.error.code, { params: result.error.params }));
            if (typeof result.value?.state !== 'string') return reject(notArchive(url.href));
            resolve({ siteName: typeof result.value.siteName === 'string' ? result.value.siteName : null });
          } catch {
            reject(notArchive(url.href));
          }
        });
        res.on('error', () => reject(unreachable(url.href)));
      },
    );
    req.on('timeout', () => req.destroy(unreachable(url.href)));
    req.on('error', (err) => reject(err instanceof AppError ? err : unreachable(url.href)));
    req.end(body);
  });
}

export async function probeHost(address: string): Promise<HostProbe> {
  const href = hostUrlOf(address);
  if (!href) throw new AppError('VALIDATION', { issues: [{ path: ['address'], message: 'v.hostAddress' }] });
  const url = new URL(href);
  const certificate = await peerCertificate(url);
  const { siteName } = await hostStatus(url, certificate.fingerprint256);
  return { url: href, fingerprint: certificate.fingerprint256, subject: certificate.subject, validTo: new Date(certificate.validTo).toISOString(), siteName };
}

/**
 * The Electron app's HostClient: a probe shows the host's certificate; a connect checks the host
 * still shows the one the user compared, remembers it and hands over to `becomeDesk`.
 */
export function electronHostClient(userData: string, becomeDesk: (config: ClientConnectInput) => void): HostClient {
  return {
    probe: probeHost,
    async connect(config) {
      const probe = await probeHost(config.url);
      if (probe.fingerprint !== config.fingerprint) throw new AppError('HOST_CERTIFICATE_CHANGED', { params: { url: config.url } });
      writeHostConfig(userData, config);
      becomeDesk(config);
    },
  };
}
