import { contract, readsAny, type CallName } from '../electron/core/contract';
import { changedTopics, TOPICS } from '../electron/core/contract/define';

const calls = Object.entries(contract) as [CallName, (typeof contract)[CallName]][];

describe('what each call reads or changes (issue #22: one refresh rule)', () => {
  it.each(calls)('%s is either a read naming its topics or a write naming what it changes', (_, spec) => {
    expect(Number(spec.reads !== undefined) + Number(spec.changes !== undefined)).toBe(1);
    if (spec.reads) expect(spec.reads.length).toBeGreaterThan(0);
    for (const topic of [...(spec.reads ?? []), ...(spec.changes ?? [])]) expect(TOPICS).toContain(topic);
  });

  it('every topic read is changed by some write, and every topic changed is read', () => {
    const read = new Set(calls.flatMap(([, spec]) => spec.reads ?? []));
    const changed = new Set(calls.flatMap(([, spec]) => changedTopics(spec)));
    expect([...read].filter((topic) => !changed.has(topic))).toEqual([]);
    expect([...changed].filter((topic) => !read.has(topic))).toEqual([]);
  });

  it('a damaged return reaches the box page: its loans, incidents and the box itself', () => {
    const changed = changedTopics(contract['loan-return']);
    for (const name of ['incident-list', 'loan-list', 'box-get', 'box-list', 'loan-dashboard', 'audit-list'] as const)
      expect(readsAny([name, {}], changed)).toBe(true);
    expect(readsAny(['owner-list', {}], changed)).toBe(false);
    expect(readsAny(['not-a-call'], changed)).toBe(false);
  });
});

describe('a write that moves a box in or out names the box topic, so the catalogue shows it at once', () => {
  // The paper loan register marks a box still out as 借出: the catalogue kept 在库 until a reload (CI, stop 27).
  it.each(['loan-hand-out', 'loan-return', 'import-loans-run', 'transfer-sign-off', 'destruction-execute'] as const)('%s', (name) => {
    const changed = changedTopics(contract[name]);
    for (const read of ['box-list', 'box-get'] as const) expect(readsAny([read, {}], changed)).toBe(true);
  });
});
