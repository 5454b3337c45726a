import { lazy, Suspense, type ReactNode } from 'react';
import { Spin } from 'antd';

/** ECharts loads with the overview only, not with every screen. */
const OverviewPage = lazy(() => import('./OverviewPage').then((m) => ({ default: m.OverviewPage })));

export const OVERVIEW_PATH = '/overview';

export const overviewRoutes: { path: string; element: ReactNode }[] = [
  {
    path: 'overview',
    element: (
      <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '96px auto' }} />}>
        <OverviewPage />
      </Suspense>
    ),
  },
];
