import { randomBytes } from 'node:crypto';
import type { ClientInfo } from '../../core/contract/network';

interface Session {
  userId: number;
  client: ClientInfo;
  lastSeen: number;
}

/** The app's own window (the dispatcher's LOCAL_CLIENT; services do not import the dispatcher). */
const OWN_WINDOW: ClientInfo = { transport: 'local', address: null, name: null };

/**
 * Sessions live in the main process only; the renderer holds an opaque random handle. A session
 * idle for longer than the configured minutes is gone, and the UI goes back to the login screen.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly now: () => number = Date.now) {}

  open(userId: number, client: ClientInfo = OWN_WINDOW): string {
    const handle = randomBytes(32).toString('base64url');
    this.sessions.set(handle, { userId, client, lastSeen: this.now() });
    return handle;
  }

  /** The user behind a handle, refreshing its idle timer; null when unknown or expired. */
  touch(handle: string | null | undefined, idleMinutes: number): number | null {
    if (!handle) return null;
    const session = this.sessions.get(handle);
    if (!session) return null;
    if (this.now() - session.lastSeen > idleMinutes * 60_000) {
      this.sessions.delete(handle);
      return null;
    }
    session.lastSeen = this.now();
    return session.userId;
  }

  /** Whether a handle still signs someone in, without counting as activity (a live update stream asks this). */
  alive(handle: string, idleMinutes: number): boolean {
    const session = this.sessions.get(handle);
    return session !== undefined && this.now() - session.lastSeen <= idleMinutes * 60_000;
  }

  close(handle: string): void {
    this.sessions.delete(handle);
  }

  /** After a password changes or an account is disabled, whoever held it is signed out everywhere but `keep`. */
  closeUser(userId: number, keep?: string): void {
    for (const [handle, session] of this.sessions) if (session.userId === userId && handle !== keep) this.sessions.delete(handle);
  }

  /** Ends every session the predicate picks (host mode turned off: every desk on the network); how many ended. */
  closeWhere(pred: (s: { userId: number; client: ClientInfo }) => boolean): number {
    let ended = 0;
    for (const [handle, session] of this.sessions) {
      if (!pred({ userId: session.userId, client: session.client })) continue;
      this.sessions.delete(handle);
      ended++;
    }
    return ended;
  }

  closeAll(): void {
    this.sessions.clear();
  }
}
