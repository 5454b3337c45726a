import type { CallInput } from '../electron/core/contract';
import { localDate } from '../electron/server/services/local-date';
import type { TestApp } from './support/app';
import { auditRows, createBox, createSetUpApp, errorCode, snapshot, THIS_YEAR, validLoanInput } from './support/fixtures';
import { validTransfer } from './support/custody';
import { boxWithDocuments, lendingCast, loanOut, type Cast } from './support/lending';

let app: TestApp;
let cast: Cast;
let box: { id: number; code: string };
beforeEach(async () => {
  app = await createSetUpApp();
  cast = await lendingCast(app);
  box = await createBox(app);
});
afterEach(() => app.close());

const state = () => snapshot(app.runtime.requireDb());
const sql = (statement: string, ...params: unknown[]) =>
  app.runtime
    .requireDb()
    .$client.prepare(statement)
    .run(...params);
const request = (over: Partial<CallInput<'loan-request'>> = {}, handle = cast.clerk) =>
  app.call('loan-request', validLoanInput({ boxCode: box.code, ...over }), handle);
const boxStatus = async () => (await app.ok('box-get', { id: box.id }, cast.custodian)).box.status;

/** The call is refused with that code (and params, when given), and the database is exactly as before. */
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

describe('loan requests', () => {
  it('registers a request for a person without an account, numbered JY-<year>-0001 onwards', async () => {
    const loan = await app.ok('loan-request', validLoanInput({ boxCode: box.code, copyRequested: true, note: '财务审计' }), cast.clerk);
    expect(loan).toMatchObject({
      loanNo: `JY-${THIS_YEAR}-0001`,
      boxId: box.id,
      boxCode: box.code,
      boxTitle: '人事档案',
      borrower: { userId: null, name: '王芳', department: '财务部', phone: '057188881234' },
      status: 'requested',
      copyRequested: true,
      copyAllowed: false,
      requestedByName: 'clerk-测试',
      dueDate: null,
      daysOverdue: 0,
      renewals: [],
      incidents: [],
    });
    await app.ok('loan-cancel', { id: loan.id }, cast.clerk);
    expect((await app.ok('loan-request', validLoanInput({ boxCode: box.code }), cast.custodian)).loanNo).toBe(`JY-${THIS_YEAR}-0002`);
    expect(await boxStatus()).toBe('in_stock');
  });

  it('copies an account borrower onto the loan, so renaming the account later leaves the register as it was', async () => {
    const loan = await app.ok('loan-request', validLoanInput({ boxCode: box.code, borrower: { kind: 'user', userId: cast.clerkId } }), cast.custodian);
    expect(loan.borrower).toEqual({ userId: cast.clerkId, name: 'clerk-测试', department: '万象广场运营部', phone: '' });
    await app.ok('user-update', { id: cast.clerkId, displayName: '改名后', role: 'clerk', disabled: false }, cast.admin);
    expect((await app.ok('loan-get', { id: loan.id }, cast.auditor)).borrower.name).toBe('clerk-测试');
  });

  it('offers the desk the enabled accounts to pick a borrower from, without any sign-in data', async () => {
    await app.ok('user-update', { id: cast.managerId, displayName: 'manager-测试', role: 'manager', disabled: true }, cast.admin);
    const directory = await app.ok('user-directory', {}, cast.clerk);
    expect(directory.map((u) => u.username).sort()).toEqual(['admin', 'auditor', 'clerk', 'custodian']);
    expect(directory.find((u) => u.id === cast.clerkId)).toEqual({ id: cast.clerkId, username: 'clerk', displayName: 'clerk-测试', role: 'clerk' });
    expect(errorCode(await app.call('user-directory', {}, cast.auditor))).toBe('FORBIDDEN');
  });

  it('refuses an unknown box code (NOT_FOUND) and an unknown or disabled borrower account', async () => {
    await refusedUnchanged(() => request({ boxCode: 'RS-2099-9999' }), 'NOT_FOUND');
    await refusedUnchanged(() => request({ borrower: { kind: 'user', userId: 999 } }), 'NOT_FOUND');
    await app.ok('user-update', { id: cast.managerId, displayName: 'manager-测试', role: 'manager', disabled: true }, cast.admin);
    await refusedUnchanged(() => request({ borrower: { kind: 'user', userId: cast.managerId } }), 'BORROWER_DISABLED');
  });

  it('refuses a short loan of 4 days and a long loan of 8 (VALIDATION on days)', async () => {
    for (const [loanType, days] of [
      ['short', 4],
      ['long', 8],
    ] as const) {
      const before = state();
      const result = await request({ loanType, days });
      expect(errorCode(result)).toBe('VALIDATION');
      if (!result.ok) expect(new Set(result.error.issues?.map((i) => i.path.join('.')))).toEqual(new Set(['days']));
      expect(state()).toEqual(before);
    }
    expect(errorCode(await request({ loanType: 'long', days: 7 }))).toBe('ok');
  });

  it('refuses an empty purpose (VALIDATION)', async () => {
    await refusedUnchanged(() => request({ purpose: '   ' }), 'VALIDATION');
  });

  it.each(['on_loan', 'transferred', 'pending_destruction', 'destroyed', 'missing'] as const)(
    'refuses a box that is %s (LOAN_BOX_UNAVAILABLE)',
    async (status) => {
      // Transfer and destruction do not exist yet: the status is set directly.
      sql('UPDATE boxes SET status = ? WHERE id = ?', status, box.id);
      await refusedUnchanged(() => request(), 'LOAN_BOX_UNAVAILABLE', { status });
    },
  );

  it('refuses a box that already has an active loan (LOAN_BOX_BUSY), and lends it again once that ended', async () => {
    const first = await app.ok('loan-request', validLoanInput({ boxCode: box.code }), cast.clerk);
    await refusedUnchanged(() => request(), 'LOAN_BOX_BUSY', { loanNo: first.loanNo });
    await app.ok('loan-decide', { id: first.id, approve: true, copyAllowed: false, reason: '' }, cast.manager);
    await refusedUnchanged(() => request(), 'LOAN_BOX_BUSY', { loanNo: first.loanNo });
    await app.ok('loan-cancel', { id: first.id }, cast.custodian);
    expect(errorCode(await request())).toBe('ok');
  });

  it('keeps a box on a transfer order not yet signed off on the shelf (LOAN_BOX_ON_TRANSFER), and lends it again once the order is cancelled', async () => {
    const approvedBefore = await app.ok('loan-request', validLoanInput({ boxCode: box.code }), cast.clerk);
    await app.ok('loan-decide', { id: approvedBefore.id, approve: true, copyAllowed: false, reason: '' }, cast.manager);
    const order = await app.ok('transfer-create', validTransfer([box.code]), cast.custodian);
    // A loan approved before the order was drafted does not take the box out from under it.
    await refusedUnchanged(() => app.call('loan-hand-out', { id: approvedBefore.id }, cast.custodian), 'LOAN_BOX_ON_TRANSFER', {
      transferNo: order.transferNo,
    });
    await app.ok('loan-cancel', { id: approvedBefore.id }, cast.custodian);
    await refusedUnchanged(() => request(), 'LOAN_BOX_ON_TRANSFER', { transferNo: order.transferNo });
    await app.ok('transfer-decide', { id: order.id, approve: true, reason: '' }, cast.manager);
    await refusedUnchanged(() => request(), 'LOAN_BOX_ON_TRANSFER', { transferNo: order.transferNo });
    await app.ok('transfer-cancel', { id: order.id }, cast.custodian);
    expect(errorCode(await request())).toBe('ok');
  });

  it('lets only clerks and custodians register requests (FORBIDDEN otherwise)', async () => {
    for (const handle of [cast.manager, cast.auditor, cast.admin]) await refusedUnchanged(() => request({}, handle), 'FORBIDDEN');
  });
});

