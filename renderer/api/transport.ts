import { create } from 'zustand';
import type { CallName } from '../../electron/core/contract';
import type { Result } from '../../electron/core/contract/errors';

/** What the preload exposes: one function per contract call, nothing else. */
export type DesktopBridge = Record<CallName, (payload: unknown, handle: string | null) => Promise<Result<unknown>>>;

declare global {
  interface Window {
    archiveDesk?: DesktopBridge;
  }
}

const TOKEN_KEY = 'archive-desk-token';
const DESK_KEY = 'archive-desk-desk-name';
/** The host refuses a longer client name (the wire protocol's x-archive-desk). */
export const DESK_NAME_MAX = 40;

/**
 * A desk on the office network: the page came from the archive host over HTTPS. The loopback
 * shell is plain http on 127.0.0.1 and Electron has its preload, so neither is ever this.
 */
export function isLan(): boolean {
  return !window.archiveDesk && window.location.protocol === 'https:';
}

/** The web shell prints its address as …/#token=…; the token is kept for this tab only. */
function webToken(): string {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The name this desk gives itself (前台1), kept on this PC so the front desk types it once. */
export function deskName(): string {
  return localStorage.getItem(DESK_KEY) ?? '';
}

export function setDeskName(name: string): void {
  const trimmed = name.trim().slice(0, DESK_NAME_MAX);
  if (trimmed) localStorage.setItem(DESK_KEY, trimmed);
  else localStorage.removeItem(DESK_KEY);
}

/**
 * In the web shell, whether the address lacks its token ('missing') or the shell refused the one it
 * has ('refused': an address from an earlier run); null when it is fine, always in Electron, and
 * always on a LAN desk, which signs in with its own account instead of a token.
 */
export const useWebAddress = create<{ refused: boolean }>(() => ({ refused: false }));

export function webAddressProblem(refused: boolean): 'missing' | 'refused' | null {
  if (window.archiveDesk || isLan()) return null;
  if (!webToken()) return 'missing';
  return refused ? 'refused' : null;
}

/** The headers of every web request: the session and desk name always, the token only on loopback. */
export function webHeaders(handle: string | null): Record<string, string> {
  const headers: Record<string, string> = {};
  if (handle) headers['x-archive-session'] = handle;
  const desk = deskName();
  if (desk) headers['x-archive-desk'] = encodeURIComponent(desk);
  if (!isLan()) headers['x-archive-token'] = webToken();
  return headers;
}

/** Loopback: the shell is on this PC, so a failed fetch is the shell stopped (today's INTERNAL offline). */
function unreachable(): Result<unknown> {
  return isLan() ? { ok: false, error: { code: 'HOST_UNREACHABLE' } } : { ok: false, error: { code: 'INTERNAL', params: { reason: 'offline' } } };
}

async function viaWebShell(name: CallName, payload: unknown, handle: string | null): Promise<Result<unknown>> {
  let res: Response;
  try {
    res = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...webHeaders(handle) },
      body: JSON.stringify({ payload }),
    });
  } catch {
    return unreachable();
  }
  let result: Result<unknown>;
  try {
    result = (await res.json()) as Result<unknown>;
  } catch {
    // A cut-off or non-JSON answer: the host went away mid-request, so the call's fate is unknown.
    return unreachable();
  }
  // On loopback a 403 means the token does not match: no call gets through until a new address is
  // opened. A network refusal (and any LAN 403) is an answer to show, not a stale address.
  if (res.status === 403 && !isLan() && !(result.ok === false && result.error.code === 'HOST_NETWORK_REFUSED')) useWebAddress.setState({ refused: true });
  return result;
}

/** Preload API in Electron, the loopback bridge in the web shell: the same calls either way. */
export function invoke(name: CallName, payload: unknown, handle: string | null): Promise<Result<unknown>> {
  const bridge = window.archiveDesk;
  return bridge ? bridge[name](payload, handle) : viaWebShell(name, payload, handle);
}

export function initTransport(): void {
  if (!window.archiveDesk && !isLan()) webToken();
}
