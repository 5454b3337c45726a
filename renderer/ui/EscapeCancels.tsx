import type { KeyboardEvent, ReactNode } from 'react';

/** Esc in any field of a form page cancels it, unless it is closing an open dropdown or calendar. */
export function EscapeCancels({ onCancel, children }: { onCancel: () => void; children: ReactNode }) {
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (event.target instanceof HTMLElement && event.target.getAttribute('aria-expanded') === 'true') return;
    onCancel();
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the keys come from the form's own fields; this only hears them bubble up
    <div onKeyDown={onKeyDown}>{children}</div>
  );
}
