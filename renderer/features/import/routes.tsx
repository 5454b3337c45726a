import type { ReactNode } from 'react';
import { RequireCall } from '../../ui/RequireCall';
import { ImportPage } from './ImportPage';
import './import.css';

export const importRoutes: { path: string; element: ReactNode }[] = [
  {
    path: 'boxes/import',
    element: (
      <RequireCall call="import-boxes-run">
        <ImportPage />
      </RequireCall>
    ),
  },
];
