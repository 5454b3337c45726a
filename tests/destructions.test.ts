import { addDays, localDate } from '../electron/server/services/local-date';
import { retentionEnd } from '../electron/server/services/retention';
import type { TestApp } from './support/app';
import { auditRows, boxUpdateFrom, createBox, createSetUpApp, errorCode, snapshot, THIS_YEAR, validBoxInput } from './support/fixtures';
import { custodyCast, expiredBox, validExecution, type CustodyCast } from './support/custody';
import { loanOut } from './support/lending';

let app: TestApp;
let cast: CustodyCast;
let box: { id: number; code: string };
beforeEach(async () => {
  app = await createSetUpApp();
  cast = await custodyCast(app);
  box = await expiredBox(app);
});
afterEach(() => app.close());

const state = () => snapshot(app.runtime.requireDb());
const statusOf = async (id = box.id) => (await app.ok('box-get', { id }, cast.custodian)).box.status;
const propose = (codes = [box.code], handle = cast.custodian) => app.call('destruction-propose', { boxCodes: codes, reason: '保管期限已满' }, handle);

async function refusedUnchanged(
  call: () => Promise<{ ok: boolean; error?: { code: string; params?: unknown } }>,
  code: string,
  params?: Record<string, string | number>,
) {
  const before = state();
  const result = await call();
  expect(errorCode(result)).toBe(code);
  if (params) expect(result.error?.params).toEqual(params);
  expect(state()).toEqual(before);
}

async function approved() {
  const d = await app.ok('destruction-propose', { boxCodes: [box.code], reason: '保管期限已满' }, cast.custodian);
  return app.ok('destruction-decide', { id: d.id, approve: true, reason: '' }, cast.manager);
}

describe('retention 保管期限', () => {
  it('ends the class’s years after the start date; permanent or undated boxes never end', () => {
    expect(retentionEnd({ retentionClass: 'y10', retentionYears: null, retentionStart: '2010-03-15' })).toBe('2020-03-15');
    expect(retentionEnd({ retentionClass: 'y30', retentionYears: null, retentionStart: '2000-01-01' })).toBe('2030-01-01');
    expect(retentionEnd({ retentionClass: 'custom', retentionYears: 3, retentionStart: '2024-02-29' })).toBe('2027-03-01');
    expect(retentionEnd({ retentionClass: 'permanent', retentionYears: null, retentionStart: '2000-01-01' })).toBeNull();
    expect(retentionEnd({ retentionClass: 'y10', retentionYears: null, retentionStart: null })).toBeNull();
  });

  it('reports boxes whose retention has ended or ends by a date, by class, leaving out held, permanent, destroyed boxes', async () => {
    const soon = await createBox(app, { kind: 'other', retentionClass: 'custom', retentionYears: 12, retentionStart: addDays(localDate(), 30 - 12 * 365) });
    const permanent = await createBox(app, { retentionClass: 'permanent', retentionStart: '1990-01-01' });
    const held = await expiredBox(app);
    await app.ok('hold-place', { boxId: held.id, reason: '审计中' }, cast.manager);
    const today = await app.ok('retention-report', { by: localDate() }, cast.auditor);
    expect(today.rows.map((r) => [r.code, r.retentionClass, r.retentionEnd])).toEqual([[box.code, 'y10', '2020-01-01']]);
    expect(today).toMatchObject({ heldExcluded: 1, truncated: false });
    const ahead = await app.ok('retention-report', { by: addDays(localDate(), 400) }, cast.custodian);
    expect(ahead.rows.map((r) => r.code)).toEqual([soon.code, box.code]);
    expect(ahead.rows.map((r) => r.code)).not.toContain(permanent.code);
    const onlyY10 = await app.ok('retention-report', { by: addDays(localDate(), 400), retentionClass: 'y10' }, cast.custodian);
    expect(onlyY10.rows.map((r) => r.code)).toEqual([box.code]);
  });
});

