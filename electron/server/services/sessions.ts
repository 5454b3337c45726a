import { randomBytes } from 'node:crypto';
import type { ClientInfo } from '../../core/contract/network';
import { LOCAL_CLIENT } from './actor';

interface Session {
  /** What an admin's session list names it by: the handle signs in, so it never leaves the store. */
  id: string;
  userId: number;
  client: ClientInfo;
  openedAt: number;
  lastSeen: number;
}

/** One live session as the admin's list sees it; `handle` stays inside the server (to tell the caller's own). */
export interface SessionView {
  id: string;
  userId: number;
  client: ClientInfo;
  openedAt: number;
  lastSeen: number;
  handle: string;
}

/**
 * Sessions live in the server process only; the renderer holds an opaque random handle. A session
 * idle for longer than the configured minutes is gone, and the UI goes back to the login screen.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  /** Whether a handle has a live update stream open: the LAN server knows, and fills it in. */
  private liveProbe: ((handle: string) => boolean) | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  open(userId: number, client: ClientInfo = LOCAL_CLIENT): string {
    const handle = randomBytes(32).toString('base64url');
    const at = this.now();
    this.sessions.set(handle, { id: randomBytes(12).toString('base64url'), userId, client: { ...client }, openedAt: at, lastSeen: at });
    return handle;
  }

  /** The user behind a handle, refreshing its idle timer; null when unknown or expired. */
  touch(handle: string | null | undefined, idleMinutes: number): number | null {
    if (!handle) return null;
    const session = this.sessions.get(handle);
    if (!session) return null;
    if (this.expired(session, idleMinutes)) {
      this.sessions.delete(handle);
      return null;
    }
    session.lastSeen = this.now();
    return session.userId;
  }

  /** Whether a handle still signs someone in, without counting as activity (a live update stream asks this). */
  alive(handle: string, idleMinutes: number): boolean {
    const session = this.sessions.get(handle);
    return session !== undefined && !this.expired(session, idleMinutes);
  }

  /** Every session still signed in, oldest first; expired ones are dropped on the way. */
  list(idleMinutes: number): SessionView[] {
    const live: SessionView[] = [];
    for (const [handle, s] of this.sessions) {
      if (this.expired(s, idleMinutes)) this.sessions.delete(handle);
      else live.push({ id: s.id, userId: s.userId, client: { ...s.client }, openedAt: s.openedAt, lastSeen: s.lastSeen, handle });
    }
    return live.sort((a, b) => a.openedAt - b.openedAt);
  }

  /** Ends the session with that public id: its handle (for whoever keeps per-handle state), or null if none. */
  closeById(id: string): string | null {
    for (const [handle, s] of this.sessions) {
      if (s.id !== id) continue;
      this.sessions.delete(handle);
      return handle;
    }
    return null;
  }

  /** Ends every session the predicate picks (host mode off: every LAN desk); how many ended. */
  closeWhere(pred: (s: { userId: number; client: ClientInfo }) => boolean): number {
    let closed = 0;
    for (const [handle, s] of this.sessions) {
      if (!pred({ userId: s.userId, client: s.client })) continue;
      this.sessions.delete(handle);
      closed += 1;
    }
    return closed;
  }

  close(handle: string): void {
    this.sessions.delete(handle);
  }

  /** After a password changes or an account is disabled, whoever held it is signed out everywhere but `keep`. */
  closeUser(userId: number, keep?: string): void {
    for (const [handle, session] of this.sessions) if (session.userId === userId && handle !== keep) this.sessions.delete(handle);
  }

  closeAll(): void {
    this.sessions.clear();
  }

  /** The LAN server tells which handles hold a live update stream; null: none can (no LAN server). */
  setLiveProbe(probe: ((handle: string) => boolean) | null): void {
    this.liveProbe = probe;
  }

  isLive(handle: string): boolean {
    return this.liveProbe?.(handle) ?? false;
  }

  private expired(s: Session, idleMinutes: number): boolean {
    return this.now() - s.lastSeen > idleMinutes * 60_000;
  }
}
