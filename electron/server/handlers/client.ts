import type { clientCalls } from '../../core/contract/client';
import { AppError } from '../../core/contract/errors';
import type { Runtime } from '../runtime';
import type { Handlers } from './types';

type ClientCall = keyof typeof clientCalls;

/** A PC that keeps an archive stays its writer: only one still at its first run may become a desk elsewhere. */
function assertNoArchive(runtime: Runtime): void {
  if (runtime.refresh().state !== 'setup') throw new AppError('ALREADY_SET_UP');
}

export const clientHandlers: Handlers<ClientCall> = {
  'client-probe': (input, { runtime }) => {
    assertNoArchive(runtime);
    return runtime.hostClient.probe(input.address);
  },
  'client-connect': async (input, { runtime }) => {
    assertNoArchive(runtime);
    await runtime.hostClient.connect(input);
    return null;
  },
};
