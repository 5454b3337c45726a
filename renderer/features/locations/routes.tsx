import type { ReactNode } from 'react';
import { LocationsPage } from './LocationsPage';
import { RoomConditionsPage } from './RoomConditionsPage';
import './locations.css';

/** 库房温湿度与安全记录: the banner links here. */
export const ROOM_CONDITIONS_PATH = '/locations/conditions';

export const locationRoutes: { path: string; element: ReactNode }[] = [
  { path: 'locations', element: <LocationsPage /> },
  { path: 'locations/conditions', element: <RoomConditionsPage /> },
  { path: 'locations/:id', element: <LocationsPage /> },
];
