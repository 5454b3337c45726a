import { create } from 'zustand';
import type { PublicUser } from '../../electron/contract/app';

interface SessionState {
  handle: string | null;
  user: PublicUser | null;
  /** Set when main reported the session gone (idle or signed out elsewhere). */
  expired: boolean;
  signIn: (handle: string, user: PublicUser) => void;
  signOut: (expired?: boolean) => void;
}

const HANDLE_KEY = 'archive-desk-session';

export const useSession = create<SessionState>((set) => ({
  handle: sessionStorage.getItem(HANDLE_KEY),
  user: null,
  expired: false,
  signIn: (handle, user) => {
    sessionStorage.setItem(HANDLE_KEY, handle);
    set({ handle, user, expired: false });
  },
  signOut: (expired = false) => {
    sessionStorage.removeItem(HANDLE_KEY);
    set({ handle: null, user: null, expired });
  },
}));
