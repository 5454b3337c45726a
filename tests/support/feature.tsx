import { StyleProvider } from '@ant-design/cssinjs';
import type { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { BOX_PANELS } from '../../renderer/app/box-panels';
import { AppProviders, createQueryClient, Root } from '../../renderer/app/Root';
import { BoxPanelsProvider } from '../../renderer/ui/box-panels';

export interface FeatureRoute {
  path: string;
  element: ReactNode;
}

/**
 * antd's styles go to an element outside the document. jsdom matches every stylesheet rule on each
 * getComputedStyle, which role queries and user-event's pointer check call on every element; with
 * antd's thousands of rules that was nine tenths of a component test's time. Layout and what CSS
 * hides are checked where they are real: in Chromium, by the e2e tests.
 */
const unmatchedStyles = document.createElement('div');

function renderWithoutStyles(tree: ReactNode) {
  return render(<StyleProvider container={unmatchedStyles}>{tree}</StyleProvider>);
}

/** The whole app (setup, sign-in, layout, menus, banners) for tests of the app as a whole. */
export function renderApp(queryClient: QueryClient = createQueryClient()) {
  return renderWithoutStyles(<Root queryClient={queryClient} />);
}

/**
 * One feature's routes in the app's providers, at the current location.hash, for a signed-in test bridge: what a test
 * of that feature's screens needs, without the layout, menus and banners around them (jsdom's
 * style matching makes every extra element and stylesheet cost on each click). Tests of the app
 * as a whole (setup, sign-in, idle lock, faults, menus) mount Root instead.
 */
export function renderFeature(...routeSets: FeatureRoute[][]) {
  return renderWithoutStyles(
    <AppProviders queryClient={createQueryClient()}>
      {/* The box page's panels from other features, as the app shell fills them. */}
      <BoxPanelsProvider value={BOX_PANELS}>
        <Routes>
          {routeSets.flat().map((route) => (
            <Route key={route.path} path={route.path} element={route.element} />
          ))}
        </Routes>
      </BoxPanelsProvider>
    </AppProviders>,
  );
}
