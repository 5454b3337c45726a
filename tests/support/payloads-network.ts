import type { CallInput } from '../../electron/core/contract';
import type { networkCalls } from '../../electron/core/contract/network';

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
