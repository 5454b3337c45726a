import type { CallInput, CallName, CallOutput } from '../../electron/contract';
import type { AppErrorPayload, Result } from '../../electron/contract/errors';
import { useSession } from './session-store';
import { invoke } from './transport';

/** Thrown by `call` so react-query and forms see a typed error value, never a stack trace. */
export class ApiError extends Error {
  constructor(readonly payload: AppErrorPayload) {
    super(payload.code);
    this.name = 'ApiError';
  }
}

export async function callResult<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
  const result = (await invoke(name, input, useSession.getState().handle)) as Result<CallOutput<N>>;
  if (!result.ok && result.error.code === 'NOT_SIGNED_IN' && useSession.getState().handle) useSession.getState().signOut(true);
  return result;
}

export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await callResult(name, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
