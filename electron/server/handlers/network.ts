import type { networkCalls } from '../../core/contract/network';
import { sessionHandlers } from './sessions';
import type { Handlers } from './types';

type NetworkCall = keyof typeof networkCalls;

/** Host mode's calls: the runtime's HostMode decides; the HTTPS server is the shell's. */
export const networkHandlers: Handlers<NetworkCall> = {
  'host-status': (_input, { runtime }) => runtime.host.status(),
  'host-enable': (input, { runtime, actor }) => runtime.host.enable(actor, input),
  'host-disable': (_input, { runtime, actor }) => runtime.host.disable(actor),
  'host-certificate-install': (input, { runtime, actor }) => runtime.host.installCertificate(actor, input),
  ...sessionHandlers,
};
