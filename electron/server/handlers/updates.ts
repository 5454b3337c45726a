import type { updateCalls } from '../../core/contract/updates';
import { setUpdateSource } from '../services/update-source';
import type { Handlers } from './types';

/** 软件更新: the source is the archive's (audited), the check and the install are the shell's updater's. */
export const updateHandlers: Handlers<keyof typeof updateCalls> = {
  'update-status': (_input, { runtime }) => runtime.updates.status(),
  'update-source-set': async (input, { runtime, db, actor }) => {
    setUpdateSource(db, actor, input);
    // A new source is looked at at once: the administrator sees straight away whether it works.
    return input.kind === 'none' ? runtime.updates.status() : runtime.updates.check().catch(() => runtime.updates.status());
  },
  'update-check': (_input, { runtime }) => runtime.updates.check(),
  'update-install': (input, { runtime }) => runtime.updates.install(input.when),
};
