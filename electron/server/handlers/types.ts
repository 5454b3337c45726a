import type { CallName, CallOutput, Contract, ParsedInput } from '../../core/contract';
import type { Db } from '../../../db/connection';
import type { UserRow } from '../../../db/schema';
import type { ClientInfo } from '../../core/contract/network';
import type { Runtime } from '../runtime';
import type { Actor } from '../services/actor';
import type { OutputContext } from '../services/output-context';

export interface HandlerContext {
  runtime: Runtime;
  handle: string | null;
  /** The signed-in user; null only for 'public' calls. */
  user: UserRow | null;
  /** Where the call came from: the app's own window, or a desk on the office network. */
  client: ClientInfo;
}

export interface SignedInContext extends HandlerContext {
  user: UserRow;
  actor: Actor;
  db: Db;
}

export type Handler<N extends CallName> = (input: ParsedInput<N>, ctx: SignedInContext) => CallOutput<N> | Promise<CallOutput<N>>;
export type PublicHandler<N extends CallName> = (input: ParsedInput<N>, ctx: HandlerContext) => CallOutput<N> | Promise<CallOutput<N>>;

/** A public call's handler may run without a user; every other handler is given one. */
export type HandlerFor<N extends CallName> = Contract[N]['access'] extends 'public' ? PublicHandler<N> : Handler<N>;
export type Handlers<Names extends CallName> = { [N in Names]: HandlerFor<N> };

/** An export or a print runs as the signed-in user, on the shell's printer. */
export const outputOf = (ctx: SignedInContext): OutputContext => ({ db: ctx.db, actor: ctx.actor, printer: ctx.runtime.printer });
