import { addDays, localDate } from '../electron/server/services/local-date';
import type { TestApp } from './support/app';
import { createBox, createSetUpApp, errorCode, snapshot, validLoanInput, validSettings } from './support/fixtures';
import { boxWithDocuments, lendingCast, loanOut, type Cast } from './support/lending';

let app: TestApp;
let cast: Cast;
beforeEach(async () => {
  app = await createSetUpApp();
  cast = await lendingCast(app);
});
afterEach(() => {
  vi.useRealTimers();
  app.close();
});

const state = () => snapshot(app.runtime.requireDb());
const renew = (loanId: number, days = 2, handle = cast.clerk) => app.call('loan-renewal-request', { loanId, days, reason: '审计尚未结束' }, handle);
const pendingRenewalId = async (loanId: number) => (await app.ok('loan-get', { id: loanId }, cast.manager)).renewals.find((r) => r.status === 'requested')!.id;

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

/** Local noon of a day: the machine's calendar decides due dates. Sessions keep the real clock. */
const at = (date: string) => vi.setSystemTime(new Date(`${date}T12:00:00`));

describe('renewals', () => {
  it('moves the due date on from the current due date when approved', async () => {
    const loan = await loanOut(app, cast, (await createBox(app)).code, { loanType: 'long', days: 7 });
    const asked = await app.ok('loan-renewal-request', { loanId: loan.id, days: 5, reason: '审计尚未结束' }, cast.clerk);
    expect(asked.renewals).toEqual([expect.objectContaining({ days: 5, status: 'requested', requestedByName: 'clerk-测试', newDueDate: null })]);
    expect((await app.ok('loan-dashboard', {}, cast.manager)).renewalsAwaitingApproval).toBe(1);
    const approved = await app.ok('loan-renewal-decide', { id: asked.renewals[0].id, approve: true, reason: '' }, cast.manager);
    expect(approved.dueDate).toBe(addDays(loan.dueDate!, 5));
    expect(approved.renewals[0]).toMatchObject({ status: 'approved', decidedByName: 'manager-测试', newDueDate: addDays(loan.dueDate!, 5) });
  });

  it('refuses a renewal on and after the due date (RENEWAL_TOO_LATE), but takes one the day before', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2026-03-10');
    const loan = await loanOut(app, cast, (await createBox(app)).code, { days: 3 });
    expect(loan.dueDate).toBe('2026-03-13');
    for (const day of ['2026-03-13', '2026-03-14', '2026-04-01']) {
      at(day);
      await refusedUnchanged(() => renew(loan.id), 'RENEWAL_TOO_LATE', { dueDate: '2026-03-13' });
    }
    at('2026-03-12');
    expect(errorCode(await renew(loan.id))).toBe('ok');
  });

  it('refuses more than settings.maxRenewals, counting pending ones, and a second pending one', async () => {
    const loan = await loanOut(app, cast, (await createBox(app)).code, { loanType: 'long', days: 7 });
    expect(errorCode(await renew(loan.id))).toBe('ok');
    await refusedUnchanged(() => renew(loan.id), 'RENEWAL_PENDING');
    await app.ok('loan-renewal-decide', { id: await pendingRenewalId(loan.id), approve: true, reason: '' }, cast.manager);
    expect(errorCode(await renew(loan.id))).toBe('ok');
    await app.ok('loan-renewal-decide', { id: await pendingRenewalId(loan.id), approve: true, reason: '' }, cast.manager);
    await refusedUnchanged(() => renew(loan.id), 'RENEWAL_LIMIT', { max: 2 });
    await app.ok('settings-update', validSettings({ maxRenewals: 3 }), cast.admin);
    expect(errorCode(await renew(loan.id))).toBe('ok');
    await app.ok('loan-renewal-decide', { id: await pendingRenewalId(loan.id), approve: false, reason: '请按期归还' }, cast.manager);
    // A rejected renewal does not count.
    expect(errorCode(await renew(loan.id))).toBe('ok');
  });

  it('refuses more days than the loan type allows, and a loan that is not out', async () => {
    const box = await createBox(app);
    const loan = await loanOut(app, cast, box.code, { loanType: 'short', days: 2 });
    await refusedUnchanged(() => renew(loan.id, 4), 'VALIDATION');
    await app.ok(
      'loan-return',
      { id: loan.id, condition: 'intact', missingDocumentIds: [], incident: { description: '', responsible: '', followUp: '' } },
      cast.custodian,
    );
    await refusedUnchanged(() => renew(loan.id), 'LOAN_WRONG_STATE', { status: 'returned' });
  });

  it('refuses a renewal while the box has an open incident (RENEWAL_INCIDENT_OPEN)', async () => {
    const box = await boxWithDocuments(app, cast.custodian);
    const first = await loanOut(app, cast, box.code);
    const back = await app.ok(
      'loan-return',
      { id: first.id, condition: 'damaged', missingDocumentIds: [], incident: { description: '封面受潮', responsible: '王芳', followUp: '' } },
      cast.custodian,
    );
    const second = await loanOut(app, cast, box.code);
    await refusedUnchanged(() => renew(second.id), 'RENEWAL_INCIDENT_OPEN');
    await app.ok('incident-close', { id: back.incidents[0].id, resolution: '已晾干修复' }, cast.custodian);
    expect(errorCode(await renew(second.id))).toBe('ok');
  });

  it("refuses a renewal decided by the clerk (FORBIDDEN), by its requester or for the manager's own loan (SELF_APPROVAL)", async () => {
    const loan = await loanOut(app, cast, (await createBox(app)).code, { loanType: 'long', days: 7 });
    await renew(loan.id);
    const id = await pendingRenewalId(loan.id);
    await refusedUnchanged(() => app.call('loan-renewal-decide', { id, approve: true, reason: '' }, cast.clerk), 'FORBIDDEN');
    await app.ok('user-update', { id: cast.clerkId, displayName: 'clerk-测试', role: 'manager', disabled: false }, cast.admin);
    await refusedUnchanged(() => app.call('loan-renewal-decide', { id, approve: true, reason: '' }, cast.clerk), 'SELF_APPROVAL');

    // A loan to the manager, approved by the promoted clerk: the manager may not renew it for themself.
    const own = await app.ok(
      'loan-request',
      validLoanInput({ boxCode: (await createBox(app)).code, borrower: { kind: 'user', userId: cast.managerId } }),
      cast.custodian,
    );
    await app.ok('loan-decide', { id: own.id, approve: true, copyAllowed: false, reason: '' }, cast.clerk);
    await app.ok('loan-hand-out', { id: own.id }, cast.custodian);
    await renew(own.id, 2, cast.custodian);
    await refusedUnchanged(
      async () => app.call('loan-renewal-decide', { id: await pendingRenewalId(own.id), approve: true, reason: '' }, cast.manager),
      'SELF_APPROVAL',
    );
  });

  it('refuses a manager renewing a loan to a person who is them by name (SELF_APPROVAL)', async () => {
    await app.ok('user-update', { id: cast.clerkId, displayName: 'clerk-测试', role: 'manager', disabled: false }, cast.admin);
    const borrower = { kind: 'person' as const, name: '王\u3000经理', department: '财务部', phone: '0571-88881234' };
    const loan = await app.ok('loan-request', validLoanInput({ boxCode: (await createBox(app)).code, borrower }), cast.custodian);
    await app.ok('loan-decide', { id: loan.id, approve: true, copyAllowed: false, reason: '' }, cast.clerk);
    await app.ok('loan-hand-out', { id: loan.id }, cast.custodian);
    await renew(loan.id, 2, cast.custodian);
    // Named 王经理 after the loan went out: the decision compares the names as they are now.
    await app.ok('user-update', { id: cast.managerId, displayName: '王经理', role: 'manager', disabled: false }, cast.admin);
    const id = await pendingRenewalId(loan.id);
    await refusedUnchanged(() => app.call('loan-renewal-decide', { id, approve: true, reason: '' }, cast.manager), 'SELF_APPROVAL');
    expect((await app.ok('loan-renewal-decide', { id, approve: true, reason: '' }, cast.clerk)).renewals[0].status).toBe('approved');
  });

  it('refuses a decision on a renewal already decided, and a rejection without a reason', async () => {
    const loan = await loanOut(app, cast, (await createBox(app)).code);
    await renew(loan.id, 1);
    const id = await pendingRenewalId(loan.id);
    await refusedUnchanged(() => app.call('loan-renewal-decide', { id, approve: false, reason: '' }, cast.manager), 'VALIDATION');
    await app.ok('loan-renewal-decide', { id, approve: false, reason: '请按期归还' }, cast.manager);
    await refusedUnchanged(() => app.call('loan-renewal-decide', { id, approve: true, reason: '' }, cast.manager), 'LOAN_WRONG_STATE', { status: 'rejected' });
    expect((await app.ok('loan-get', { id: loan.id }, cast.manager)).dueDate).toBe(loan.dueDate);
  });
});

