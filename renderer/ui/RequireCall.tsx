import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallName } from '../../electron/core/contract';
import { useSession } from '../api/session-store';
import { ExceptionResult } from './ExceptionResult';
import { canCall } from './permissions';

/** A typed-in address must not open a screen the menu hides; main refuses the calls anyway. */
export function RequireCall({ call, children }: { call: CallName; children: ReactNode }) {
  const { t } = useTranslation('common');
  const user = useSession((s) => s.user);
  return canCall(user, call) ? children : <ExceptionResult status="403" title={t('forbidden')} />;
}
