import type { AppStatus } from '../../core/contract/app';
import type { AppErrorPayload, Result } from '../../core/contract/errors';
import type { Topic } from '../../core/contract/define';
import type { ClientInfo, HostStatus } from '../../core/contract/network';
import type { UpdateSource } from '../../core/contract/updates';

/**
 * The messages between a shell (Electron main, the web shell, later the host) and the server it
 * runs: calls one way, results back, and the few things only the shell can do (the OS keychain,
 * a browser to print with) asked for the other way. Every value survives a structured clone.
 */
export interface ServerStartOptions {
  dataDir: string;
  migrationsFolder: string;
  nativeBinding?: string;
  /** What the shell's key protector is, and whether it works on this machine; null: none. */
  protector: { kind: 'safeStorage' | 'machineKey'; available: boolean } | null;
  /** Whether the shell can print at all, and whether it has a print dialog. */
  printer: { dialog: boolean } | null;
  /** Whether the shell can make this PC a desk of another's archive (the Electron app). */
  hostClient?: boolean;
  /** Whether the shell can update the app (the desktop app runs electron-updater in main). */
  updater?: boolean;
  /** The built renderer (dist/renderer), which a LAN host serves to the other PCs. */
  rendererDir: string;
  /** A host started from the shell's command line (the web shell's --lan), not written into settings. */
  lan?: { address: string; port: number; allow: string[] };
}

export type HostAsk =
  | { op: 'protect'; secret: Uint8Array }
  | { op: 'unprotect'; blob: Uint8Array }
  | { op: 'pdf'; html: string }
  | { op: 'dialog'; html: string }
  | { op: 'host-probe'; address: string }
  | { op: 'host-connect'; url: string; fingerprint: string }
  | { op: 'update-state' }
  | { op: 'update-check'; source: UpdateSource }
  | { op: 'update-install'; when: 'now' | 'quit' };

export type ToServer =
  | { kind: 'start'; options: ServerStartOptions }
  | { kind: 'call'; id: number; name: unknown; payload: unknown; handle: unknown; client?: ClientInfo }
  | { kind: 'answer'; id: number; result: Result<unknown> }
  /** The web shell's address, written into the lock the server holds, for a second start to show. */
  | { kind: 'url'; url: string }
  | { kind: 'close' };

export type ToHost =
  /** host: host mode's status once its start settled; null where the shell lent no LAN server. */
  | { kind: 'ready'; status: AppStatus; host: HostStatus | null }
  /** A write went through: every window's live updates refetch these topics. */
  | { kind: 'changed'; topics: Topic[] }
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'ask'; id: number; ask: HostAsk }
  /** The on-close work (the day's backup) is done and the database is closed. */
  | { kind: 'closed' };

/** One side of the channel: a utility process's parentPort, a child's port, an in-process MessagePort. */
export interface MessageEnd<Out, In> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}

/** What a call in flight gets when the server process ended under it: an answer, never a hang. */
export const SERVER_GONE: { ok: false; error: AppErrorPayload } = { ok: false, error: { code: 'SERVER_GONE' } };
