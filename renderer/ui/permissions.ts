import { contract, type CallName } from '../../electron/core/contract';
import type { PublicUser } from '../../electron/core/contract/app';
import type { Access } from '../../electron/core/contract/define';

/** What the UI may offer a user: read from the contract's `access`, the same rule main enforces. */
export function canCall(user: PublicUser | null, name: CallName): boolean {
  const access: Access = contract[name].access;
  if (access === 'public') return true;
  if (!user) return false;
  return access === 'signed-in' || access.includes(user.role);
}
