import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
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
