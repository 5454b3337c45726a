import type { CallName } from '../../electron/core/contract';
import { useSession } from '../api/session-store';
import { canCall } from './permissions';

/** Whether to offer an action: the same access rule main enforces on the call behind it. */
export function useCanCall(name: CallName): boolean {
  const user = useSession((s) => s.user);
  return canCall(user, name);
}
