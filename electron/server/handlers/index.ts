import type { CallName } from '../../core/contract';
import { mergeNamed } from '../../core/contract/define';
import { appHandlers } from './app';
import { auditHandlers } from './audit';
import { backupHandlers } from './backups';
import { boxHandlers } from './boxes';
import { clientHandlers } from './client';
import { custodyHandlers } from './custody';
import { importHandlers } from './imports';
import { labelHandlers } from './labels';
import { loanHandlers } from './loans';
import { locationHandlers } from './locations';
import { roomHandlers } from './rooms';
import { networkHandlers } from './network';
import { overviewHandlers } from './overview';
import { ownerHandlers } from './owners';
import { progressHandlers } from './progress';
import { reminderHandlers } from './reminders';
import type { Handlers } from './types';
import { updateHandlers } from './updates';

/** The one handler table behind both shells; the type makes a missing handler a compile error. */
export const handlerTable: Handlers<CallName> = mergeNamed(
  appHandlers,
  ownerHandlers,
  boxHandlers,
  locationHandlers,
  roomHandlers,
  auditHandlers,
  loanHandlers,
  custodyHandlers,
  backupHandlers,
  labelHandlers,
  progressHandlers,
  importHandlers,
  networkHandlers,
  clientHandlers,
  overviewHandlers,
  updateHandlers,
  reminderHandlers,
);
