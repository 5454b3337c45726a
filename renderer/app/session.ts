import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { call } from '../api/client';
import { useSession } from '../api/session-store';
import { invoke } from '../api/transport';

/**
 * After a reload the handle survives in sessionStorage but the user does not: ask main who it
 * belongs to. Returns true while that question is open. A handle main no longer knows has timed out.
 */
export function useRestoredSession(): boolean {
  const handle = useSession((s) => s.handle);
  const user = useSession((s) => s.user);
  const current = useQuery({
    queryKey: ['session-current', handle],
    queryFn: () => call('session-current', {}),
    enabled: handle !== null && user === null,
    retry: false,
    gcTime: 0,
  });

  useEffect(() => {
    if (!handle || user || current.isPending) return;
    const { signIn, signOut } = useSession.getState();
    if (current.data) signIn(handle, current.data);
    else signOut(true);
  }, [handle, user, current.isPending, current.data]);

  return handle !== null && user === null;
}

/** Ends the session in main too; a failure there changes nothing for this desk, which signs out anyway. */
export async function signOutEverywhere(): Promise<void> {
  await call('session-logout', {}).catch(() => null);
  useSession.getState().signOut();
}

/**
 * Locks the desk: the lock screen covers it at once, and main's session is ended so the dropped
 * handle is of no use to anyone; the user's password opens a new one (see LockScreen).
 */
export function lockDesk(): void {
  const { handle, locked, lock } = useSession.getState();
  if (locked) return;
  lock();
  if (handle) void invoke('session-logout', {}, handle);
}
