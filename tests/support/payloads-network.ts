import type { CallInput } from '../../electron/core/contract';
import type { networkCalls } from '../../electron/core/contract/network';
import type { clientCalls } from '../../electron/core/contract/client';

type NetworkCall = keyof typeof networkCalls;

/** One valid payload per host-mode call (spread into validPayloads). */
export const networkPayloads: { [N in NetworkCall]: CallInput<N> } = {
  'host-status': {},
  'host-enable': { address: '127.0.0.2', port: 8443, allow: ['127.0.0.0/8'] },
  'host-disable': {},
  'host-certificate-install': { certPem: '-----BEGIN CERTIFICATE-----', keyPem: '-----BEGIN PRIVATE KEY-----' },
  'session-list': {},
  'session-end': { id: 'abc' },
};

/** One valid payload per call of the desktop app as a desk of another PC's archive. */
export const clientPayloads: { [N in keyof typeof clientCalls]: CallInput<N> } = {
  'client-probe': { address: '192.168.1.10:8443' },
  'client-connect': { url: 'https://192.168.1.10:8443/', fingerprint: Array.from({ length: 32 }, () => 'AB').join(':') },
};
