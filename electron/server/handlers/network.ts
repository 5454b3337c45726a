import type { networkCalls } from '../../core/contract/network';
import { AppError } from '../../core/contract/errors';
import { sessionHandlers } from './sessions';
import type { Handlers } from './types';

type NetworkCall = keyof typeof networkCalls;

const unavailable = (): never => {
  throw new AppError('HOST_UNAVAILABLE');
};

/** Host mode's calls; the LAN host is wired in by issue #15's next step. */
export const networkHandlers: Handlers<NetworkCall> = {
  'host-status': unavailable,
  'host-enable': unavailable,
  'host-disable': unavailable,
  'host-certificate-install': unavailable,
  ...sessionHandlers,
};
