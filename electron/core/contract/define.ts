import type { z } from 'zod';
import type { Role } from '../enums';

/** 'public' calls run without a session (status, setup, login); the rest name who may call them. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface CallSpec<In extends z.ZodType = z.ZodType, Out = unknown, A extends Access = Access> {
  input: In;
  access: A;
  /** Phantom: carries the output type to the renderer's client; never set at run time. */
  readonly output?: Out;
}

/** `call<Out>()({ input, access })`: curried so the output type is named while the input is inferred. */
export const call =
  <Out>() =>
  <In extends z.ZodType, const A extends Access>(spec: { input: In; access: A }): CallSpec<In, Out, A> =>
    spec;

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
