/** The languages every label is written in: zh-CN first (the users' own), English second. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Label = Record<Language, string>;

/** One closed list's codes and, for each, its one label per language; the record type makes a missing code a type error. */
export interface Vocabulary<V extends string> {
  values: readonly V[];
  labels: Record<V, Label>;
}

export const vocabulary = <V extends string>(values: readonly V[], labels: Record<V, Label>): Vocabulary<V> => ({ values, labels });