describe('holds 冻结', () => {
  it('are placed and lifted with a reason by custodian or manager, one active at a time, and shown on the box', async () => {
    const hold = await app.ok('hold-place', { boxId: box.id, reason: '押金纠纷' }, cast.custodian);
    expect(hold).toMatchObject({ boxId: box.id, reason: '押金纠纷', placedByName: 'custodian-测试', liftedAt: null });
    await refusedUnchanged(() => app.call('hold-place', { boxId: box.id, reason: '再次冻结' }, cast.manager), 'HOLD_ACTIVE', { code: box.code });
    expect(errorCode(await app.call('hold-place', { boxId: box.id, reason: 'x' }, cast.clerk))).toBe('FORBIDDEN');
    await refusedUnchanged(() => app.call('hold-lift', { id: hold.id, reason: '' }, cast.manager), 'VALIDATION');
    const lifted = await app.ok('hold-lift', { id: hold.id, reason: '纠纷已结案' }, cast.manager);
    expect(lifted).toMatchObject({ liftedByName: 'manager-测试', liftReason: '纠纷已结案' });
    await refusedUnchanged(() => app.call('hold-lift', { id: hold.id, reason: '再解除' }, cast.manager), 'HOLD_LIFTED');
    expect((await app.ok('box-custody', { boxId: box.id }, cast.clerk)).holds.map((h) => h.reason)).toEqual(['押金纠纷']);
  });
});

describe('destruction proposals', () => {
  it('list expired boxes with item count and retention end, numbered XH-<year>-0001; the boxes wait as 待销毁', async () => {
    const d = await app.ok('destruction-propose', { boxCodes: [box.code], reason: '保管期限已满' }, cast.custodian);
    expect(d).toMatchObject({ registerNo: `XH-${THIS_YEAR}-0001`, status: 'proposed', proposedByName: 'custodian-测试', reason: '保管期限已满' });
    expect(d.boxes).toEqual([
      expect.objectContaining({ code: box.code, retentionEnd: '2020-01-01', retentionClass: 'y10', itemCount: 0, status: 'pending_destruction' }),
    ]);
    expect(await statusOf()).toBe('pending_destruction');
    expect((await app.ok('retention-report', { by: localDate() }, cast.custodian)).rows[0].proposed).toBe(true);
    // A box waiting for destruction is not lent.
    expect(
      errorCode(
        await app.call(
          'loan-request',
          {
            boxCode: box.code,
            borrower: { kind: 'person', name: '王芳', department: '财务部', phone: '1' },
            purpose: '核对',
            loanType: 'short',
            days: 1,
            copyRequested: false,
            note: '',
          },
          cast.clerk,
        ),
      ),
    ).toBe('LOAN_BOX_UNAVAILABLE');
  });

  it('refuses a held box (BOX_HELD) and one whose retention has not ended (RETENTION_NOT_ENDED), changing nothing', async () => {
    await app.ok('hold-place', { boxId: box.id, reason: '审计中' }, cast.custodian);
    await refusedUnchanged(() => propose(), 'BOX_HELD', { code: box.code });
    const young = await createBox(app, { retentionClass: 'y30', retentionStart: '2020-01-01' });
    await refusedUnchanged(() => propose([young.code]), 'RETENTION_NOT_ENDED', { code: young.code, end: '2050-01-01' });
    const permanent = await createBox(app, { retentionClass: 'permanent', retentionStart: '1990-01-01' });
    await refusedUnchanged(() => propose([permanent.code]), 'RETENTION_NOT_ENDED', { code: permanent.code, end: '—' });
  });

  it('refuses a box on loan or already on a proposal', async () => {
    await loanOut(app, cast, box.code);
    await refusedUnchanged(() => propose(), 'DESTRUCTION_BOX_UNAVAILABLE', { code: box.code, status: 'on_loan' });
    const other = await expiredBox(app);
    await app.ok('destruction-propose', { boxCodes: [other.code], reason: '期满' }, cast.custodian);
    await refusedUnchanged(() => propose([other.code]), 'DESTRUCTION_BOX_UNAVAILABLE', { code: other.code, status: 'pending_destruction' });
  });

  it('a manager approves or rejects, never their own proposal; a rejection returns the boxes to stock', async () => {
    const own = await app.ok('destruction-propose', { boxCodes: [box.code], reason: '期满' }, cast.manager);
    await refusedUnchanged(() => app.call('destruction-decide', { id: own.id, approve: true, reason: '' }, cast.manager), 'SELF_APPROVAL');
    await app.ok('destruction-cancel', { id: own.id }, cast.manager);
    expect(await statusOf()).toBe('in_stock');
    const d = await app.ok('destruction-propose', { boxCodes: [box.code], reason: '期满' }, cast.custodian);
    await refusedUnchanged(() => app.call('destruction-decide', { id: d.id, approve: false, reason: '' }, cast.manager), 'VALIDATION');
    const rejected = await app.ok('destruction-decide', { id: d.id, approve: false, reason: '仍有争议' }, cast.manager);
    expect(rejected).toMatchObject({ status: 'rejected', decidedByName: 'manager-测试', decisionReason: '仍有争议' });
    expect(await statusOf()).toBe('in_stock');
    await refusedUnchanged(() => app.call('destruction-decide', { id: d.id, approve: true, reason: '' }, cast.manager), 'DESTRUCTION_WRONG_STATE', {
      status: 'rejected',
    });
  });
});

