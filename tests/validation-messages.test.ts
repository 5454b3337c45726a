import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { callNames, contract } from '../electron/core/contract';
import { issueMessage, messageKey, nested } from '../electron/core/contract/issue-messages';
import { common } from '../renderer/ui/i18n';
import { validPayloads } from './support/fixtures';

/**
 * Every validation message a user can meet is a `v.*` key translated in both languages (#19):
 * each call's input schema is fed values that break each of its checks, starting from the call's
 * valid payload so object-level refinements run too, and every issue's message must name a key
 * that zh-CN and en both hold.
 */

type Def = { type: string; [k: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checkDefs = (def: Def): Def[] => ((def.checks as { _zod: { def: Def } }[] | undefined) ?? []).map((c) => c._zod.def);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const WRONG_TYPES: unknown[] = [null, undefined, 'x', 7, true, {}, []];

function stringValues(def: Def): unknown[] {
  const values: unknown[] = ['', ' ', '\u0007?!', 'not-a-date', '2024-02-30', 'ＡＢＣ１２３'];
  for (const check of [def, ...checkDefs(def)]) {
    if (check.check === 'max_length') values.push('x'.repeat((check.maximum as number) + 1));
    if (check.check === 'min_length') values.push('x'.repeat(Math.max(0, (check.minimum as number) - 1)));
    if (check.check === 'length_equals') values.push('x'.repeat((check.length as number) + 1));
  }
  return values;
}

function numberValues(def: Def): unknown[] {
  const values: unknown[] = [-1, 0, 1, 1.5, 2, 3, 4, 7, 8, 1e16, Number.NaN];
  for (const check of checkDefs(def)) {
    const v = check.value as number | undefined;
    if (check.check === 'less_than' && v !== undefined) values.push(v, v + 1);
    if (check.check === 'greater_than' && v !== undefined) values.push(v, v - 1);
    if (check.check === 'multiple_of') values.push((check.value as number) + 0.5);
  }
  return values;
}

/** A value for each way a position can be wrong, or on an edge a refinement looks at. */
function variants(schema: unknown, base: unknown, depth = 0): unknown[] {
  const def = defOf(schema);
  if (depth > 8) return WRONG_TYPES;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return [...variants(def.innerType, base, depth + 1), null, undefined];
    case 'pipe':
      return [...variants(def.in, base, depth + 1), ...variants(def.out, base, depth + 1)];
    case 'lazy':
      return variants((def.getter as () => unknown)(), base, depth + 1);
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const obj: Record<string, unknown> = isObject(base) ? { ...base } : {};
      // A literal key (a union's discriminator) set, so the option's own fields are reached.
      for (const [key, field] of Object.entries(shape)) if (defOf(field).type === 'literal') obj[key] = (defOf(field).values as unknown[])[0];
      const out: unknown[] = [...WRONG_TYPES, { ...obj, notAField: 1 }];
      for (const [key, field] of Object.entries(shape)) {
        for (const v of variants(field, obj[key], depth + 1)) out.push({ ...obj, [key]: v });
        const { [key]: _gone, ...without } = obj;
        out.push(without);
      }
      return out;
    }
    case 'array': {
      const arr = Array.isArray(base) ? base : [];
      const out: unknown[] = [...WRONG_TYPES, [], arr];
      for (const check of checkDefs(def)) if (check.check === 'max_length') out.push(Array.from({ length: (check.maximum as number) + 1 }, () => arr[0] ?? 1));
      for (const v of variants(def.element, arr[0], depth + 1)) out.push([v, ...arr.slice(1)], [v, v]);
      return out;
    }
    case 'union':
      return [...WRONG_TYPES, ...(def.options as unknown[]).flatMap((option) => variants(option, base, depth + 1))];
    case 'intersection':
      return [...variants(def.left, base, depth + 1), ...variants(def.right, base, depth + 1)];
    case 'tuple':
      return [
        ...WRONG_TYPES,
        ...(def.items as unknown[]).flatMap((item, i) =>
          variants(item, Array.isArray(base) ? base[i] : undefined, depth + 1).map((v) => Object.assign(Array.isArray(base) ? [...base] : [], { [i]: v })),
        ),
      ];
    case 'record':
      return [...WRONG_TYPES, { '': 'x' }, { a: 7 }];
    case 'string':
      return [...WRONG_TYPES, ...stringValues(def)];
    case 'number':
      return [...WRONG_TYPES, ...numberValues(def)];
    case 'enum':
      return [...WRONG_TYPES, 'nope', ...Object.values(def.entries as Record<string, unknown>)];
    default:
      return WRONG_TYPES;
  }
}

const languages = ['zh-CN', 'en'] as const;
const hasKey = (key: string) => languages.every((lng) => typeof (common[lng].v as Record<string, unknown>)[key.slice(2)] === 'string');

test('every issue from every contract schema is a v.* key both languages translate', () => {
  const untranslated = new Map<string, string>();
  const codes = new Set<string>();
  let parses = 0;
  for (const name of callNames) {
    const input = contract[name].input as z.ZodType;
    for (const payload of [validPayloads[name], ...variants(input, validPayloads[name])]) {
      parses++;
      const result = input.safeParse(payload);
      for (const issue of result.error?.issues ?? []) {
        codes.add(issue.code);
        const key = messageKey(issue.message);
        if (!key || !hasKey(key)) untranslated.set(`${name} ${issue.path.join('.')} ${issue.code}`, issue.message);
      }
    }
  }
  expect(Object.fromEntries(untranslated)).toEqual({});
  // The walk reached each kind of check the contract uses, so the test can fail for any of them.
  expect([...codes].sort()).toEqual(
    expect.arrayContaining(['custom', 'invalid_format', 'invalid_type', 'invalid_union', 'invalid_value', 'too_big', 'too_small', 'unrecognized_keys']),
  );
  expect(parses).toBeGreaterThan(5000);
});

test('every v.* key the contract names by hand is translated in both languages', () => {
  const dir = join(import.meta.dirname, '../electron/core/contract');
  const keys = new Set(readdirSync(dir).flatMap((file) => [...readFileSync(join(dir, file), 'utf8').matchAll(/'(v\.\w+)'/g)].map((m) => m[1]!)));
  expect(keys.size).toBeGreaterThan(20);
  expect([...keys].filter((key) => !hasKey(key))).toEqual([]);
});

test('a bound travels with its key and reads in the user language', async () => {
  const i18n = (await import('i18next')).createInstance();
  await i18n.init({
    resources: { 'zh-CN': { common: common['zh-CN'] }, en: { common: common.en } },
    lng: 'zh-CN',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
  const message = issueMessage({ code: 'too_big', origin: 'number', maximum: 999, inclusive: true, input: 1000, path: [] } as z.core.$ZodRawIssue);
  expect(message).toBe(nested('v.numberMax', { max: 999 }));
  expect(i18n.t(message, { defaultValue: message })).toBe('不能大于 999');
  await i18n.changeLanguage('en');
  expect(i18n.t(message, { defaultValue: message })).toBe('At most 999');
});
