import { useLayoutEffect, useState } from 'react';

const BEHIND = 'data-behind-cover';

/**
 * A layer of its own at the end of <body>, for a screen that must cover everything: while it is
 * mounted every other child of <body> (the app, and dialogs or drawers portalled there, even ones
 * opened meanwhile) is inert and hidden, so nothing behind it can be seen, clicked, focused or
 * read out, and a dialog's focus trap cannot pull the cursor back. They all stay mounted. When it
 * goes, the cursor returns to where it was.
 */
export function useCoverLayer(className: string): HTMLElement | null {
  const [layer, setLayer] = useState<HTMLElement | null>(null);

  useLayoutEffect(() => {
    const previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const cover = document.createElement('div');
    cover.className = className;
    document.body.append(cover);
    const covered = new Set<Element>();
    const coverOthers = () => {
      for (const child of document.body.children) {
        if (child === cover || child.hasAttribute(BEHIND)) continue;
        child.setAttribute(BEHIND, '');
        child.setAttribute('inert', '');
        covered.add(child);
      }
    };
    coverOthers();
    const observer = new MutationObserver(coverOthers);
    observer.observe(document.body, { childList: true });
    setLayer(cover);
    return () => {
      observer.disconnect();
      for (const child of covered) {
        child.removeAttribute(BEHIND);
        child.removeAttribute('inert');
      }
      cover.remove();
      previousFocus?.focus({ preventScroll: true });
    };
  }, [className]);

  return layer;
}
