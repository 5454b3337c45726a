import { z } from 'zod';

/**
 * zod's own messages are English sentences; the user reads a `v.*` key translated by the UI in its
 * language. What this map writes travels in i18next's nesting form, `$t(v.numberMax, {"max":7})`,
 * so one string carries the key and its values through the dispatcher's issues and
 * react-hook-form's field errors alike, and `t(message)` renders it. Messages a schema names by
 * hand stay bare keys (`v.loanDays`), so a reader such as the importer, which quotes the cell for
 * zod's generic failures, can still tell the two apart.
 */
export function nested(key: string, params?: Record<string, string | number>): string {
  return params ? `$t(${key}, ${JSON.stringify(params)})` : `$t(${key})`;
}

/** The key of a message written by `nested` or named by hand; null for any other text. */
export function messageKey(message: string): string | null {
  const key = /^\$t\((v\.\w+)(?:, \{.*\})?\)$/.exec(message)?.[1] ?? message;
  return /^v\.\w+$/.test(key) ? key : null;
}

type Bound = number | bigint | Date;
const shown = (bound: Bound): string | number =>
  bound instanceof Date ? bound.toISOString().slice(0, 10) : typeof bound === 'bigint' ? bound.toString() : bound;

function tooBig(issue: { origin: string; maximum: Bound; inclusive?: boolean }): string {
  const max = shown(issue.maximum);
  switch (issue.origin) {
    case 'string':
      return nested('v.textMax', { max });
    case 'array':
    case 'set':
      return nested('v.tooMany', { max });
    default:
      return nested(issue.inclusive === false ? 'v.numberBelow' : 'v.numberMax', { max });
  }
}

function tooSmall(issue: { origin: string; minimum: Bound; inclusive?: boolean }): string {
  const min = shown(issue.minimum);
  switch (issue.origin) {
    case 'string':
    case 'array':
    case 'set':
      // Nothing typed or picked at all is the plain "required" everyone knows.
      if (Number(min) <= 1) return nested('v.required');
      return nested(issue.origin === 'string' ? 'v.textMin' : 'v.tooFew', { min });
    default:
      return nested(issue.inclusive === false ? 'v.numberAbove' : 'v.numberMin', { min });
  }
}

/** Every zod issue as a `v.*` key; schema-level messages (already keys) take precedence over it. */
export const issueMessage = (issue: z.core.$ZodRawIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input == null) return nested('v.required');
      if (issue.expected === 'int') return nested('v.integer');
      return nested(issue.expected === 'number' ? 'v.number' : 'v.invalid');
    case 'too_big':
      return tooBig(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'invalid_format':
      if (issue.format === 'date') return nested('v.date');
      if (issue.format === 'datetime') return nested('v.dateTime');
      return nested('v.format');
    case 'not_multiple_of':
      return nested('v.multipleOf', { divisor: shown(issue.divisor) });
    case 'unrecognized_keys':
      return nested('v.unknownFields', { keys: issue.keys.join(', ') });
    case 'invalid_value':
      return nested('v.choice');
    default:
      return nested('v.invalid');
  }
};

// Both the dispatcher and the renderer's forms parse with schemas from this folder, so one global map covers every parse.
z.config({ customError: issueMessage });
