import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Modal, Result, Spin } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { onArchiveGone } from '../api/client';
import { useSession } from '../api/session-store';
import { isLan, useWebAddress, webAddressProblem } from '../api/transport';
import { AddressScreen } from './auth/AddressScreen';
import { ChangePasswordModal } from './account/ChangePasswordModal';
import { FaultScreen } from './auth/FaultScreen';
import { HostNotReady } from './auth/HostNotReady';
import { LockScreen } from './auth/LockScreen';
import { LoginScreen } from './auth/LoginScreen';
import { SetupScreen } from './auth/SetupScreen';
import { UnlockScreen } from './auth/UnlockScreen';
import { useErrorText } from '../ui/forms';
import { statusQuery } from '../ui/queries';
import { useRestoredSession } from './session';

/** The signed-in screens load after sign-in: the first page a desk opens carries only the way in. */
const AppRoutes = lazy(() => import('./layout/AppRoutes').then((m) => ({ default: m.AppRoutes })));

/** A web shell address that cannot work is said first; then the archive's state decides. */
export function App() {
  const problem = webAddressProblem(useWebAddress((s) => s.refused));
  return problem ? <AddressScreen problem={problem} /> : <ArchiveState />;
}

/** What to show follows the archive's state: first-run setup, locked (passphrase), signed in, or why it did not open. */
function ArchiveState() {
  const { t } = useTranslation('app');
  const errorText = useErrorText();
  const status = useQuery(statusQuery);
  const queryClient = useQueryClient();
  useEffect(() => onArchiveGone(() => void queryClient.invalidateQueries({ queryKey: statusQuery.queryKey })), [queryClient]);

  if (status.isPending) return <Spin fullscreen description={t('status.loading')} />;
  if (status.isError)
    return (
      <Result
        status="error"
        title={t('status.loadFailed')}
        subTitle={errorText(status.error)}
        extra={
          <Button type="primary" onClick={() => void status.refetch()}>
            {t('status.retry')}
          </Button>
        }
      />
    );
  switch (status.data.state) {
    case 'setup':
      return isLan() ? <HostNotReady state="setup" /> : <SetupScreen />;
    case 'locked':
      return isLan() ? <HostNotReady state="locked" /> : <UnlockScreen status={status.data} />;
    case 'ready':
      return <SignedInGate siteName={status.data.siteName} />;
    case 'fault':
      return <FaultScreen status={status.data} retrying={status.isFetching} onRetry={() => void status.refetch()} />;
  }
}

function SignedInGate({ siteName }: { siteName: string | null }) {
  const { t } = useTranslation('app');
  const user = useSession((s) => s.user);
  const locked = useSession((s) => s.locked);
  const restoring = useRestoredSession();
  const queryClient = useQueryClient();

  const { message, notification } = AntApp.useApp();

  // What one user loaded or was told must not show to the next one at this desk: data, toasts, confirmations.
  useEffect(
    () =>
      useSession.subscribe((state, previous) => {
        if (!previous.user || state.user) return;
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'app-status' });
        message.destroy();
        notification.destroy();
        Modal.destroyAll();
      }),
    [queryClient, message, notification],
  );

  if (restoring) return <Spin fullscreen description={t('status.loading')} />;
  if (!user) return <LoginScreen siteName={siteName} />;
  // The lock screen is a sibling over the screens, never instead of them: they stay mounted.
  return (
    <>
      {/* Main refuses everything else until an initial or reset password is replaced. */}
      {user.mustChangePassword ? (
        <ChangePasswordModal open forced />
      ) : (
        <Suspense fallback={<Spin fullscreen description={t('status.loading')} />}>
          <AppRoutes siteName={siteName} />
        </Suspense>
      )}
      {locked && <LockScreen user={user} siteName={siteName} />}
    </>
  );
}
