import { inArray } from 'drizzle-orm';
import { users } from '../../../db/schema';
import { AppError } from '../../core/contract/errors';
import type { networkCalls, SessionInfo } from '../../core/contract/network';
import { getSettings } from '../services/settings';
import { mutate } from '../services/transaction';
import type { Handlers } from './types';

type SessionCall = 'session-list' | 'session-end';

/**
 * The admin's list of who is signed in where (this PC's window and every desk on the network),
 * and "sign out this desk". A session is named by a public id; its handle never leaves the server.
 */
export const sessionHandlers: Handlers<SessionCall & keyof typeof networkCalls> = {
  'session-list': (_input, { db, runtime, handle }): SessionInfo[] => {
    const sessions = runtime.sessions.list(getSettings(db).idleMinutes);
    const ids = [...new Set(sessions.map((s) => s.userId))];
    const people = new Map((ids.length === 0 ? [] : db.select().from(users).where(inArray(users.id, ids)).all()).map((u) => [u.id, u] as const));
    return sessions.flatMap((s) => {
      const user = people.get(s.userId);
      if (!user) return [];
      return [
        {
          id: s.id,
          userId: user.id,
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          client: s.client,
          openedAt: new Date(s.openedAt).toISOString(),
          lastSeen: new Date(s.lastSeen).toISOString(),
          current: s.handle === handle,
          live: runtime.sessions.isLive(s.handle),
        },
      ];
    });
  },
  'session-end': (input, { db, actor, runtime, handle }) => {
    const session = runtime.sessions.list(getSettings(db).idleMinutes).find((s) => s.id === input.id);
    if (!session) throw new AppError('SESSION_NOT_FOUND');
    // Ending one's own session from the list would lock the admin out mid-click; signing out does that.
    if (session.handle === handle) throw new AppError('SESSION_IS_OWN');
    // Recorded first, in its own transaction; the session ends only once the entry is written
    // (nothing awaits in between, so no call of that session slips through).
    mutate(db, actor, (tx) => {
      const whose = tx
        .select({ username: users.username, displayName: users.displayName })
        .from(users)
        .where(inArray(users.id, [session.userId]))
        .get();
      return {
        result: null,
        audit: {
          action: 'session-end',
          entity: 'user',
          entityId: session.userId,
          after: {
            username: whose?.username ?? null,
            displayName: whose?.displayName ?? null,
            clientAddress: session.client.address,
            clientName: session.client.name,
            openedAt: new Date(session.openedAt).toISOString(),
          },
        },
      };
    });
    runtime.sessions.closeById(session.id);
    return null;
  },
};
