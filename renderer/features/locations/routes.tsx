import type { ReactNode } from 'react';
import { LocationsPage } from './LocationsPage';
import './locations.css';

export const locationRoutes: { path: string; element: ReactNode }[] = [
  { path: 'locations', element: <LocationsPage /> },
  { path: 'locations/:id', element: <LocationsPage /> },
];
