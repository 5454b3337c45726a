import type { Role } from '../../core/enums';

/** Who performs a mutation: recorded in the audit log and on location moves, contents, etc. */
export interface Actor {
  id: number | null;
  name: string;
  role: Role | 'system';
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system', role: 'system' };

export const nowIso = (): string => new Date().toISOString();
