import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(changed: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', changed);
  return () => media.removeEventListener('change', changed);
}

/**
 * Has the user asked the system for less motion (Windows: 设置 › 辅助功能 › 视觉效果 › 动画效果 off)?
 * Then dialogs, drawers and charts appear without their animations (WCAG 2.3.3). Follows the
 * setting while the app is open.
 */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches);
}