describe('decisions', () => {
  it('approves with copy permission only when copying was asked for', async () => {
    const loan = await app.ok('loan-request', validLoanInput({ boxCode: box.code, copyRequested: true }), cast.clerk);
    const approved = await app.ok('loan-decide', { id: loan.id, approve: true, copyAllowed: true, reason: '' }, cast.manager);
    expect(approved).toMatchObject({ status: 'approved', copyAllowed: true, decidedByName: 'manager-测试' });

    const other = await createBox(app);
    const plain = await app.ok('loan-request', validLoanInput({ boxCode: other.code, copyRequested: false }), cast.clerk);
    await refusedUnchanged(() => app.call('loan-decide', { id: plain.id, approve: true, copyAllowed: true, reason: '' }, cast.manager), 'VALIDATION');
    await refusedUnchanged(() => app.call('loan-decide', { id: plain.id, approve: false, copyAllowed: true, reason: '不同意' }, cast.manager), 'VALIDATION');
  });

  it('rejects only with a reason, and a rejected loan frees the box', async () => {
    const loan = await app.ok('loan-request', validLoanInput({ boxCode: box.code }), cast.clerk);
    await refusedUnchanged(() => app.call('loan-decide', { id: loan.id, approve: false, copyAllowed: false, reason: '' }, cast.manager), 'VALIDATION');
    const rejected = await app.ok('loan-decide', { id: loan.id, approve: false, copyAllowed: false, reason: '用途不明' }, cast.manager);
    expect(rejected).toMatchObject({ status: 'rejected', decisionReason: '用途不明' });
    await refusedUnchanged(() => app.call('loan-decide', { id: loan.id, approve: true, copyAllowed: false, reason: '' }, cast.manager), 'LOAN_WRONG_STATE', {
      status: 'rejected',
      // Who decided it: the refusal names them (该借阅已由 … 审批).
      by: 'manager-测试',
      context: 'rejected',
    });
    expect(errorCode(await request())).toBe('ok');
  });

  it('refuses a clerk or custodian approving (FORBIDDEN)', async () => {
    const loan = await app.ok('loan-request', validLoanInput({ boxCode: box.code }), cast.clerk);
    for (const handle of [cast.clerk, cast.custodian]) {
      await refusedUnchanged(() => app.call('loan-decide', { id: loan.id, approve: true, copyAllowed: false, reason: '' }, handle), 'FORBIDDEN');
    }
  });

  it('refuses a manager approving a loan to themself (SELF_APPROVAL)', async () => {
    const loan = await app.ok('loan-request', validLoanInput({ boxCode: box.code, borrower: { kind: 'user', userId: cast.managerId } }), cast.clerk);
    await refusedUnchanged(() => app.call('loan-decide', { id: loan.id, approve: true, copyAllowed: false, reason: '' }, cast.manager), 'SELF_APPROVAL');
  });

  it('refuses a manager approving a loan to a person who is them by name or user name (SELF_APPROVAL); another manager may', async () => {
    await app.ok('user-update', { id: cast.managerId, displayName: '王经理', role: 'manager', disabled: false }, cast.admin);
    for (const name of ['王经理', '王 经理', '王\u200B经理', 'Manager']) {
      const loan = await app.ok(
        'loan-request',
        validLoanInput({ boxCode: box.code, borrower: { kind: 'person', name, department: '财务部', phone: '0571-88881234' } }),
        cast.clerk,
      );
      await refusedUnchanged(() => app.call('loan-decide', { id: loan.id, approve: true, copyAllowed: false, reason: '' }, cast.manager), 'SELF_APPROVAL');
      await app.ok('loan-cancel', { id: loan.id }, cast.clerk);
    }
    const loan = await app.ok(
      'loan-request',
      validLoanInput({ boxCode: box.code, borrower: { kind: 'person', name: '王经理', department: '财务部', phone: '0571-88881234' } }),
      cast.custodian,
    );
    await app.ok('user-update', { id: cast.clerkId, displayName: 'clerk-测试', role: 'manager', disabled: false }, cast.admin);
    expect((await app.ok('loan-decide', { id: loan.id, approve: true, copyAllowed: false, reason: '' }, cast.clerk)).status).toBe('approved');
  });

  it('lets a manager approve a loan to someone whose name only resembles theirs', async () => {
    await app.ok('user-update', { id: cast.managerId, displayName: '王经理', role: 'manager', disabled: false }, cast.admin);
    const loan = await app.ok(
      'loan-request',
      validLoanInput({ boxCode: box.code, borrower: { kind: 'person', name: '汪经理', department: '财务部', phone: '0571-88881234' } }),
      cast.clerk,
    );
    expect((await app.ok('loan-decide', { id: loan.id, approve: true, copyAllowed: false, reason: '' }, cast.manager)).status).toBe('approved');
  });

  it('records a borrower’s name as it reads, and refuses one of invisible characters', async () => {
    const loan = await app.ok(
      'loan-request',
      validLoanInput({ boxCode: box.code, borrower: { kind: 'person', name: '\u202E王\u200B芳 ', department: '财务部', phone: '0571-88881234' } }),
      cast.clerk,
    );
    expect(loan.borrower.name).toBe('王芳');
    const other = await createBox(app);
    await refusedUnchanged(
      () =>
        app.call(
          'loan-request',
          validLoanInput({ boxCode: other.code, borrower: { kind: 'person', name: '\u200B\u3000', department: '财务部', phone: '0571-88881234' } }),
          cast.clerk,
        ),
      'VALIDATION',
    );
  });

  it('refuses someone approving their own request, even after becoming a manager (SELF_APPROVAL)', async () => {
    const loan = await app.ok('loan-request', validLoanInput({ boxCode: box.code }), cast.clerk);
    await app.ok('user-update', { id: cast.clerkId, displayName: 'clerk-测试', role: 'manager', disabled: false }, cast.admin);
    await refusedUnchanged(() => app.call('loan-decide', { id: loan.id, approve: true, copyAllowed: false, reason: '' }, cast.clerk), 'SELF_APPROVAL');
    // Another manager may.
    expect((await app.ok('loan-decide', { id: loan.id, approve: true, copyAllowed: false, reason: '' }, cast.manager)).status).toBe('approved');
  });
});