describe('overdue loans and the dashboard', () => {
  it('lists loans out past their due date with the days overdue, every day until they come back', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2026-05-04');
    const late = await loanOut(app, cast, (await createBox(app)).code, { days: 1 });
    const dueToday = await loanOut(app, cast, (await createBox(app)).code, { days: 3 });
    await loanOut(app, cast, (await createBox(app)).code, { loanType: 'long', days: 7 });
    await app.ok(
      'loan-request',
      {
        boxCode: (await createBox(app)).code,
        borrower: { kind: 'person', name: '李雷', department: '工程部', phone: '1' },
        purpose: '查图纸',
        loanType: 'short',
        days: 1,
        copyRequested: false,
        note: '',
      },
      cast.clerk,
    );
    at('2026-05-07');
    expect(localDate()).toBe('2026-05-07');
    const overdue = await app.ok('loan-list', { overdue: true }, cast.auditor);
    expect(overdue.rows.map((l) => [l.id, l.dueDate, l.daysOverdue])).toEqual([[late.id, '2026-05-05', 2]]);
    expect(await app.ok('loan-dashboard', {}, cast.auditor)).toEqual({
      dueToday: 1,
      overdue: 1,
      awaitingApproval: 1,
      renewalsAwaitingApproval: 0,
      out: 3,
      openIncidents: 0,
    });
    expect((await app.ok('loan-get', { id: dueToday.id }, cast.auditor)).daysOverdue).toBe(0);
    at('2026-05-09');
    expect((await app.ok('loan-list', { overdue: true }, cast.auditor)).rows.map((l) => [l.loanNo, l.daysOverdue])).toEqual([
      [dueToday.loanNo, 2],
      [late.loanNo, 4],
    ]);
    await app.ok(
      'loan-return',
      { id: late.id, condition: 'intact', missingDocumentIds: [], incident: { description: '', responsible: '', followUp: '' } },
      cast.custodian,
    );
    expect((await app.ok('loan-list', { overdue: true }, cast.auditor)).rows.map((l) => l.id)).toEqual([dueToday.id]);
  });

  it('lists, as the dashboard counts them, the loans due today and those with a renewal to decide', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2026-05-04');
    const dueToday = await loanOut(app, cast, (await createBox(app)).code, { days: 3 });
    const renewing = await loanOut(app, cast, (await createBox(app)).code, { loanType: 'long', days: 7 });
    const renewed = await loanOut(app, cast, (await createBox(app)).code, { loanType: 'long', days: 6 });
    await renew(renewing.id);
    await renew(renewed.id);
    await app.ok('loan-renewal-decide', { id: await pendingRenewalId(renewed.id), approve: true, reason: '' }, cast.manager);
    at('2026-05-07');

    const ids = async (filter: { dueToday?: boolean; renewalPending?: boolean }) => (await app.ok('loan-list', filter, cast.auditor)).rows.map((l) => l.id);
    const counts = await app.ok('loan-dashboard', {}, cast.auditor);
    expect(await ids({ dueToday: true })).toEqual([dueToday.id]);
    expect(await ids({ renewalPending: true })).toEqual([renewing.id]);
    expect([counts.dueToday, counts.renewalsAwaitingApproval]).toEqual([1, 1]);

    // A renewal still pending when its loan came back is moot: neither counted nor listed.
    await app.ok(
      'loan-return',
      { id: renewing.id, condition: 'intact', missingDocumentIds: [], incident: { description: '', responsible: '', followUp: '' } },
      cast.custodian,
    );
    expect(await ids({ renewalPending: true })).toEqual([]);
    expect((await app.ok('loan-dashboard', {}, cast.auditor)).renewalsAwaitingApproval).toBe(0);
  });
});
