import type { CallInput } from '../../electron/core/contract';
import type { updateCalls } from '../../electron/core/contract/updates';

/** One valid payload per 软件更新 call (spread into validPayloads). */
export const updatePayloads: { [N in keyof typeof updateCalls]: CallInput<N> } = {
  'update-status': {},
  'update-source-set': { kind: 'folder', path: '\\\\server\\share\\ArchiveDeskUpdates' },
  'update-check': {},
  'update-install': { when: 'quit' },
};
