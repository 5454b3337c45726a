import type { progressCalls } from '../../core/contract/progress';
import type { Handlers } from './types';

export const progressHandlers: Handlers<keyof typeof progressCalls> = {
  'call-progress': (_input, { runtime, actor }) => runtime.callProgress(actor),
};