describe('execution 执行销毁', () => {
  it('records method, date, executor and two supervisors; the boxes become 已销毁 and their records point to the register', async () => {
    const d = await approved();
    const done = await app.ok('destruction-execute', validExecution(d.id), cast.custodian);
    expect(done).toMatchObject({
      status: 'executed',
      method: 'shred',
      destroyedOn: '2026-01-05',
      executorName: '李强',
      supervisors: ['王芳', '张伟'],
      executedByName: 'custodian-测试',
    });
    expect(await statusOf()).toBe('destroyed');
    // The box record stays, and says which register ended it.
    expect((await app.ok('box-custody', { boxId: box.id }, cast.auditor)).destruction).toEqual({
      id: d.id,
      registerNo: d.registerNo,
      status: 'executed',
      destroyedOn: '2026-01-05',
    });
    expect(
      auditRows(app.runtime.requireDb())
        .filter((r) => r.action === 'destruction-execute')
        .map((r) => r.entity),
    ).toEqual(['destruction', 'box']);
    // Nothing further happens to a destroyed box.
    expect((await app.ok('retention-report', { by: localDate() }, cast.custodian)).rows).toEqual([]);
    await refusedUnchanged(() => app.call('destruction-execute', validExecution(d.id), cast.custodian), 'DESTRUCTION_WRONG_STATE', { status: 'executed' });
  });

  it('refuses an unapproved proposal (DESTRUCTION_NOT_APPROVED) and one supervisor named twice (SUPERVISOR_DUPLICATE)', async () => {
    const d = await app.ok('destruction-propose', { boxCodes: [box.code], reason: '期满' }, cast.custodian);
    await refusedUnchanged(() => app.call('destruction-execute', validExecution(d.id), cast.custodian), 'DESTRUCTION_NOT_APPROVED');
    await app.ok('destruction-decide', { id: d.id, approve: true, reason: '' }, cast.manager);
    await refusedUnchanged(
      () => app.call('destruction-execute', validExecution(d.id, { supervisors: ['王芳', ' 王 芳 '] }), cast.custodian),
      'SUPERVISOR_DUPLICATE',
      { name: '王芳' },
    );
    await refusedUnchanged(() => app.call('destruction-execute', validExecution(d.id, { supervisors: ['王芳', ''] }), cast.custodian), 'VALIDATION');
    await refusedUnchanged(() => app.call('destruction-execute', validExecution(d.id, { method: 'other' }), cast.custodian), 'VALIDATION');
    await refusedUnchanged(() => app.call('destruction-execute', validExecution(d.id, { destroyedOn: addDays(localDate(), 1) }), cast.custodian), 'VALIDATION');
    expect(await statusOf()).toBe('pending_destruction');
  });

  it('execution check: the same refusals as the execution, changing nothing; null once it would go through', async () => {
    const d = await app.ok('destruction-propose', { boxCodes: [box.code], reason: '期满' }, cast.custodian);
    await refusedUnchanged(() => app.call('destruction-execute-check', validExecution(d.id), cast.custodian), 'DESTRUCTION_NOT_APPROVED');
    await app.ok('destruction-decide', { id: d.id, approve: true, reason: '' }, cast.manager);
    await refusedUnchanged(
      () => app.call('destruction-execute-check', validExecution(d.id, { supervisors: ['王芳', ' 王 芳 '] }), cast.custodian),
      'SUPERVISOR_DUPLICATE',
      { name: '王芳' },
    );
    await refusedUnchanged(
      () => app.call('destruction-execute-check', validExecution(d.id, { destroyedOn: addDays(localDate(), 1) }), cast.custodian),
      'VALIDATION',
    );
    const before = state();
    expect(await app.ok('destruction-execute-check', validExecution(d.id), cast.custodian)).toBeNull();
    expect(state()).toEqual(before);
    await app.ok('hold-place', { boxId: box.id, reason: '突发审计' }, cast.manager);
    await refusedUnchanged(() => app.call('destruction-execute-check', validExecution(d.id), cast.custodian), 'BOX_HELD', { code: box.code });
  });

  it('refuses one supervisor named twice in look-alike forms (SUPERVISOR_DUPLICATE) and a name of invisible characters, and records names as they read', async () => {
    const d = await approved();
    const pairs: [string, string][] = [
      ['李四', '李\u200B四'],
      ['李四', '李\u3000四'],
      ['LiSi', 'ＬｉＳｉ'],
      ['李四', '\u202E李四\u202C'],
      ['李四', '李\u2060四'],
    ];
    for (const supervisors of pairs)
      await refusedUnchanged(() => app.call('destruction-execute', validExecution(d.id, { supervisors }), cast.custodian), 'SUPERVISOR_DUPLICATE');
    await refusedUnchanged(
      () => app.call('destruction-execute', validExecution(d.id, { supervisors: ['王芳', '\u200B\uFEFF'] }), cast.custodian),
      'VALIDATION',
    );
    await refusedUnchanged(() => app.call('destruction-execute', validExecution(d.id, { executor: '\u202E\u200B' }), cast.custodian), 'VALIDATION');
    const done = await app.ok('destruction-execute', validExecution(d.id, { executor: '李\u200B强', supervisors: ['李四', '李思\u202E'] }), cast.custodian);
    expect(done).toMatchObject({ executorName: '李强', supervisors: ['李四', '李思'] });
  });

  it('refuses a box that was put on hold after the approval', async () => {
    const d = await approved();
    await app.ok('hold-place', { boxId: box.id, reason: '突发审计' }, cast.manager);
    await refusedUnchanged(() => app.call('destruction-execute', validExecution(d.id), cast.custodian), 'BOX_HELD', { code: box.code });
  });

  it('a proposal keeps the retention end it was made with, whatever the box says later', async () => {
    const d = await approved();
    const { box: row } = await app.ok('box-get', { id: box.id }, cast.custodian);
    await app.ok('box-update', boxUpdateFrom({ ...validBoxInput(), ...row, id: box.id }, { retentionStart: '2024-01-01' }), cast.custodian);
    expect((await app.ok('destruction-get', { id: d.id }, cast.auditor)).boxes[0].retentionEnd).toBe('2020-01-01');
  });
});
