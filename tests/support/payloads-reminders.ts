import type { CallInput } from '../../electron/core/contract';

/** Reminders' share of validPayloads: one well-formed payload per call. */
export const reminderPayloads: { [N in 'reminder-list' | 'reminder-notice-pdf' | 'reminder-mine']: CallInput<N> } = {
  'reminder-list': {},
  'reminder-notice-pdf': {
    borrowers: [
      { kind: 'user', userId: 1 },
      { kind: 'person', name: '王芳', phone: '138-0000-1111' },
    ],
  },
  'reminder-mine': {},
};
