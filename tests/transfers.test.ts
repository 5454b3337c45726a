import type { CallInput } from '../electron/core/contract';
import { addDays, localDate } from '../electron/server/services/local-date';
import type { TestApp } from './support/app';
import { PASSWORD } from './support/app';
import { auditRows, createBox, createSetUpApp, errorCode, snapshot, THIS_YEAR } from './support/fixtures';
import { approvedTransfer, custodyCast, signOff, validTransfer, type CustodyCast } from './support/custody';
import { loanOut } from './support/lending';
import { TINY_PNG } from './support/payloads-custody';

let app: TestApp;
let cast: CustodyCast;
let box: { id: number; code: string };
beforeEach(async () => {
  app = await createSetUpApp();
  cast = await custodyCast(app);
  box = await createBox(app);
});
afterEach(() => app.close());

const state = () => snapshot(app.runtime.requireDb());
const boxOf = async (id = box.id) => (await app.ok('box-get', { id }, cast.custodian)).box;

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

describe('transfer orders', () => {
  it('lists the boxes with their item counts, numbered YJ-<year>-0001, waiting for approval', async () => {
    await app.ok('box-document-add', { boxId: box.id, docDate: '2025-03-01', title: '劳动合同', category: 'g', pages: 3, note: '' }, cast.custodian);
    const other = await createBox(app, { title: '人事档案（二）' });
    const t = await app.ok('transfer-create', validTransfer([box.code, other.code]), cast.custodian);
    expect(t).toMatchObject({
      transferNo: `YJ-${THIS_YEAR}-0001`,
      fromDepartment: '运营部',
      toDepartment: '行政人事部',
      status: 'requested',
      requestedByName: 'custodian-测试',
      personnelMoveDate: null,
      collectBy: null,
      handover: null,
      receiver: null,
    });
    expect(t.boxes.map((b) => [b.code, b.itemCount])).toEqual([
      [box.code, 1],
      [other.code, 0],
    ]);
    // Nothing moves before sign-off.
    expect((await boxOf()).status).toBe('in_stock');
    const list = await app.ok('transfer-list', { limit: 10 }, cast.auditor);
    expect(list.rows.map((r) => [r.transferNo, r.boxCount])).toEqual([[`YJ-${THIS_YEAR}-0001`, 2]]);
  });

  it('shows the one-week collection deadline for personnel files (§4.7.2), overdue once past it', async () => {
    const moved = addDays(localDate(), -10);
    const t = await app.ok('transfer-create', validTransfer([box.code], { personnelMoveDate: moved }), cast.custodian);
    expect(t.collectBy).toBe(addDays(moved, 7));
    expect(t.collectOverdue).toBe(true);
    const recent = await createBox(app);
    const fresh = await app.ok('transfer-create', validTransfer([recent.code], { personnelMoveDate: localDate() }), cast.custodian);
    expect(fresh).toMatchObject({ collectBy: addDays(localDate(), 7), collectOverdue: false });
  });

  it('refuses a box on loan (TRANSFER_BOX_ON_LOAN), a box already on an open order, an unknown code, and the same department on both sides', async () => {
    await loanOut(app, cast, box.code);
    await refusedUnchanged(() => app.call('transfer-create', validTransfer([box.code]), cast.custodian), 'TRANSFER_BOX_ON_LOAN', { code: box.code });
    const free = await createBox(app);
    const t = await app.ok('transfer-create', validTransfer([free.code]), cast.custodian);
    await refusedUnchanged(() => app.call('transfer-create', validTransfer([free.code]), cast.custodian), 'TRANSFER_BOX_BUSY', {
      code: free.code,
      transferNo: t.transferNo,
    });
    await refusedUnchanged(() => app.call('transfer-create', validTransfer(['RS-2099-0001']), cast.custodian), 'NOT_FOUND');
    await refusedUnchanged(() => app.call('transfer-create', validTransfer([free.code], { toDepartment: '运营部' }), cast.custodian), 'VALIDATION');
    await refusedUnchanged(() => app.call('transfer-create', validTransfer([free.code, free.code]), cast.custodian), 'VALIDATION');
  });

  it('is approved or rejected (with a reason) by a manager, never by the one who made it', async () => {
    const t = await app.ok('transfer-create', validTransfer([box.code]), cast.manager);
    await refusedUnchanged(() => app.call('transfer-decide', { id: t.id, approve: true, reason: '' }, cast.manager), 'SELF_APPROVAL');
    await refusedUnchanged(() => app.call('transfer-decide', { id: t.id, approve: false, reason: '' }, cast.manager), 'VALIDATION');
    expect(errorCode(await app.call('transfer-decide', { id: t.id, approve: true, reason: '' }, cast.custodian))).toBe('FORBIDDEN');
    await app.ok('transfer-cancel', { id: t.id }, cast.manager);
    const mine = await app.ok('transfer-create', validTransfer([box.code]), cast.custodian);
    const rejected = await app.ok('transfer-decide', { id: mine.id, approve: false, reason: '清单不全' }, cast.manager);
    expect(rejected).toMatchObject({ status: 'rejected', decidedByName: 'manager-测试', decisionReason: '清单不全' });
    await refusedUnchanged(() => app.call('transfer-decide', { id: mine.id, approve: true, reason: '' }, cast.manager), 'TRANSFER_WRONG_STATE', {
      status: 'rejected',
    });
  });

  it('can be cancelled before sign-off, not after', async () => {
    const t = await approvedTransfer(app, cast, [box.code]);
    const cancelled = await app.ok('transfer-cancel', { id: t.id }, cast.custodian);
    expect(cancelled.status).toBe('cancelled');
    // The box is free for another order.
    const again = await approvedTransfer(app, cast, [box.code]);
    await app.ok('transfer-sign-off', signOff(again.id), cast.custodian);
    await refusedUnchanged(() => app.call('transfer-cancel', { id: again.id }, cast.custodian), 'TRANSFER_WRONG_STATE', { status: 'signed' });
  });
});

