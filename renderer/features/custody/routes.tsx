import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { RequireCall } from '../../ui/RequireCall';
import './custody.css';
import { DestructionDetailPage } from './DestructionDetail';
import { DestructionList } from './DestructionList';
import { InspectionPage } from './InspectionPage';
import { custodyPaths } from './paths';
import { RetentionReport } from './RetentionReport';
import { TransferDetailPage } from './TransferDetail';
import { TransferList } from './TransferList';
import { TransferNewPage } from './TransferNewPage';

/** Mounted by the shell under its layout; a typed-in address a role may not use shows 403. */
export const custodyRoutes: { path: string; element: ReactNode }[] = [
  { path: 'custody', element: <Navigate to={custodyPaths.transfers} replace /> },
  { path: 'custody/transfers', element: <TransferList /> },
  {
    path: 'custody/transfers/new',
    element: (
      <RequireCall call="transfer-create">
        <TransferNewPage />
      </RequireCall>
    ),
  },
  { path: 'custody/transfers/:id', element: <TransferDetailPage /> },
  {
    path: 'custody/inspection',
    element: (
      <RequireCall call="inspection-get">
        <InspectionPage />
      </RequireCall>
    ),
  },
  {
    path: 'custody/retention',
    element: (
      <RequireCall call="retention-report">
        <RetentionReport />
      </RequireCall>
    ),
  },
  {
    path: 'custody/destructions',
    element: (
      <RequireCall call="destruction-list">
        <DestructionList />
      </RequireCall>
    ),
  },
  {
    path: 'custody/destructions/:id',
    element: (
      <RequireCall call="destruction-get">
        <DestructionDetailPage />
      </RequireCall>
    ),
  },
];
