import { AUDIT_ENTITIES, refKindOf, type AuditEntity, type AuditRefs } from '../contract/audit';
import { codeLabelOf, fieldLabelOf, keyLabelOf } from './audit-fields';
import { label, type Language } from './index';

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

/** An entry as the viewer and the export read it: what was touched, what changed, the names of the ids. */
export interface ReadableEntry {
  entity: string;
  entityId: string | null;
  objectNo: string | null;
  changes: string;
  refs?: AuditRefs;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPair = (value: unknown): value is [unknown, unknown] => Array.isArray(value) && value.length === 2;

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** A whole record's own database id says nothing the 对象 column does not say better: left out. */
function recordLines(before: Record<string, unknown> | null, after: Record<string, unknown> | null): ChangeLine[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  fields.delete('id');
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

/** The small words around the values, per language. */
const WORDS = {
  'zh-CN': { yes: '是', no: '否', signed: '已签名', entry: '：', entrySeparator: '；', list: '、', arrow: ' → ' },
  en: { yes: 'Yes', no: 'No', signed: 'Signed', entry: ': ', entrySeparator: '; ', list: ', ', arrow: ' → ' },
} satisfies Record<Language, Record<string, string>>;

export const EMPTY = '—';
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const pad = (n: number) => String(n).padStart(2, '0');

/** Entries are stamped in UTC; a person reads them in local time, to the second. */
export function localInstantText(value: string): string {
  const d = new Date(value);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

const isEntity = (entity: string): entity is AuditEntity => (AUDIT_ENTITIES as readonly string[]).includes(entity);

/** A stored entity as the log calls it (借阅, 损毁/缺失事件); one the vocabulary does not know, as stored. */
export const entityText = (entity: string, lang: Language) => (isEntity(entity) ? label('auditEntity', entity, lang) : entity);

/** The field's label; a field no table knows shows as stored (tests/components/audit-labels.test.tsx fails on one). */
export const auditFieldLabel = (entity: string, field: string, lang: Language): string => fieldLabelOf(entity, field, lang) ?? field;

/** A stored value as a person reads it: enum labels, 是/否, local times, names for ids, "—" for nothing. */
export function auditValueText(field: string, value: unknown, lang: Language, entity?: string, refs: AuditRefs = {}): string {
  const words = WORDS[lang];
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return EMPTY;
  const refKind = refKindOf(field);
  // An id whose record is gone keeps its number, with the kind of record it was.
  if (refKind && typeof value === 'number') return refs[refKind]?.[String(value)] ?? `${entityText(refKind, lang)} ${value}`;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  // transfers.ts stores that a signature was drawn, not the drawing.
  if (field.endsWith('Signature') && typeof value === 'string') return words.signed;
  if (typeof value === 'string' && INSTANT.test(value)) return localInstantText(value);
  if (typeof value === 'string') return codeLabelOf(entity, field, value, lang) ?? value;
  if (Array.isArray(value)) return value.map((item) => auditValueText(field, item, lang, entity, refs)).join(words.list);
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return EMPTY;
    return entries
      .map(([key, inner]) => `${keyLabelOf(field, key, lang) ?? key}${words.entry}${auditValueText(key, inner, lang, undefined, refs)}`)
      .join(words.entrySeparator);
  }
  return String(value);
}

/**
 * "借阅 JY-2026-0001", "档案 ZH-2026-0001", "冻结 ZH-2026-0001 · 2026-03-02": a record by its own
 * number or name; settings have a key rather than a number, and the label says enough.
 */
export function auditObjectText(entry: Pick<ReadableEntry, 'entity' | 'entityId' | 'objectNo'>, lang: Language): string {
  const kind = entityText(entry.entity, lang);
  if (entry.objectNo) return `${kind} ${entry.objectNo}`;
  // A record removed since (none is, today) keeps its stored id.
  return entry.entityId && /^\d+$/.test(entry.entityId) ? `${kind} ${entry.entityId}` : kind;
}

/**
 * The changes in words, one field a line: an edit as 状态：已批准 → 借出中; a creation or removal as
 * the record's filled-in fields (题名：人事档案). Nothing recorded is empty; unreadable JSON as stored.
 */
export function auditChangesText(entry: Pick<ReadableEntry, 'entity' | 'changes' | 'refs'>, lang: Language): string {
  const changes = parseChanges(entry.changes);
  if (changes.kind === 'none') return '';
  if (changes.kind === 'unreadable') return changes.raw;
  const words = WORDS[lang];
  const value = (field: string, v: unknown) => auditValueText(field, v, lang, entry.entity, entry.refs);
  const lines = changes.lines.flatMap((line) => {
    const name = `${auditFieldLabel(entry.entity, line.field, lang)}${words.entry}`;
    if (changes.kind === 'fields') return [`${name}${value(line.field, line.before)}${words.arrow}${value(line.field, line.after)}`];
    const shown = value(line.field, line.after ?? line.before);
    return shown === EMPTY ? [] : [`${name}${shown}`];
  });
  return lines.join('\n');
}
