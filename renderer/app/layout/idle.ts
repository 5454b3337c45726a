import { useEffect } from 'react';
import { lockDesk } from '../session';

const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 15_000;

/**
 * Locks a desk left alone for `minutes` (settings → idle minutes), so an unattended screen does
 * not keep showing files. The screens stay mounted behind the lock, so a half-filled form is still
 * there after the password; main expires its session on its side as well.
 */
export function useIdleLock(minutes: number | undefined): void {
  useEffect(() => {
    if (!minutes) return;
    let lastActivity = Date.now();
    const touch = () => {
      lastActivity = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touch, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity >= minutes * 60_000) lockDesk();
    }, CHECK_EVERY_MS);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touch);
      window.clearInterval(timer);
    };
  }, [minutes]);
}