describe('hand-out', () => {
  it('refuses a hand-out before approval (LOAN_NOT_APPROVED)', async () => {
    const loan = await app.ok('loan-request', validLoanInput({ boxCode: box.code }), cast.clerk);
    await refusedUnchanged(() => app.call('loan-hand-out', { id: loan.id }, cast.clerk), 'LOAN_NOT_APPROVED');
  });

  it('sets the due date from today plus the days, and puts the box on loan', async () => {
    const loan = await loanOut(app, cast, box.code, { loanType: 'long', days: 5 });
    const due = new Date();
    due.setDate(due.getDate() + 5);
    expect(loan).toMatchObject({ status: 'out', dueDate: localDate(due), handedOutByName: 'clerk-测试', daysOverdue: 0 });
    expect(await boxStatus()).toBe('on_loan');
  });

  it('refuses a box that left the shelf between approval and hand-out', async () => {
    const loan = await app.ok('loan-request', validLoanInput({ boxCode: box.code }), cast.clerk);
    await app.ok('loan-decide', { id: loan.id, approve: true, copyAllowed: false, reason: '' }, cast.manager);
    sql('UPDATE boxes SET status = ? WHERE id = ?', 'missing', box.id);
    await refusedUnchanged(() => app.call('loan-hand-out', { id: loan.id }, cast.clerk), 'LOAN_BOX_UNAVAILABLE', { status: 'missing' });
  });

  it('of two hand-outs at once, exactly one wins', async () => {
    const loan = await app.ok('loan-request', validLoanInput({ boxCode: box.code }), cast.clerk);
    await app.ok('loan-decide', { id: loan.id, approve: true, copyAllowed: false, reason: '' }, cast.manager);
    const auditBefore = auditRows(app.runtime.requireDb()).length;
    const results = await Promise.all([
      app.dispatch({ name: 'loan-hand-out', payload: { id: loan.id }, handle: cast.clerk }),
      app.dispatch({ name: 'loan-hand-out', payload: { id: loan.id }, handle: cast.custodian }),
    ]);
    expect(results.map(errorCode).sort()).toEqual(['LOAN_WRONG_STATE', 'ok']);
    expect(
      auditRows(app.runtime.requireDb())
        .slice(auditBefore)
        .map((r) => r.action),
    ).toEqual(['loan-hand-out']);
  });

  it('cancels only requested or approved loans', async () => {
    const loan = await loanOut(app, cast, box.code);
    await refusedUnchanged(() => app.call('loan-cancel', { id: loan.id }, cast.clerk), 'LOAN_WRONG_STATE', { status: 'out', by: 'clerk-测试', context: 'out' });
  });
});

