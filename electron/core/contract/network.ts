import { z } from 'zod';
import { call } from './define';
import { empty } from './fields';

/**
 * Host mode (网络共享, issue #15): the archive PC serves the same renderer and handler table over
 * HTTPS on the office network; every other desk is a browser with its own session. Still one
 * writer: the host's dispatcher is the only way in.
 */

/** An IPv4 or IPv6 network in CIDR form (192.168.1.0/24), or one address. */
export const networkRange = z
  .string()
  .trim()
  .max(64)
  .regex(/^[0-9a-fA-F:.]+(\/\d{1,3})?$/, { error: 'v.networkRange' });

export const hostEnableInput = z
  .object({
    /** One of the host's own interface addresses (host-status lists them), or 0.0.0.0 for all. */
    address: z.string().trim().min(1, { error: 'v.required' }).max(64),
    port: z.number().int().min(1024, { error: 'v.port' }).max(65535, { error: 'v.port' }),
    /** The client networks let in; empty: the host's own subnet(s). */
    allow: z.array(networkRange).max(32),
  })
  .strict();
export type HostEnableInput = z.infer<typeof hostEnableInput>;

/** A company certificate replacing the self-signed one: both as PEM text. */
export const hostCertificateInput = z
  .object({ certPem: z.string().min(1, { error: 'v.required' }).max(64_000), keyPem: z.string().min(1, { error: 'v.required' }).max(64_000) })
  .strict();

export interface HostInterface {
  /** The OS's name for it (eth0, 以太网). */
  name: string;
  address: string;
  family: 'IPv4' | 'IPv6';
  /** Its subnet in CIDR form: the default allow-list. */
  cidr: string;
}

export interface HostCertificate {
  /** SHA-256 of the DER certificate, as colon-separated hex pairs: what a client compares. */
  fingerprint: string;
  subject: string;
  validFrom: string;
  validTo: string;
  selfSigned: boolean;
}

export interface HostStatus {
  /** The administrator turned host mode on (kept in the archive's settings). */
  enabled: boolean;
  /** The HTTPS server is listening now. */
  running: boolean;
  address: string | null;
  port: number | null;
  allow: string[];
  /** What the other PCs type, one per usable address. */
  urls: string[];
  interfaces: HostInterface[];
  certificate: HostCertificate | null;
  /** Why it is not running although enabled (port in use, address gone): an error code. */
  problem: string | null;
  /** Whether this shell can serve at all (false where no LAN server is wired in). */
  available: boolean;
}

/** Where a call came from: 'local' is the app's own window (Electron or the loopback shell). */
export interface ClientInfo {
  transport: 'local' | 'lan';
  address: string | null;
  /** The name a desk gives itself (前台1), or null. */
  name: string | null;
}

export interface SessionInfo {
  /** A public id for the session (never its handle). */
  id: string;
  userId: number;
  username: string;
  displayName: string;
  role: string;
  client: ClientInfo;
  openedAt: string;
  lastSeen: string;
  /** The session of the caller asking. */
  current: boolean;
  /** It has a live update stream open now. */
  live: boolean;
}

export const networkCalls = {
  'host-status': call<HostStatus>()({ input: empty, access: ['admin'], reads: ['settings', 'session'] }),
  'host-enable': call<HostStatus>()({ input: hostEnableInput, access: ['admin'], changes: ['settings'] }),
  'host-disable': call<HostStatus>()({ input: empty, access: ['admin'], changes: ['settings', 'session'] }),
  'host-certificate-install': call<HostStatus>()({ input: hostCertificateInput, access: ['admin'], changes: ['settings'] }),
  'session-list': call<SessionInfo[]>()({ input: empty, access: ['admin'], reads: ['session'] }),
  'session-end': call<null>()({ input: z.object({ id: z.string().min(1).max(100) }).strict(), access: ['admin'], changes: ['session'] }),
};
