import { create } from 'zustand';
import type { PublicUser } from '../../electron/core/contract/app';

interface SessionState {
  handle: string | null;
  user: PublicUser | null;
  /** Set when a kept handle turned out to be gone in main (after a reload): the login screen says so. */
  expired: boolean;
  /**
   * The desk is locked (idle, or main ended the session): the handle is dropped but the user stays,
   * so the signed-in screens stay mounted behind the lock screen and keep what was typed.
   */
  locked: boolean;
  signIn: (handle: string, user: PublicUser) => void;
  signOut: (expired?: boolean) => void;
  lock: () => void;
}

const HANDLE_KEY = 'archive-desk-session';

export const useSession = create<SessionState>((set, get) => ({
  handle: sessionStorage.getItem(HANDLE_KEY),
  user: null,
  expired: false,
  locked: false,
  signIn: (handle, user) => {
    sessionStorage.setItem(HANDLE_KEY, handle);
    set({ handle, user, expired: false, locked: false });
  },
  signOut: (expired = false) => {
    sessionStorage.removeItem(HANDLE_KEY);
    set({ handle: null, user: null, expired, locked: false });
  },
  lock: () => {
    if (!get().user) return;
    // A reload while locked must not find a handle to restore: that would skip the password.
    sessionStorage.removeItem(HANDLE_KEY);
    set({ handle: null, locked: true });
  },
}));
