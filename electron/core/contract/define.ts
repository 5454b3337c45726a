import type { z } from 'zod';
import type { Role } from '../enums';

/** 'public' calls run without a session (status, setup, login); the rest name who may call them. */
export type Access = 'public' | 'signed-in' | readonly Role[];

/**
 * What the records are about, as the screens keep them. A write names the topics it changes, a
 * read the topics its answer depends on; after a write the renderer refreshes every read of a
 * changed topic (and host mode will push the same). Every write records an audit entry, so each
 * one changes 'audit' without saying so.
 */
export const TOPICS = [
  'app',
  'session',
  'settings',
  'user',
  'owner',
  'box',
  'location',
  'room',
  'loan',
  'incident',
  'transfer',
  'hold',
  'destruction',
  'inspection',
  'audit',
  'backup',
  'import',
  /** The desktop shell's software update: its check, download and agreement (not a record in the archive). */
  'update',
] as const;
export type Topic = (typeof TOPICS)[number];

/** Each call is a read or a write, and says so. */
export type Effect = { reads: readonly Topic[]; changes?: never } | { changes: readonly Topic[]; reads?: never };

export interface CallSpec<In extends z.ZodType = z.ZodType, Out = unknown, A extends Access = Access> {
  input: In;
  access: A;
  reads?: readonly Topic[];
  changes?: readonly Topic[];
  /** Phantom: carries the output type to the renderer's client; never set at run time. */
  readonly output?: Out;
}

/** `call<Out>()({ input, access, reads | changes })`: curried so the output type is named while the input is inferred. */
export const call =
  <Out>() =>
  <In extends z.ZodType, const A extends Access>(spec: { input: In; access: A } & Effect): CallSpec<In, Out, A> =>
    spec;

/** The topics a write changes, 'audit' included; a read changes nothing. */
export const changedTopics = (spec: Pick<CallSpec, 'changes'>): readonly Topic[] => (spec.changes ? [...spec.changes, 'audit'] : []);

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Joins feature contracts (or handler maps); a name defined twice is a programming error. */
export function mergeNamed<T extends Record<string, unknown>[]>(...parts: T): UnionToIntersection<T[number]> {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, value] of Object.entries(part)) {
      if (Object.hasOwn(merged, name)) throw new Error(`duplicate call name: ${name}`);
      merged[name] = value;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}
