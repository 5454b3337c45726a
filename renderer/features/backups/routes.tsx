import type { ReactNode } from 'react';
import { RequireCall } from '../../ui/RequireCall';
import { BackupsPage } from './BackupsPage';
import './backups.css';

export const backupRoutes: { path: string; element: ReactNode }[] = [
  {
    path: 'backups',
    element: (
      <RequireCall call="backup-overview">
        <BackupsPage />
      </RequireCall>
    ),
  },
];