describe('return', () => {
  it('refuses the return of a loan that is not out (BOX_NOT_ON_LOAN)', async () => {
    const loan = await app.ok('loan-request', validLoanInput({ boxCode: box.code }), cast.clerk);
    const intact = { id: loan.id, condition: 'intact' as const, missingDocumentIds: [], incident: { description: '', responsible: '', followUp: '' } };
    await refusedUnchanged(() => app.call('loan-return', intact, cast.custodian), 'BOX_NOT_ON_LOAN');
    await app.ok('loan-decide', { id: loan.id, approve: true, copyAllowed: false, reason: '' }, cast.manager);
    await app.ok('loan-hand-out', { id: loan.id }, cast.clerk);
    await app.ok('loan-return', intact, cast.custodian);
    await refusedUnchanged(() => app.call('loan-return', intact, cast.custodian), 'BOX_NOT_ON_LOAN');
  });

  it('takes an intact box back onto the shelf, recording who received it', async () => {
    const loan = await loanOut(app, cast, box.code);
    const back = await app.ok(
      'loan-return',
      { id: loan.id, condition: 'intact', missingDocumentIds: [], incident: { description: '', responsible: '', followUp: '' } },
      cast.custodian,
    );
    expect(back).toMatchObject({ status: 'returned', returnCondition: 'intact', receivedByName: 'custodian-测试', incidents: [] });
    expect(back.returnedAt).not.toBeNull();
    expect(await boxStatus()).toBe('in_stock');
  });

  it('refuses missing documents of another box, a missing-documents return without any, and an incident without its description', async () => {
    const mine = await boxWithDocuments(app, cast.custodian);
    const other = await boxWithDocuments(app, cast.custodian);
    const loan = await loanOut(app, cast, mine.code);
    const incident = { description: '缺页', responsible: '王芳', followUp: '' };
    await refusedUnchanged(
      () => app.call('loan-return', { id: loan.id, condition: 'documents_missing', missingDocumentIds: [other.documentIds[0]], incident }, cast.custodian),
      'VALIDATION',
    );
    await refusedUnchanged(
      () => app.call('loan-return', { id: loan.id, condition: 'documents_missing', missingDocumentIds: [], incident }, cast.custodian),
      'VALIDATION',
    );
    await refusedUnchanged(
      () => app.call('loan-return', { id: loan.id, condition: 'damaged', missingDocumentIds: [], incident: { ...incident, description: '' } }, cast.custodian),
      'VALIDATION',
    );
    await refusedUnchanged(
      () => app.call('loan-return', { id: loan.id, condition: 'intact', missingDocumentIds: [mine.documentIds[0]], incident }, cast.custodian),
      'VALIDATION',
    );
  });

  it('lets only the custodian take a box back', async () => {
    const loan = await loanOut(app, cast, box.code);
    const intact = { id: loan.id, condition: 'intact' as const, missingDocumentIds: [], incident: { description: '', responsible: '', followUp: '' } };
    for (const handle of [cast.clerk, cast.manager, cast.auditor]) await refusedUnchanged(() => app.call('loan-return', intact, handle), 'FORBIDDEN');
  });
});

