import type { ServerOptions } from 'node:http';

/** A client must send its headers, then its whole request, within these, so a slow one cannot hold a socket. */
export const TIMEOUTS = { headersMs: 10_000, requestMs: 60_000 };
export type Timeouts = typeof TIMEOUTS;

/**
 * Node looks for expired requests every connectionsCheckingInterval (30 s unless told). A request
 * without a Host is refused by the shell's own Host check, with a typed answer, not Node's bare 400.
 */
export function serverOptions(timeouts: Timeouts): ServerOptions {
  return {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    connectionsCheckingInterval: Math.min(1000, timeouts.headersMs / 2),
    requireHostHeader: false,
  };
}
