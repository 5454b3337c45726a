import { RETENTION_MINIMUMS } from '../electron/core/retention-minimums';
import type { TestApp } from './support/app';
import { boxUpdateFrom, createBox, createSetUpApp, errorCode, snapshot, validBoxInput } from './support/fixtures';

let app: TestApp;
let custodian: string;
beforeEach(async () => {
  app = await createSetUpApp();
  custodian = await app.as('custodian');
});
afterEach(() => app.close());

const state = () => snapshot(app.runtime.requireDb());

describe('retention minimums (国家档案局令第10号)', () => {
  it('refuses a box kept for less than its kind’s class, naming the kind and the minimum, and changes nothing', async () => {
    expect(RETENTION_MINIMUMS.personnel).toBe('y30');
    const before = state();
    const short = await app.call('box-create', validBoxInput({ kind: 'personnel', retentionClass: 'y10' }), custodian);
    expect(short).toMatchObject({
      ok: false,
      error: {
        code: 'RETENTION_BELOW_MINIMUM',
        params: { kind: 'personnel', minimum: 'y30' },
        issues: [{ path: ['retentionClass'], message: 'v.retentionMinimum' }],
      },
    });
    // A custom period is measured in years against the class: 29 is short of 定期30年, 9 of 定期10年.
    const custom = await app.call('box-create', validBoxInput({ kind: 'personnel', retentionClass: 'custom', retentionYears: 29 }), custodian);
    expect(custom).toMatchObject({ ok: false, error: { code: 'RETENTION_BELOW_MINIMUM', issues: [{ path: ['retentionYears'] }] } });
    expect(errorCode(await app.call('box-create', validBoxInput({ kind: 'work_log', retentionClass: 'custom', retentionYears: 9 }), custodian))).toBe(
      'RETENTION_BELOW_MINIMUM',
    );
    expect(state()).toEqual(before);
  });

  it('allows a longer period than the class, and the class itself', async () => {
    for (const [kind, retention] of [
      ['personnel', { retentionClass: 'y30' }],
      ['personnel', { retentionClass: 'permanent' }],
      ['personnel', { retentionClass: 'custom', retentionYears: 50 }],
      ['work_log', { retentionClass: 'y10' }],
      ['work_log', { retentionClass: 'custom', retentionYears: 15 }],
      ['letters', { retentionClass: 'y30' }],
    ] as const)
      expect(errorCode(await app.call('box-create', validBoxInput({ kind, retentionYears: null, ...retention }), custodian))).toBe('ok');
  });

  it('refuses an edit that shortens a box below its class, and a change of kind that leaves it short', async () => {
    const box = await createBox(app, { kind: 'work_log', retentionClass: 'y10' });
    const { box: row } = await app.ok('box-get', { id: box.id }, custodian);
    const before = state();
    expect(errorCode(await app.call('box-update', boxUpdateFrom(row, { retentionClass: 'custom', retentionYears: 5 }), custodian))).toBe(
      'RETENTION_BELOW_MINIMUM',
    );
    expect(errorCode(await app.call('box-update', boxUpdateFrom(row, { kind: 'personnel' }), custodian))).toBe('RETENTION_BELOW_MINIMUM');
    expect(state()).toEqual(before);
    expect(errorCode(await app.call('box-update', boxUpdateFrom(row, { kind: 'personnel', retentionClass: 'permanent' }), custodian))).toBe('ok');
  });

  it('gives an imported box with no 保管期限 its kind’s class, and reports a shorter one on its row', async () => {
    const csv = [
      '档案编号,类别,题名,保管期限',
      'RS-2001-0001,人事档案,张三人事档案,',
      'RS-2001-0002,人事档案,李四人事档案,10年',
      'RZ-2001-0001,工作日志,2001年度工作日志,',
    ].join('\r\n');
    const file = { fileName: '档案目录.csv', base64: Buffer.from(csv).toString('base64') };
    const check = await app.ok('import-boxes-check', file, custodian);
    expect(check.problems.map((p) => [p.row, p.field, p.message])).toEqual([[3, 'retention', 'v.retentionMinimum']]);
    await app.ok('import-boxes-run', { ...file, skipRows: [3] }, custodian);
    const rows = (await app.ok('box-list', { query: '' }, custodian)).rows;
    expect(rows.map((r) => [r.code, r.retentionClass]).sort()).toEqual([
      ['RS-2001-0001', 'y30'],
      ['RZ-2001-0001', 'y10'],
    ]);
  });
});
