import { contract, type CallInput, type CallName, type CallOutput } from '../../electron/core/contract';
import { changedTopics, type Topic } from '../../electron/core/contract/define';
import type { AppErrorPayload, Result } from '../../electron/core/contract/errors';
import { setReachable } from './connection';
import { useSession } from './session-store';
import { invoke } from './transport';

/** Thrown by `call` so react-query and forms see a typed error value, never a stack trace. */
export class ApiError extends Error {
  constructor(readonly payload: AppErrorPayload) {
    super(payload.code);
    this.name = 'ApiError';
  }
}

/**
 * Main no longer knows the handle a call was made with (its idle timeout, or signed out elsewhere):
 * lock the desk, keeping the screen for after the password; with nobody signed in there is nothing
 * to keep. A handle already replaced by an unlock is left alone.
 */
function sessionLost(handle: string): void {
  const session = useSession.getState();
  if (session.handle !== handle) return;
  if (session.user) session.lock();
  else session.signOut(true);
}

const archiveGoneListeners = new Set<() => void>();

/** Main stopped writing (the data folder was removed): the shell shows the start screen that says so. */
export function onArchiveGone(listener: () => void): () => void {
  archiveGoneListeners.add(listener);
  return () => archiveGoneListeners.delete(listener);
}

const changeListeners = new Set<(topics: readonly Topic[]) => void>();

/** A write went through: the topics its contract entry says it changed (renderer/ui/refresh.ts refetches their reads). */
export function onChanged(listener: (topics: readonly Topic[]) => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/**
 * Topics changed elsewhere (another desk, the host's window; renderer/api/events.ts): the same
 * listeners as a write made here, so the same refresh rule applies.
 */
export function announceChanged(topics: readonly Topic[]): void {
  for (const listener of changeListeners) listener(topics);
}

export async function callResult<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
  const handle = useSession.getState().handle;
  const result = (await invoke(name, input, handle)) as Result<CallOutput<N>>;
  // Any answer at all means the host is there; only a fetch that failed says otherwise (transport.ts).
  setReachable(result.ok || result.error.code !== 'HOST_UNREACHABLE');
  if (!result.ok && result.error.code === 'NOT_SIGNED_IN' && handle) sessionLost(handle);
  if (!result.ok && result.error.code === 'DATA_FOLDER_GONE') for (const listener of archiveGoneListeners) listener();
  const changed = result.ok ? changedTopics(contract[name]) : [];
  if (changed.length > 0) announceChanged(changed);
  return result;
}

export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await callResult(name, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
