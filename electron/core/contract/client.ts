import { z } from 'zod';
import { call } from './define';

/**
 * The desktop app as a desk of another PC's archive (issue #15: 连接到档案主机 on the first-run
 * screen). Only a PC with no archive of its own may connect; the Electron shell does the network
 * part (the server never speaks HTTP) and, once connected, shows the host's pages instead.
 */

/** What the user types: 192.168.1.10, 192.168.1.10:8443, https://档案主机:8443/. */
export const hostAddressInput = z.object({ address: z.string().trim().min(1, { error: 'v.required' }).max(200) }).strict();

/** SHA-256 of the host certificate's DER, as the host's 网络共享 card shows it. */
export const certificateFingerprint = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, { error: 'v.fingerprint' });

export const clientConnectInput = z.object({ url: z.url({ protocol: /^https$/ }).max(200), fingerprint: certificateFingerprint }).strict();
export type ClientConnectInput = z.infer<typeof clientConnectInput>;

export interface HostProbe {
  /** The host's address as the app will open it (https://…:port/). */
  url: string;
  fingerprint: string;
  /** The certificate's subject and validity, to read beside the fingerprint. */
  subject: string;
  validTo: string;
  /** The archive's site name, as the host's own sign-in page shows it. */
  siteName: string | null;
}

export const clientCalls = {
  'client-probe': call<HostProbe>()({ input: hostAddressInput, access: 'public', reads: ['app'] }),
  'client-connect': call<null>()({ input: clientConnectInput, access: 'public', changes: ['app'] }),
};
