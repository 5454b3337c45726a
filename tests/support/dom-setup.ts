import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { useConnection } from '../../renderer/api/connection';
import { useSession } from '../../renderer/api/session-store';
import { useWebAddress } from '../../renderer/api/transport';
import { initI18n } from '../../renderer/app/translations';

// jsdom lacks the layout APIs antd's responsive and virtual components ask for.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (!window.ResizeObserver) {
  window.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

// jsdom has no pseudo-elements and logs a stack trace each time one is asked for (antd's table
// measures the scrollbar's): the element's own style answers instead.
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computedStyle(element);

// A second is testing-library's default wait: a loaded 2-core machine can take longer to answer.
configure({ asyncUtilTimeout: 10_000 });

// rc-virtual-list scrolls its holder; jsdom has no layout, so scrolling is a no-op there.
if (!Element.prototype.scrollTo) Element.prototype.scrollTo = () => {};

initI18n('zh-CN');
// Test files share a worker's modules and window (isolate: false): each test starts where a fresh one would.
afterEach(() => {
  cleanup();
  useSession.setState(useSession.getInitialState(), true);
  useConnection.setState(useConnection.getInitialState(), true);
  useWebAddress.setState(useWebAddress.getInitialState(), true);
  window.history.replaceState(null, '', '/');
  localStorage.clear();
  sessionStorage.clear();
});
