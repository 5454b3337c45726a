import { useNavigate } from 'react-router';
import type { KeyboardEvent } from 'react';

/** Back where the user came from, or to `fallback` when the page was opened directly. */
export function useGoBack(fallback: string): () => void {
  const navigate = useNavigate();
  return () => {
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    void (idx > 0 ? navigate(-1) : navigate(fallback, { replace: true }));
  };
}

/** Esc cancels a form page, unless it is closing an open dropdown or calendar. */
export function escapeCancels(cancel: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (event.target instanceof HTMLElement && event.target.getAttribute('aria-expanded') === 'true') return;
    cancel();
  };
}
