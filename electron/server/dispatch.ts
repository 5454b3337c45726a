import type { z } from 'zod';
import { storageFault } from '../../db/connection';
import { contract, isCallName, type CallName } from '../core/contract';
import { CALLS_AT_HOST_ONLY, CALLS_BEFORE_PASSWORD_CHANGE } from '../core/contract/app';
import { changedTopics, type Access } from '../core/contract/define';
import { AppError, type Result } from '../core/contract/errors';
import type { ClientInfo } from '../core/contract/network';
import type { HandlerContext, Handlers, SignedInContext } from './handlers/types';
import type { Runtime } from './runtime';
import { LOCAL_CLIENT } from './services/actor';
import { actorOf, getUser } from './services/users';
import { getSettings } from './services/settings';

export interface CallRequest {
  name: unknown;
  payload: unknown;
  handle: unknown;
  /** Where the call came from; absent: the app's own window. A LAN shell fills it in from the socket, never from the body. */
  client?: ClientInfo;
}

export { LOCAL_CLIENT };

function validationError(error: z.ZodError): AppError {
  return new AppError('VALIDATION', {
    issues: error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message })),
  });
}

/** The user behind the handle, or null; a disabled account's sessions end at once. */
function sessionUser(runtime: Runtime, handle: string | null) {
  if (!runtime.isReady() || !handle) return null;
  const db = runtime.requireDb();
  const userId = runtime.sessions.touch(handle, getSettings(db).idleMinutes);
  if (userId === null) return null;
  const user = getUser(db, userId);
  if (user.disabled) {
    runtime.sessions.close(handle);
    return null;
  }
  return user;
}

function authorise(name: CallName, ctx: HandlerContext): HandlerContext | SignedInContext {
  const access: Access = contract[name].access;
  if (access === 'public') return ctx;
  const db = ctx.runtime.requireDb();
  if (!ctx.user) throw new AppError('NOT_SIGNED_IN');
  if (ctx.user.mustChangePassword && !CALLS_BEFORE_PASSWORD_CHANGE.includes(name)) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  if (access !== 'signed-in' && !access.includes(ctx.user.role)) throw new AppError('FORBIDDEN');
  return { ...ctx, user: ctx.user, actor: actorOf(ctx.user, ctx.client), db };
}

/**
 * Every call from either shell comes through here: the name must be in the contract, the caller
 * must hold a role the contract allows, the payload must parse with its schema. Only then does a
 * handler run; whatever happens, the caller gets a Result, never an exception or a stack trace.
 */
export function createDispatcher(runtime: Runtime, handlers: Handlers<CallName>, log: (err: unknown) => void = console.error) {
  return async function dispatch(request: CallRequest): Promise<Result<unknown>> {
    try {
      const { name } = request;
      if (!isCallName(name)) throw new AppError('UNKNOWN_CALL');
      if (request.client?.transport === 'lan' && CALLS_AT_HOST_ONLY.includes(name)) throw new AppError('HOST_LOCAL_ONLY');
      // Once the archive file is removed under it, the status (the start screen) and the restore are all that answer.
      if (name !== 'app-status' && name !== 'app-restore') runtime.assertInPlace();
      // The door before the payload: a caller without the session or role learns nothing of a call's input.
      const handle = typeof request.handle === 'string' && request.handle.length <= 100 ? request.handle : null;
      const ctx = authorise(name, { runtime, handle, user: sessionUser(runtime, handle), client: request.client ?? LOCAL_CLIENT });
      const parsed = contract[name].input.safeParse(request.payload ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      const handler = handlers[name] as (input: unknown, ctx: HandlerContext | SignedInContext) => unknown;
      const value = await handler(parsed.data, ctx);
      // Every desk's live stream hears what a write changed; a refused call changed nothing.
      runtime.changes.publish(changedTopics(contract[name]));
      return { ok: true, value };
    } catch (err) {
      // A write while a re-key or restore holds the archive: refused, and said so, not a read-only disk.
      const paused = runtime.pausedWrite(err);
      if (paused) return { ok: false, error: paused.toPayload() };
      // A full disk, a read-only folder or a damaged file is told as such, with its way forward.
      const known = storageFault(err);
      if (known) return { ok: false, error: known.toPayload() };
      log(err);
      return { ok: false, error: { code: 'INTERNAL' } };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
