import type { ClientInfo } from '../core/contract/network';
import type { Topic } from '../core/contract/define';
import type { CallRequest } from './dispatch';
import type { Result } from '../core/contract/errors';

/**
 * The seam between host mode's rules (server: which address, which networks, the certificate, the
 * sessions) and its HTTPS server (a shell: electron/shells/host/). The server layer never imports
 * HTTP; a shell that can serve on the LAN hands serve() a LanHostFactory.
 */

export interface LanTls {
  certPem: string;
  keyPem: string;
}

export interface LanListen {
  /** An interface address of this machine, or 0.0.0.0 / :: for all. */
  address: string;
  port: number;
  /** Client networks let in (CIDR); never empty here: the server fills in the host's subnets. */
  allow: string[];
  /** Host names and addresses a request's Host header may name (besides address:port). */
  names: string[];
  tls: LanTls;
}

/** A write went through: the topics it changed, pushed to every desk's live stream. */
export type ChangeListener = (topics: readonly Topic[]) => void;

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(topics: readonly Topic[]): void {
    if (topics.length === 0) return;
    for (const listener of this.listeners) {
      // One broken stream must not turn a write that went through into an error for its caller.
      try {
        listener(topics);
      } catch (err) {
        console.error('a change listener failed:', err);
      }
    }
  }
}

export interface LanHostDeps {
  /** The same dispatcher as every shell; the LAN server fills in `client` from the socket. */
  dispatch: (request: CallRequest & { client: ClientInfo }) => Promise<Result<unknown>>;
  changes: ChangeFeed;
  /** Whether a session handle still signs someone in (the live stream ends when it does not). */
  sessionAlive: (handle: string) => boolean;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** The update folder 软件更新 names (a folder source), served read-only to the desks at /updates/; null: none. */
  updateFolder?: () => string | null;
  log: (err: unknown) => void;
}

export interface LanHost {
  /**
   * Resolves once listening, with the port it listens on (the one given, or the one the system
   * chose for 0). Rejects with AppError HOST_PORT_IN_USE, HOST_ADDRESS_UNAVAILABLE or
   * HOST_CERTIFICATE_INVALID (the pair TLS refuses); a running server is replaced.
   */
  start(listen: LanListen): Promise<{ port: number }>;
  stop(): Promise<void>;
  running(): boolean;
  /** The handles with a live update stream open now (for the admin's session list). */
  liveHandles(): ReadonlySet<string>;
}

export type LanHostFactory = (deps: LanHostDeps) => LanHost;
