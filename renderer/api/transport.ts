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

/** The web shell prints its address as …/#token=…; the token is kept for this tab only. */
function webToken(): string {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/**
 * In the web shell, whether the address lacks its token ('missing') or the shell refused the one it
 * has ('refused': an address from an earlier run); null when it is fine, and always in Electron.
 */
export const useWebAddress = create<{ refused: boolean }>(() => ({ refused: false }));

export function webAddressProblem(refused: boolean): 'missing' | 'refused' | null {
  if (window.archiveDesk) return null;
  if (!webToken()) return 'missing';
  return refused ? 'refused' : null;
}

async function viaWebShell(name: CallName, payload: unknown, handle: string | null): Promise<Result<unknown>> {
  try {
    const res = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-archive-token': webToken() },
      body: JSON.stringify({ payload, handle }),
    });
    // The shell answers 403 only when the token does not match: no call gets through until a new address is opened.
    if (res.status === 403) useWebAddress.setState({ refused: true });
    return (await res.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', params: { reason: 'offline' } } };
  }
}

/** Preload API in Electron, the loopback bridge in the web shell: the same calls either way. */
export function invoke(name: CallName, payload: unknown, handle: string | null): Promise<Result<unknown>> {
  const bridge = window.archiveDesk;
  return bridge ? bridge[name](payload, handle) : viaWebShell(name, payload, handle);
}

export function initTransport(): void {
  if (!window.archiveDesk) webToken();
}