describe('the register', () => {
  it("lists a box's and a borrower's loans newest first, page by page", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const loan = await loanOut(app, cast, box.code, i === 1 ? { borrower: { kind: 'user', userId: cast.clerkId } } : {});
      await app.ok(
        'loan-return',
        { id: loan.id, condition: 'intact', missingDocumentIds: [], incident: { description: '', responsible: '', followUp: '' } },
        cast.custodian,
      );
      ids.push(loan.id);
    }
    const page1 = await app.ok('loan-list', { boxId: box.id, limit: 2 }, cast.auditor);
    expect(page1.rows.map((l) => l.id)).toEqual([ids[2], ids[1]]);
    const page2 = await app.ok('loan-list', { boxId: box.id, limit: 2, cursor: page1.nextCursor! }, cast.auditor);
    expect(page2).toEqual({ rows: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    expect((await app.ok('loan-list', { borrowerUserId: cast.clerkId }, cast.auditor)).rows.map((l) => l.id)).toEqual([ids[1]]);
    expect((await app.ok('loan-list', { borrowerName: '王芳' }, cast.auditor)).rows.map((l) => l.id)).toEqual([ids[2], ids[0]]);
    expect((await app.ok('loan-list', { status: 'returned', from: localDate(), to: localDate() }, cast.auditor)).rows).toHaveLength(3);
    expect((await app.ok('loan-list', { from: '2000-01-01', to: '2000-12-31' }, cast.auditor)).rows).toHaveLength(0);
  });

  it("finds a recorded person's loans by name and phone, apart from a namesake and an account of the same name", async () => {
    const wang = { kind: 'person' as const, name: '王芳', department: '财务部', phone: '0571-88881234' };
    const namesake = { ...wang, department: '工程部', phone: '139-0000-1111' };
    const first = await loanOut(app, cast, box.code, { borrower: wang });
    await app.ok(
      'loan-return',
      { id: first.id, condition: 'intact', missingDocumentIds: [], incident: { description: '', responsible: '', followUp: '' } },
      cast.custodian,
    );
    const other = await app.ok('loan-request', validLoanInput({ boxCode: (await createBox(app)).code, borrower: namesake }), cast.clerk);
    const second = await app.ok('loan-request', validLoanInput({ boxCode: box.code, borrower: wang }), cast.clerk);
    await app.ok('user-update', { id: cast.managerId, displayName: '王芳', role: 'manager', disabled: false }, cast.admin);
    const account = await app.ok(
      'loan-request',
      validLoanInput({ boxCode: (await createBox(app)).code, borrower: { kind: 'user', userId: cast.managerId } }),
      cast.clerk,
    );

    const ids = async (filter: CallInput<'loan-list'>) => (await app.ok('loan-list', filter, cast.auditor)).rows.map((l) => l.id);
    expect(await ids({ borrowerName: '王芳', borrowerPhone: wang.phone })).toEqual([second.id, first.id]);
    expect(await ids({ borrowerName: '王芳', borrowerPhone: namesake.phone })).toEqual([other.id]);
    expect(await ids({ borrowerUserId: cast.managerId })).toEqual([account.id]);
    expect(await ids({ borrowerName: '王芳', borrowerPhone: wang.phone, limit: 1 })).toEqual([second.id]);
  });

  it('refuses the print dialog where the shell has none (the web shell: save the PDF instead), recording nothing', async () => {
    const loan = await app.ok('loan-request', validLoanInput({ boxCode: box.code }), cast.clerk);
    await refusedUnchanged(() => app.call('loan-slip-print', { id: loan.id }, cast.clerk), 'PRINT_DIALOG_UNAVAILABLE');
  });

  it('records every step in the audit log under the loan, with the box code', async () => {
    const loan = await loanOut(app, cast, box.code);
    await app.ok(
      'loan-return',
      { id: loan.id, condition: 'intact', missingDocumentIds: [], incident: { description: '', responsible: '', followUp: '' } },
      cast.custodian,
    );
    const entries = auditRows(app.runtime.requireDb()).filter((r) => r.entity === 'loan');
    expect(entries.map((r) => [r.action, r.entityId, r.boxCode, r.actorName])).toEqual([
      ['loan-request', String(loan.id), box.code, 'clerk-测试'],
      ['loan-approve', String(loan.id), box.code, 'manager-测试'],
      ['loan-hand-out', String(loan.id), box.code, 'clerk-测试'],
      ['loan-return', String(loan.id), box.code, 'custodian-测试'],
    ]);
    expect(JSON.parse(entries[2].changes)).toMatchObject({ status: ['approved', 'out'], boxStatus: ['in_stock', 'on_loan'] });
  });
});
