import type { backupCalls } from '../../core/contract/backups';
import { backupOverview, listBackups, updateBackupSettings } from '../services/backups';
import type { Handlers } from './types';

export const backupHandlers: Handlers<keyof typeof backupCalls> = {
  'backup-overview': (_input, { db, runtime }) => backupOverview(db, runtime.now()),
  'backup-settings-update': (input, { db, actor }) => updateBackupSettings(db, actor, input),
  'backup-run': (_input, { runtime, actor }) => runtime.backUpNow(actor),
  'job-status': (_input, { runtime }) => runtime.jobStatus(),
  'backup-list': (input) => listBackups(input.folder),
  'backup-inspect': (input, { runtime }) => runtime.inspectBackup(input.file),
  'backup-restore': async (input, { runtime, actor }) => {
    await runtime.restore(actor, input.file, input.passphrase);
    return null;
  },
  'passphrase-change': async (input, { runtime, actor }) => {
    await runtime.changePassphrase(actor, input.current, input.next);
    return null;
  },
  'database-rekey': async (input, { runtime, actor }) => {
    await runtime.rekey(actor, input.passphrase);
    return null;
  },
  'app-restore': async (input, { runtime }) => {
    await runtime.restoreAtSetup(input.file, input.passphrase);
    return null;
  },
};
