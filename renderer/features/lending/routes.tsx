import type { ReactNode } from 'react';
import { RequireCall } from '../../ui/RequireCall';
import './lending.css';
import { BorrowerHistoryPage } from './BorrowerHistory';
import { LendingDesk } from './LendingDesk';
import { LoanDetailPage } from './LoanDetail';
import { LoanRequestPage } from './LoanRequestPage';
import { RemindersPage } from './RemindersPage';

/** Mounted by the shell under its layout. A typed-in address to the request form shows 403 to roles that may not request. */
export const lendingRoutes: { path: string; element: ReactNode }[] = [
  { path: 'lending', element: <LendingDesk /> },
  { path: 'lending/borrower', element: <BorrowerHistoryPage /> },
  {
    path: 'lending/new',
    element: (
      <RequireCall call="loan-request">
        <LoanRequestPage />
      </RequireCall>
    ),
  },
  {
    path: 'lending/reminders',
    element: (
      <RequireCall call="reminder-list">
        <RemindersPage />
      </RequireCall>
    ),
  },
  { path: 'lending/:id', element: <LoanDetailPage /> },
];
