import { z } from 'zod';

/**
 * zod's own messages are English sentences; the user reads a `v.*` key translated by the UI in its
 * language. A key that needs numbers travels as i18next's nesting form, `$t(v.numberMax, {"max":7})`,
 * so a single string carries both the key and its values through the dispatcher's issues and
 * react-hook-form's field errors alike, and `t(message)` renders it.
 */
export function withParams(key: string, params: Record<string, string | number>): string {
  return `$t(${key}, ${JSON.stringify(params)})`;
}

/** The key of a message written by `withParams` (or a plain `v.*` key); null for any other text. */
export function messageKey(message: string): string | null {
  const nested = /^\$t\((v\.\w+), \{.*\}\)$/.exec(message);
  if (nested) return nested[1]!;
  return /^v\.\w+$/.test(message) ? message : null;
}

type Bound = number | bigint | Date;
const shown = (bound: Bound): string | number => (bound instanceof Date ? bound.toISOString().slice(0, 10) : typeof bound === 'bigint' ? bound.toString() : bound);

function tooBig(issue: { origin: string; maximum: Bound; inclusive?: boolean }): string {
  const max = shown(issue.maximum);
  switch (issue.origin) {
    case 'string':
      return withParams('v.textMax', { max });
    case 'array':
    case 'set':
      return withParams('v.tooMany', { max });
    default:
      return withParams(issue.inclusive === false ? 'v.numberBelow' : 'v.numberMax', { max });
  }
}

function tooSmall(issue: { origin: string; minimum: Bound; inclusive?: boolean }): string {
  const min = shown(issue.minimum);
  switch (issue.origin) {
    case 'string':
    case 'array':
    case 'set':
      // Nothing typed or picked at all is the plain "required" everyone knows.
      if (Number(min) <= 1) return 'v.required';
      return withParams(issue.origin === 'string' ? 'v.textMin' : 'v.tooFew', { min });
    default:
      return withParams(issue.inclusive === false ? 'v.numberAbove' : 'v.numberMin', { min });
  }
}

/** Every zod issue as a `v.*` key; schema-level messages (already keys) take precedence over it. */
export const issueMessage = (issue: z.core.$ZodRawIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input == null) return 'v.required';
      if (issue.expected === 'int') return 'v.integer';
      return issue.expected === 'number' ? 'v.number' : 'v.invalid';
    case 'too_big':
      return tooBig(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'invalid_format':
      if (issue.format === 'date') return 'v.date';
      if (issue.format === 'datetime') return 'v.dateTime';
      return 'v.format';
    case 'not_multiple_of':
      return withParams('v.multipleOf', { divisor: shown(issue.divisor) });
    case 'unrecognized_keys':
      return withParams('v.unknownFields', { keys: issue.keys.join(', ') });
    case 'invalid_value':
      return 'v.choice';
    default:
      return 'v.invalid';
  }
};

// Both the dispatcher and the renderer's forms parse with schemas from this folder, so one global map covers every parse.
z.config({ customError: issueMessage });
