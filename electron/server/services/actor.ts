import type { Role } from '../../core/enums';
import type { ClientInfo } from '../../core/contract/network';

/** The app's own window (Electron, or the loopback web shell on this PC). */
export const LOCAL_CLIENT: ClientInfo = { transport: 'local', address: null, name: null };

/** Who performs a mutation: recorded in the audit log and on location moves, contents, etc. */
export interface Actor {
  id: number | null;
  name: string;
  role: Role | 'system';
  /**
   * The desk the call came from, recorded with every audit entry; absent: this PC's own window
   * (so a service that builds an actor of its own needs nothing more).
   */
  client?: ClientInfo;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system', role: 'system' };

export const nowIso = (): string => new Date().toISOString();
