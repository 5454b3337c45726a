import { localDate } from '../electron/server/services/local-date';
import type { TestApp } from './support/app';
import { positionAt } from './support/locations';
import { createBox, createSetUpApp, errorCode, snapshot } from './support/fixtures';
import { custodyCast, goodCheck, type CustodyCast } from './support/custody';
import { loanOut } from './support/lending';

let app: TestApp;
let cast: CustodyCast;
beforeEach(async () => {
  app = await createSetUpApp();
  cast = await custodyCast(app);
});
afterEach(() => app.close());

const state = () => snapshot(app.runtime.requireDb());
const month = () => localDate().slice(0, 7);

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

/** Three boxes in stock, created out of shelf order, and one on loan. */
async function shelves() {
  const b10 = await createBox(app, { locationId: await positionAt(app, '一号档案室', 'C01', 10, 1) });
  const b2 = await createBox(app, { locationId: await positionAt(app, '一号档案室', 'C01', 2, 1) });
  const a = await createBox(app, { locationId: await positionAt(app, '一号档案室', 'A01', 1, 3) });
  const lent = await createBox(app);
  await loanOut(app, cast, lent.code);
  return { b10, b2, a, lent };
}

describe('monthly inspection 检查', () => {
  it('starts this month’s inspection with the boxes in stock in shelf order (shelf 2 before 10); the dashboard says it is not done', async () => {
    const { b10, b2, a } = await shelves();
    expect(await app.ok('inspection-status', {}, cast.clerk)).toMatchObject({ month: month(), current: null, done: false });
    const insp = await app.ok('inspection-start', {}, cast.custodian);
    expect(insp).toMatchObject({ month: month(), status: 'open', total: 3, checked: 0, startedByName: 'custodian-测试' });
    expect(insp.items.map((i) => i.code)).toEqual([a.code, b2.code, b10.code]);
    expect(insp.items.map((i) => i.seq)).toEqual([1, 2, 3]);
    await refusedUnchanged(() => app.call('inspection-start', {}, cast.custodian), 'INSPECTION_EXISTS', { month: month(), kind: 'monthly' });
    expect((await app.ok('inspection-status', {}, cast.manager)).done).toBe(false);
  });

  it('a scan marks the box present and returns its row; a box not on the list is refused', async () => {
    const { b2, lent } = await shelves();
    const insp = await app.ok('inspection-start', {}, cast.custodian);
    const item = await app.ok('inspection-scan', { inspectionId: insp.id, code: b2.code.toLowerCase() }, cast.custodian);
    expect(item).toMatchObject({ code: b2.code, present: true, checkedAt: null });
    await refusedUnchanged(() => app.call('inspection-scan', { inspectionId: insp.id, code: lent.code }, cast.custodian), 'INSPECTION_BOX_NOT_LISTED', {
      code: lent.code,
    });
  });

  it('records each check; findings open a follow-up with an owner, updated (not duplicated) on a re-check, until closed', async () => {
    await shelves();
    const insp = await app.ok('inspection-start', {}, cast.custodian);
    const [first, second] = insp.items;
    expect(await app.ok('inspection-check', goodCheck(first.id), cast.custodian)).toMatchObject({
      present: true,
      complete: true,
      findings: [],
      checkedByName: 'custodian-测试',
    });
    // Something wrong needs an owner and a note.
    await refusedUnchanged(() => app.call('inspection-check', { ...goodCheck(second.id), complete: false }, cast.custodian), 'VALIDATION');
    const wrong = await app.ok(
      'inspection-check',
      { ...goodCheck(second.id), complete: false, condition: 'damp', note: '缺消防验收单，盒子受潮', followUpOwner: '李强' },
      cast.custodian,
    );
    expect(wrong.findings).toEqual(['incomplete', 'condition']);
    await app.ok('inspection-check', { ...goodCheck(second.id), correctlyFiled: false, note: '放错柜子', followUpOwner: '王芳' }, cast.custodian);
    const open = await app.ok('follow-up-list', { status: 'open', limit: 50 }, cast.manager);
    expect(open.map((f) => [f.boxCode, f.findings, f.owner, f.note])).toEqual([[second.code, ['misfiled'], '王芳', '放错柜子']]);
    expect((await app.ok('inspection-status', {}, cast.clerk)).openFollowUps).toBe(1);
    const closed = await app.ok('follow-up-close', { id: open[0].id, resolution: '已归位' }, cast.custodian);
    expect(closed).toMatchObject({ status: 'closed', resolution: '已归位', closedByName: 'custodian-测试' });
    await refusedUnchanged(() => app.call('follow-up-close', { id: open[0].id, resolution: '再关' }, cast.custodian), 'FOLLOW_UP_CLOSED');
  });

  it('completes only when every box is checked; then it is done for the dashboard and cannot change', async () => {
    await shelves();
    const insp = await app.ok('inspection-start', {}, cast.custodian);
    await app.ok('inspection-check', goodCheck(insp.items[0].id), cast.custodian);
    await refusedUnchanged(() => app.call('inspection-complete', { id: insp.id }, cast.custodian), 'INSPECTION_INCOMPLETE', { remaining: 2 });
    await app.ok('inspection-check', { ...goodCheck(insp.items[1].id), present: false, note: '架上未找到', followUpOwner: '李强' }, cast.custodian);
    await app.ok('inspection-check', goodCheck(insp.items[2].id), cast.custodian);
    const done = await app.ok('inspection-complete', { id: insp.id }, cast.custodian);
    expect(done).toMatchObject({ status: 'completed', checked: 3, withFindings: 1, completedByName: 'custodian-测试' });
    expect(done.items[1].findings).toEqual(['missing_box']);
    expect(await app.ok('inspection-status', {}, cast.clerk)).toMatchObject({ done: true, openFollowUps: 1 });
    await refusedUnchanged(() => app.call('inspection-check', goodCheck(insp.items[0].id), cast.custodian), 'INSPECTION_CLOSED', { month: month() });
    expect((await app.ok('inspection-list', {}, cast.auditor)).map((i) => [i.month, i.status])).toEqual([[month(), 'completed']]);
  });

  it('only the custodian inspects', async () => {
    await shelves();
    expect(errorCode(await app.call('inspection-start', {}, cast.clerk))).toBe('FORBIDDEN');
    expect(errorCode(await app.call('inspection-start', {}, cast.manager))).toBe('FORBIDDEN');
  });
});
