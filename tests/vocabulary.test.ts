import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../electron/core/contract/audit';
import { FINDINGS } from '../electron/core/contract/inspections';
import * as enums from '../electron/core/enums';
import { LANGUAGES, label, retentionText, VOCABULARIES, type Vocabulary } from '../electron/core/vocabulary';

const ROOT = resolve(__dirname, '..');
const vocabularies = Object.entries(VOCABULARIES) as [string, Vocabulary<string>][];

/** Every closed list a record stores: the enums module's arrays and the contract's own lists. */
const closedLists: [string, readonly string[]][] = [
  ...Object.entries(enums as Record<string, unknown>).filter((e): e is [string, readonly string[]] => Array.isArray(e[1])),
  ['AUDIT_ACTIONS', AUDIT_ACTIONS],
  ['AUDIT_ENTITIES', AUDIT_ENTITIES],
  ['FINDINGS', FINDINGS],
];

describe('the vocabulary', () => {
  it.each(closedLists)('words %s in exactly one table', (_, values) => {
    expect(vocabularies.filter(([, v]) => v.values === values)).toHaveLength(1);
  });

  it.each(vocabularies)('%s has one non-empty label per language for each value, and nothing else', (_, v) => {
    expect(Object.keys(v.labels).sort()).toEqual([...v.values].sort());
    for (const code of v.values) {
      expect(Object.keys(v.labels[code]).sort()).toEqual([...LANGUAGES].sort());
      for (const lang of LANGUAGES) expect(v.labels[code][lang].trim()).not.toBe('');
    }
  });

  it.each(vocabularies)('%s gives no two values the same label', (_, v) => {
    for (const lang of LANGUAGES) {
      const words = v.values.map((code) => v.labels[code][lang]);
      expect(new Set(words).size, `${lang}: ${words.join(' / ')}`).toBe(words.length);
    }
  });

  it('says one thing one way across tables (issue #22)', () => {
    const damaged = [label('returnCondition', 'damaged', 'zh-CN'), label('incidentKind', 'damaged', 'zh-CN'), label('boxCondition', 'damaged', 'zh-CN')];
    expect(damaged).toEqual(['损毁', '损毁', '损毁']);
    expect(label('returnCondition', 'documents_missing', 'zh-CN')).toBe(label('incidentKind', 'documents_missing', 'zh-CN'));
    const cancelled = [
      label('loanStatus', 'cancelled', 'zh-CN'),
      label('transferStatus', 'cancelled', 'zh-CN'),
      label('destructionStatus', 'cancelled', 'zh-CN'),
    ];
    expect(new Set(cancelled)).toEqual(new Set(['已撤销']));
    expect(retentionText({ retentionClass: 'y30', retentionYears: null }, 'zh-CN')).toBe('定期30年');
    expect(retentionText({ retentionClass: 'custom', retentionYears: 15 }, 'zh-CN')).toBe('定期15年');
    expect(retentionText({ retentionClass: 'custom', retentionYears: 15 }, 'en')).toBe('15 years');
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Where labels are shown: screens, printed forms, exports, the audit viewer and its command line. */
const SHOWING = [
  ...filesUnder(join(ROOT, 'renderer')),
  ...filesUnder(join(ROOT, 'electron/server/services/printing')),
  ...readdirSync(join(ROOT, 'electron/server/services'))
    .filter((name) => name.includes('export'))
    .map((name) => join(ROOT, 'electron/server/services', name)),
  join(ROOT, 'scripts/audit-verify.ts'),
];

/**
 * Object literals that word a whole closed list themselves: every code of one vocabulary as a key,
 * and at least two of them given Chinese text or the table's English label (colour maps are not).
 */
function copiedTables(source: string): string[] {
  const found: string[] = [];
  // A template's ${…} would end the object literal early.
  for (const [literal] of source.replace(/\$\{[^{}]*\}/g, '…').matchAll(/\{[^{}]*\}/g)) {
    const entries = new Map(
      [...literal.matchAll(/(?:^|[{,\s])'?([\w-]+)'?\s*:\s*(?:'([^'\n]*)'|"([^"\n]*)"|`([^`\n]*)`)/g)].map((m) => [m[1], m[2] ?? m[3] ?? m[4]]),
    );
    for (const [name, v] of vocabularies) {
      if (v.values.length < 2 || !v.values.every((code) => entries.has(code))) continue;
      const worded = v.values.filter((code) => /[\u4e00-\u9fff]/.test(entries.get(code)!) || entries.get(code) === v.labels[code].en);
      if (worded.length >= 2) found.push(name);
    }
  }
  return found;
}

describe('screens, forms and exports', () => {
  it.each(SHOWING.map((path) => [relative(ROOT, path), path]))('%s takes its enum labels from the vocabulary', (_, path) => {
    expect(copiedTables(readFileSync(path, 'utf8'))).toEqual([]);
  });

  it('the scan sees a table of labels copied into a source', () => {
    expect(copiedTables(`const X = { intact: '完好', damaged: '破损', documents_missing: "文件缺失" };`)).toEqual(['returnCondition', 'incidentKind']);
    expect(copiedTables("const R = (b) => ({ permanent: 'Permanent', y30: '30 years', y10: '10 years', custom: `${b.years} years` });")).toEqual([
      'retentionClass',
    ]);
    expect(copiedTables(`const COLOURS = { intact: 'green', damaged: 'red', documents_missing: 'orange' };`)).toEqual([]);
  });
});
