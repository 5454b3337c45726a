import type { exportCalls } from '../../core/contract/exports';
import type { Handlers } from './types';

export const exportHandlers: Handlers<keyof typeof exportCalls> = {
  'export-progress': (_input, { runtime, actor }) => runtime.exportProgress(actor),
};
