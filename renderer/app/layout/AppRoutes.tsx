import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { AuditPage } from '../../features/audit/AuditPage';
import { backupRoutes } from '../../features/backups/routes';
import { importRoutes } from '../../features/import/routes';
import { catalogueRoutes } from '../../features/catalogue/routes';
import { custodyRoutes } from '../../features/custody/routes';
import { lendingRoutes } from '../../features/lending/routes';
import { locationRoutes } from '../../features/locations/routes';
import { overviewRoutes } from '../../features/overview/routes';
import { SettingsScreen } from '../settings/SettingsScreen';
import { UsersScreen } from '../users/UsersScreen';
import { MainLayout } from './MainLayout';
import { BoxPanelsProvider } from '../../ui/box-panels';
import { BOX_PANELS } from '../box-panels';
import { RequireCall } from '../../ui/RequireCall';
import { ExceptionResult } from '../../ui/ExceptionResult';
import { useSession } from '../../api/session-store';
import type { Role } from '../../../electron/core/enums';

export function AppRoutes({ siteName }: { siteName: string | null }) {
  return (
    <BoxPanelsProvider value={BOX_PANELS}>
      <Routes>
        <Route element={<MainLayout siteName={siteName} />}>
          <Route index element={<FirstScreen />} />
          {[...importRoutes, ...catalogueRoutes, ...locationRoutes, ...lendingRoutes, ...custodyRoutes, ...backupRoutes, ...overviewRoutes].map((route) => (
            <Route key={route.path} path={route.path} element={route.element} />
          ))}
          <Route
            path="users"
            element={
              <RequireCall call="user-list">
                <UsersScreen />
              </RequireCall>
            }
          />
          <Route
            path="audit"
            element={
              <RequireCall call="audit-list">
                <AuditPage />
              </RequireCall>
            }
          />
          <Route
            path="settings"
            element={
              <RequireCall call="settings-update">
                <SettingsScreen />
              </RequireCall>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BoxPanelsProvider>
  );
}

/**
 * Where sign-in lands: the manager and the auditor look before they act, so the overview; the desk
 * roles (clerk, custodian) and the admin start at the catalogue they scan and search.
 */
const FIRST_SCREEN: Record<Role, string> = { manager: '/overview', auditor: '/overview', clerk: '/boxes', custodian: '/boxes', admin: '/boxes' };

function FirstScreen() {
  const role = useSession((s) => s.user?.role);
  return <Navigate to={role ? FIRST_SCREEN[role] : '/boxes'} replace />;
}

function NotFound() {
  const { t } = useTranslation('app');
  return <ExceptionResult status="404" title={t('notFound')} />;
}
