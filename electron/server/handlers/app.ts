import type { appCalls } from '../../core/contract/app';
import { AppError } from '../../core/contract/errors';
import { getSettings, updateSettings } from '../services/settings';
import {
  authenticate,
  changeOwnPassword,
  rightPasswordRefusal,
  createUser,
  listActiveUsers,
  listUsers,
  resetPassword,
  toPublicUser,
  updateUser,
} from '../services/users';
import type { Handlers } from './types';

export const appHandlers: Handlers<keyof typeof appCalls> = {
  'app-status': (_input, { runtime }) => runtime.refresh(),
  'app-setup': (input, { runtime }) => runtime.setup(input),
  'app-unlock': (input, { runtime }) => runtime.unlock(input.passphrase),
  'session-login': async (input, { runtime, client }) => {
    const db = runtime.requireDb();
    // A desk on the network is limited per address before its password is even checked.
    const user = await runtime.signInAttempts.check(client, () => authenticate(db, input.username, input.password, client), rightPasswordRefusal);
    return { handle: runtime.sessions.open(user.id, client), user: toPublicUser(user) };
  },
  'session-current': (_input, { user }) => (user ? toPublicUser(user) : null),
  'session-logout': (_input, { runtime, handle }) => {
    if (handle) runtime.sessions.close(handle);
    return null;
  },
  'session-change-password': async (input, { db, actor, user, runtime, handle }) => {
    await changeOwnPassword(db, actor, input.current, input.next);
    // Whoever signed in elsewhere with the old password is signed out; this session goes on.
    runtime.sessions.closeUser(user.id, handle ?? undefined);
    return null;
  },
  'settings-get': (_input, { db }) => getSettings(db),
  'settings-update': (input, { db, actor }) => updateSettings(db, actor, input),
  'user-list': (_input, { db }) => listUsers(db),
  'user-directory': (_input, { db }) => listActiveUsers(db),
  'user-create': (input, { db, actor }) => createUser(db, actor, input),
  'user-update': (input, { db, actor, user, runtime }) => {
    // An admin who demoted or disabled themself could leave nobody able to manage accounts.
    if (input.id === user.id && (input.disabled || input.role !== 'admin')) throw new AppError('FORBIDDEN');
    const updated = updateUser(db, actor, input);
    // A forced change takes effect now: whoever is signed in must sign in again and choose one. A
    // disabled account's sessions end now too, so enabling it again does not bring them back.
    if (input.mustChangePassword || input.disabled) runtime.sessions.closeUser(input.id);
    return updated;
  },
  'user-reset-password': async (input, { db, actor, runtime }) => {
    const user = await resetPassword(db, actor, input.id, input.password);
    runtime.sessions.closeUser(input.id);
    return user;
  },
};
