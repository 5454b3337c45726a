import type { reminderCalls } from '../../core/contract/reminders';
import { reminderNoticePdf } from '../services/printing/reminders';
import { myReminders, reminderList } from '../services/reminders';
import { outputOf, type Handlers } from './types';

/** Reminders: the desk's 催还 list and notices, and what concerns the signed-in person. */
export const reminderHandlers: Handlers<keyof typeof reminderCalls> = {
  'reminder-list': (_input, { db }) => reminderList(db),
  'reminder-notice-pdf': (input, ctx) => reminderNoticePdf(outputOf(ctx), input),
  'reminder-mine': (_input, { db, user }) => myReminders(db, user),
};
