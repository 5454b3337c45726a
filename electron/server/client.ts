import type { ClientConnectInput, HostProbe } from '../core/contract/client';
import { AppError } from '../core/contract/errors';

/**
 * The seam between the first-run screen's 连接到档案主机 and the shell that can do it (the
 * Electron app: it reaches the host over TLS and then shows the host's pages in its window).
 */
export interface HostClient {
  /** The host's certificate and site name, for the user to compare with the host's screen. */
  probe(address: string): Promise<HostProbe>;
  /** Remember the host and its certificate, and become its desk. */
  connect(input: ClientConnectInput): Promise<void>;
}

export const unavailableHostClient: HostClient = {
  probe: () => Promise.reject(new AppError('CLIENT_MODE_UNAVAILABLE')),
  connect: () => Promise.reject(new AppError('CLIENT_MODE_UNAVAILABLE')),
};
