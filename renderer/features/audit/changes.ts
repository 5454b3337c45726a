/** One line of an entry's diff: a field and its value before and after. */
export interface ChangeLine {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * What an entry's `changes` column holds (electron/server/services/audit.ts `diffFields`):
 *  - `record`: `{before, after}` whole records, one of them null: a creation or a removal;
 *  - `fields`: `{field: [before, after]}`, only the fields an edit changed;
 *  - `none`: nothing recorded (a sign-in, a password reset);
 *  - `unreadable`: not JSON of either shape; shown as stored.
 */
export type ParsedChanges = { kind: 'record' | 'fields'; lines: ChangeLine[] } | { kind: 'none' } | { kind: 'unreadable'; raw: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPair = (value: unknown): value is [unknown, unknown] => Array.isArray(value) && value.length === 2;

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function recordLines(before: Record<string, unknown> | null, after: Record<string, unknown> | null): ChangeLine[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...fields].map((field) => ({ field, before: before?.[field] ?? null, after: after?.[field] ?? null }));
}

export function parseChanges(raw: string): ParsedChanges {
  const value = parseJson(raw);
  if (!isRecord(value)) return { kind: 'unreadable', raw };
  const keys = Object.keys(value);
  if (keys.length === 2 && 'before' in value && 'after' in value && !isPair(value.before) && !isPair(value.after)) {
    const { before, after } = value;
    if (before === null && after === null) return { kind: 'none' };
    if ((before === null || isRecord(before)) && (after === null || isRecord(after))) return { kind: 'record', lines: recordLines(before, after) };
    return { kind: 'unreadable', raw };
  }
  if (keys.length === 0) return { kind: 'none' };
  const lines: ChangeLine[] = [];
  for (const [field, pair] of Object.entries(value)) {
    if (!isPair(pair)) return { kind: 'unreadable', raw };
    lines.push({ field, before: pair[0], after: pair[1] });
  }
  return { kind: 'fields', lines };
}