describe('sign-off 签收', () => {
  it('an account with its password and a named person with a drawn signature sign; the boxes become 已移交 with the receiving department', async () => {
    const t = await approvedTransfer(app, cast, [box.code]);
    const signed = await app.ok('transfer-sign-off', signOff(t.id), cast.custodian);
    expect(signed).toMatchObject({
      status: 'signed',
      handover: { userId: cast.custodianId, name: 'custodian-测试', signature: null },
      receiver: { userId: null, name: '赵敏', signature: TINY_PNG },
    });
    expect(signed.signedAt).not.toBeNull();
    expect(await boxOf()).toMatchObject({ status: 'transferred', custodianDepartment: '行政人事部' });
    const custody = await app.ok('box-custody', { boxId: box.id }, cast.auditor);
    expect(custody).toMatchObject({ custodianDepartment: '行政人事部', transfers: [{ transferNo: t.transferNo, status: 'signed' }] });
    // The log notes that a signature was given without copying the image into it.
    const entry = auditRows(app.runtime.requireDb()).find((r) => r.action === 'transfer-sign-off' && r.entity === 'transfer')!;
    expect(entry.changes).not.toContain('base64');
    expect(
      auditRows(app.runtime.requireDb())
        .filter((r) => r.action === 'transfer-sign-off' && r.entity === 'box')
        .map((r) => r.boxCode),
    ).toEqual([box.code]);
  });

  it('takes two accounts, each with its own password', async () => {
    const t = await approvedTransfer(app, cast, [box.code]);
    const signed = await app.ok(
      'transfer-sign-off',
      {
        id: t.id,
        handover: { kind: 'account', username: 'custodian', password: PASSWORD },
        receiver: { kind: 'account', username: 'clerk', password: PASSWORD },
      },
      cast.clerk,
    );
    expect([signed.handover?.name, signed.receiver?.name]).toEqual(['custodian-测试', 'clerk-测试']);
  });

  it('refuses an unapproved order (TRANSFER_NOT_APPROVED), changing nothing', async () => {
    const t = await app.ok('transfer-create', validTransfer([box.code]), cast.custodian);
    await refusedUnchanged(() => app.call('transfer-sign-off', signOff(t.id), cast.custodian), 'TRANSFER_NOT_APPROVED');
    expect((await boxOf()).status).toBe('in_stock');
  });

  it('refuses the same person on both sides: one account twice, or a name that is the other side’s account', async () => {
    const t = await approvedTransfer(app, cast, [box.code]);
    const account = { kind: 'account' as const, username: 'custodian', password: PASSWORD };
    await refusedUnchanged(() => app.call('transfer-sign-off', { id: t.id, handover: account, receiver: account }, cast.custodian), 'SIGNOFF_SAME_PERSON');
    await refusedUnchanged(
      () =>
        app.call(
          'transfer-sign-off',
          { id: t.id, handover: account, receiver: { kind: 'person', name: 'custodian-测试', signature: TINY_PNG } },
          cast.custodian,
        ),
      'SIGNOFF_SAME_PERSON',
    );
    const person = { kind: 'person' as const, name: '赵敏', signature: TINY_PNG };
    await refusedUnchanged(
      () => app.call('transfer-sign-off', { id: t.id, handover: person, receiver: { ...person, name: ' 赵敏' } }, cast.custodian),
      'SIGNOFF_SAME_PERSON',
    );
  });

  it('sign-off check: the refusals that need no password, before any is typed; changes nothing, and passes for two people', async () => {
    const draft = await app.ok('transfer-create', validTransfer([box.code]), cast.custodian);
    const named = (over: Partial<CallInput<'transfer-sign-off-check'>> = {}): CallInput<'transfer-sign-off-check'> => ({
      id: draft.id,
      handover: { kind: 'account', username: 'custodian' },
      receiver: { kind: 'person', name: '赵敏' },
      ...over,
    });
    await refusedUnchanged(() => app.call('transfer-sign-off-check', named(), cast.clerk), 'TRANSFER_NOT_APPROVED');
    await app.ok('transfer-decide', { id: draft.id, approve: true, reason: '' }, cast.manager);
    await refusedUnchanged(
      () => app.call('transfer-sign-off-check', named({ receiver: { kind: 'account', username: 'custodian' } }), cast.clerk),
      'SIGNOFF_SAME_PERSON',
    );
    await refusedUnchanged(
      () => app.call('transfer-sign-off-check', named({ receiver: { kind: 'person', name: 'custodian-测试' } }), cast.clerk),
      'SIGNOFF_SAME_PERSON',
    );
    const before = state();
    expect(await app.ok('transfer-sign-off-check', named(), cast.clerk)).toBeNull();
    expect(state()).toEqual(before);
    await app.ok('transfer-sign-off', signOff(draft.id), cast.custodian);
    await refusedUnchanged(() => app.call('transfer-sign-off-check', named(), cast.clerk), 'TRANSFER_WRONG_STATE', { status: 'signed' });
  });

  it('refuses look-alikes of one person on both sides: invisible characters, spaces, full-width letters, an account’s name or user name', async () => {
    const t = await approvedTransfer(app, cast, [box.code]);
    const person = (name: string) => ({ kind: 'person' as const, name, signature: TINY_PNG });
    const pairs: [string, string][] = [
      ['李四', '李\u200B四'],
      ['李四', '李 四'],
      ['李四', '李\u3000四'],
      ['LiSi', 'ＬｉＳｉ'],
      ['李四', '\u202E李四'],
      ['李四', '李\u2060四\uFEFF'],
    ];
    for (const [a, b] of pairs)
      await refusedUnchanged(
        () => app.call('transfer-sign-off', { id: t.id, handover: person(a), receiver: person(b) }, cast.custodian),
        'SIGNOFF_SAME_PERSON',
      );
    const account = { kind: 'account' as const, username: 'custodian', password: PASSWORD };
    for (const name of ['custodian-\u200B测试', 'ｃｕｓｔｏｄｉａｎ-测试', 'Custodian', 'CUSTODIAN\u200B']) {
      await refusedUnchanged(
        () => app.call('transfer-sign-off', { id: t.id, handover: account, receiver: person(name) }, cast.custodian),
        'SIGNOFF_SAME_PERSON',
      );
      await refusedUnchanged(
        () => app.call('transfer-sign-off', { id: t.id, handover: person(name), receiver: account }, cast.custodian),
        'SIGNOFF_SAME_PERSON',
      );
    }
  });

  it('refuses a signer named only by invisible characters, and keeps a signer’s name as it reads', async () => {
    const t = await approvedTransfer(app, cast, [box.code]);
    await refusedUnchanged(
      () => app.call('transfer-sign-off', { ...signOff(t.id), receiver: { kind: 'person', name: '\u200B\u202E\u3000', signature: TINY_PNG } }, cast.custodian),
      'VALIDATION',
    );
    const signed = await app.ok(
      'transfer-sign-off',
      { ...signOff(t.id), receiver: { kind: 'person', name: '\u202E李\u200B思\u3000', signature: TINY_PNG } },
      cast.custodian,
    );
    expect(signed.receiver?.name).toBe('李思');
  });

  it('refuses a wrong password (naming whose), an unknown user name, a disabled account, and a signature that is not a PNG or too large', async () => {
    const t = await approvedTransfer(app, cast, [box.code]);
    const wrong: CallInput<'transfer-sign-off'> = { ...signOff(t.id), handover: { kind: 'account', username: 'custodian', password: 'not-the-password' } };
    // Nothing is signed, but the wrong password counts towards the lockout, as at login.
    const transferBefore = await app.ok('transfer-get', { id: t.id }, cast.custodian);
    expect(await app.call('transfer-sign-off', wrong, cast.custodian)).toMatchObject({
      ok: false,
      error: { code: 'SIGNOFF_BAD_PASSWORD', params: { name: 'custodian-测试' } },
    });
    expect(await app.ok('transfer-get', { id: t.id }, cast.custodian)).toEqual(transferBefore);
    expect(auditRows(app.runtime.requireDb()).at(-1)).toMatchObject({ action: 'login-failed', entity: 'user', entityId: String(cast.custodianId) });
    const unknown: CallInput<'transfer-sign-off'> = { ...signOff(t.id), handover: { kind: 'account', username: 'nobody', password: PASSWORD } };
    await refusedUnchanged(() => app.call('transfer-sign-off', unknown, cast.custodian), 'SIGNOFF_BAD_PASSWORD', { name: 'nobody' });
    await app.ok('user-update', { id: cast.clerkId, displayName: 'clerk-测试', role: 'clerk', disabled: true }, cast.admin);
    // A person hands over here: the custodian's right password would start their failure count afresh.
    const disabled: CallInput<'transfer-sign-off'> = {
      id: t.id,
      handover: { kind: 'person', name: '李四', signature: TINY_PNG },
      receiver: { kind: 'account', username: 'clerk', password: PASSWORD },
    };
    await refusedUnchanged(() => app.call('transfer-sign-off', disabled, cast.custodian), 'SIGNOFF_ACCOUNT_UNAVAILABLE');
    for (const signature of ['data:image/jpeg;base64,/9j/4AAQ', 'data:image/png;base64,AAAA', `data:image/png;base64,iVBORw0KGgo${'A'.repeat(200_000)}`]) {
      await refusedUnchanged(
        () => app.call('transfer-sign-off', { ...signOff(t.id), receiver: { kind: 'person', name: '赵敏', signature } }, cast.custodian),
        'VALIDATION',
      );
    }
  });

  it('five wrong sign-off passwords lock the account, as five wrong logins do', async () => {
    const t = await approvedTransfer(app, cast, [box.code]);
    const wrong: CallInput<'transfer-sign-off'> = { ...signOff(t.id), handover: { kind: 'account', username: 'custodian', password: 'not-the-password' } };
    for (let i = 0; i < 4; i++) expect(errorCode(await app.call('transfer-sign-off', wrong, cast.clerk))).toBe('SIGNOFF_BAD_PASSWORD');
    expect(errorCode(await app.call('transfer-sign-off', wrong, cast.clerk))).toBe('ACCOUNT_LOCKED');
    expect(errorCode(await app.call('transfer-sign-off', signOff(t.id), cast.clerk))).toBe('SIGNOFF_ACCOUNT_UNAVAILABLE');
    expect((await app.ok('transfer-get', { id: t.id }, cast.clerk)).status).toBe('approved');
  });

  it('refuses a box found on loan at sign-off (a paper register read in after the approval), and signs nothing', async () => {
    const t = await approvedTransfer(app, cast, [box.code]);
    // The desk will not lend it now (LOAN_BOX_ON_TRANSFER), but a past loan still out on paper puts it on loan.
    const register = `档案盒编号,借阅人,借阅部门,联系电话,借阅事由,借出日期,应还日期,归还日期,批准人,经办人,备注\n${box.code},钱七,工程部,13800001111,核对图纸,${localDate()},${addDays(localDate(), 3)},,张三,李四,\n`;
    await app.ok('import-loans-run', { fileName: '借阅登记.csv', base64: Buffer.from(register).toString('base64'), skipRows: [] }, cast.custodian);
    await refusedUnchanged(() => app.call('transfer-sign-off', signOff(t.id), cast.custodian), 'TRANSFER_BOX_ON_LOAN', { code: box.code });
    expect((await app.ok('transfer-get', { id: t.id }, cast.custodian)).status).toBe('approved');
  });

  it('a transferred box can be neither lent nor put on another order', async () => {
    const t = await approvedTransfer(app, cast, [box.code]);
    await app.ok('transfer-sign-off', signOff(t.id), cast.custodian);
    await refusedUnchanged(() => app.call('transfer-create', validTransfer([box.code]), cast.custodian), 'TRANSFER_BOX_UNAVAILABLE', {
      code: box.code,
      status: 'transferred',
    });
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
});
