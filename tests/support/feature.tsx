import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { BOX_PANELS } from '../../renderer/app/box-panels';
import { AppProviders, createQueryClient } from '../../renderer/app/Root';
import { BoxPanelsProvider } from '../../renderer/ui/box-panels';

export interface FeatureRoute {
  path: string;
  element: ReactNode;
}

/**
 * One feature's routes in the app's providers, at the current location.hash, for a signed-in test bridge: what a test
 * of that feature's screens needs, without the layout, menus and banners around them (jsdom's
 * style matching makes every extra element and stylesheet cost on each click). Tests of the app
 * as a whole (setup, sign-in, idle lock, faults, menus) mount Root instead.
 */
export function renderFeature(...routeSets: FeatureRoute[][]) {
  return render(
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
