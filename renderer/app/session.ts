import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { call } from '../api/client';
import { useSession } from '../api/session-store';

/**
 * After a reload the handle survives in sessionStorage but the user does not: ask main who it
 * belongs to. Returns true while that question is open.
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
    else signOut();
  }, [handle, user, current.isPending, current.data]);

  return handle !== null && user === null;
}

/**
 * Ends the session in main too; a failure there changes nothing for this desk, which signs out
 * anyway. `expired` makes the login screen say the session timed out.
 */
export async function signOutEverywhere(expired = false): Promise<void> {
  await call('session-logout', {}).catch(() => null);
  useSession.getState().signOut(expired);
}
