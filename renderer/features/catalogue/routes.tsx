import type { ReactNode } from 'react';
import { RequireCall } from '../../ui/RequireCall';
import './catalogue.css';
import { BoxCreatePage } from './BoxCreatePage';
import { BoxDetailPage } from './BoxDetail';
import { BoxEditPage } from './BoxEditPage';
import { BoxListPage } from './BoxList';
import { OwnerDetailPage } from './OwnerDetail';
import { OwnerListPage } from './OwnerList';

/** Mounted by the shell under its layout. A typed-in address to a form the role may not use shows 403. */
export const catalogueRoutes: { path: string; element: ReactNode }[] = [
  { path: 'boxes', element: <BoxListPage /> },
  {
    path: 'boxes/new',
    element: (
      <RequireCall call="box-create">
        <BoxCreatePage />
      </RequireCall>
    ),
  },
  { path: 'boxes/:id', element: <BoxDetailPage /> },
  {
    path: 'boxes/:id/edit',
    element: (
      <RequireCall call="box-update">
        <BoxEditPage />
      </RequireCall>
    ),
  },
  { path: 'owners', element: <OwnerListPage /> },
  { path: 'owners/:id', element: <OwnerDetailPage /> },
];
