import type { TestApp } from './support/app';
import { auditRows, boxUpdateFrom, createBox, createSetUpApp, errorCode, snapshot, validBoxInput, validLoanInput } from './support/fixtures';

let app: TestApp;
let custodian: string;
beforeEach(async () => {
  app = await createSetUpApp();
  custodian = await app.as('custodian');
});
afterEach(() => app.close());

const state = () => snapshot(app.runtime.requireDb());

describe('changing a box code (档号, DA/T 13)', () => {
  it('takes the custodian and a reason, keeps the old code and records both codes in the audit log', async () => {
    const box = await createBox(app, { code: 'RS-2020-0007', title: '张三人事档案' });
    const others = [await app.as('clerk'), await app.as('manager'), await app.as('auditor'), await app.as('admin')];
    const before = state();
    expect(errorCode(await app.call('box-code-change', { id: box.id, code: 'RS-2020-0107', reason: '' }, custodian))).toBe('VALIDATION');
    for (const session of others)
      expect(errorCode(await app.call('box-code-change', { id: box.id, code: 'RS-2020-0107', reason: '重编' }, session))).toBe('FORBIDDEN');
    expect(errorCode(await app.call('box-code-change', { id: box.id, code: 'rs-2020-0007', reason: '重编' }, custodian))).toBe('BOX_CODE_UNCHANGED');
    // The ordinary edit has no code: a code in it is refused, not applied.
    const { box: row } = await app.ok('box-get', { id: box.id }, custodian);
    expect(errorCode(await app.call('box-update', { ...boxUpdateFrom(row), code: 'RS-2020-0107' } as never, custodian))).toBe('VALIDATION');
    expect(state()).toEqual(before);

    const changed = await app.ok('box-code-change', { id: box.id, code: 'RS-2020-0107', reason: '与另一卷档号重复，按规则重编' }, custodian);
    expect(changed.box.code).toBe('RS-2020-0107');
    expect(changed.formerCodes).toEqual([expect.objectContaining({ code: 'RS-2020-0007', newCode: 'RS-2020-0107', reason: '与另一卷档号重复，按规则重编' })]);
    expect(auditRows(app.runtime.requireDb()).at(-1)).toMatchObject({
      action: 'box-code-change',
      entity: 'box',
      entityId: String(box.id),
      boxCode: 'RS-2020-0107',
      changes: JSON.stringify({ code: ['RS-2020-0007', 'RS-2020-0107'], codeReason: [null, '与另一卷档号重复，按规则重编'] }),
    });
  });

  it('finds the box by its old code in a scan and in the catalogue search, and lends it by the old label', async () => {
    const box = await createBox(app, { code: 'RS-2020-0007', title: '张三人事档案' });
    await app.ok('box-code-change', { id: box.id, code: 'RS-2020-0107', reason: '重编' }, custodian);
    expect(await app.ok('box-find-by-code', { code: 'rs－2020－0007' }, custodian)).toEqual({ id: box.id, code: 'RS-2020-0107', formerCode: 'RS-2020-0007' });
    expect(await app.ok('box-find-by-code', { code: 'RS-2020-0107' }, custodian)).toEqual({ id: box.id, code: 'RS-2020-0107', formerCode: null });
    const found = await app.ok('box-list', { query: 'RS-2020-0007' }, custodian);
    expect(found.rows.map((r) => r.id)).toEqual([box.id]);
    expect(found.formerCode).toEqual({ code: 'RS-2020-0007', current: 'RS-2020-0107', id: box.id });
    expect((await app.ok('box-list', { query: 'RS-2020-0107' }, custodian)).formerCode).toBeNull();
    // The desk scans the old label: the lookup gives the current code, which the loan is made with.
    const { code } = await app.ok('box-find-by-code', { code: 'RS-2020-0007' }, custodian);
    expect((await app.ok('loan-request', validLoanInput({ boxCode: code }), await app.as('clerk'))).boxId).toBe(box.id);
  });

  it('never issues a former code to another box, by hand, by numbering or by import, and lets the same box go back to it', async () => {
    const box = await createBox(app, { code: 'RS-2020-0007' });
    const other = await createBox(app, { code: 'RS-2020-0008', volume: 2 });
    await app.ok('box-code-change', { id: box.id, code: 'RS-2020-0107', reason: '重编' }, custodian);
    expect(await app.call('box-create', validBoxInput({ code: 'RS-2020-0007', volume: 3 }), custodian)).toMatchObject({
      ok: false,
      error: { code: 'BOX_CODE_FORMER', params: { code: 'RS-2020-0007', current: 'RS-2020-0107' } },
    });
    expect(errorCode(await app.call('box-code-change', { id: other.id, code: 'RS-2020-0007', reason: '重编' }, custodian))).toBe('BOX_CODE_FORMER');
    expect(errorCode(await app.call('box-code-change', { id: other.id, code: 'RS-2020-0107', reason: '重编' }, custodian))).toBe('DUPLICATE_CODE');
    const csv = ['档案编号,类别,题名,保管期限', 'RS-2020-0007,人事档案,李四人事档案,永久'].join('\r\n');
    const check = await app.ok('import-boxes-check', { fileName: '档案目录.csv', base64: Buffer.from(csv).toString('base64') }, custodian);
    expect(check.problems.map((p) => [p.field, p.message])).toEqual([['code', 'v.codeTaken']]);

    // A mistaken change is undone by the same box: the code it goes back to is no longer a former one.
    const back = await app.ok('box-code-change', { id: box.id, code: 'RS-2020-0007', reason: '改错了，恢复原档号' }, custodian);
    expect(back.formerCodes.map((f) => f.code)).toEqual(['RS-2020-0107']);
    expect(await app.ok('box-find-by-code', { code: 'RS-2020-0107' }, custodian)).toEqual({ id: box.id, code: 'RS-2020-0007', formerCode: 'RS-2020-0107' });
  });
});
