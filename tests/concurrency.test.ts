import i18next, { type TFunction } from 'i18next';
import type { CallInput, CallName } from '../electron/core/contract';
import type { Result } from '../electron/core/contract/errors';
import type { ClientInfo } from '../electron/core/contract/network';
import { common } from '../renderer/ui/i18n';
import { INITIAL_PASSWORD, PASSWORD, type TestApp } from './support/app';
import { auditRows, createBox, createSetUpApp, validLoanInput } from './support/fixtures';

/**
 * Two desks on one archive (host mode): this PC's window and a desk on the office network, each
 * with its own people signed in, acting on the same loan at the same moment. Every call goes
 * through the host's one dispatcher, and each write re-reads the loan inside its IMMEDIATE
 * transaction, so of each pair exactly one wins; the other hears, in Chinese, what happened and
 * who did it. Each pair is fired together, alternating which desk's call is sent first.
 */
const PAIRS = 50;
const FRONT_DESK: ClientInfo = { transport: 'lan', address: '192.168.1.23', name: '前台1' };

let app: TestApp;
let zh: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { common: common['zh-CN'] } }, defaultNS: 'common', interpolation: { escapeValue: false } });
  zh = i18n.t.bind(i18n);
});
beforeEach(async () => {
  app = await createSetUpApp();
});
afterEach(() => app.close());

/** The refusal as the desk shows it: forms.ts's errorText, in zh-CN. */
const textOf = (result: Result<unknown>) => (result.ok ? '' : zh(`errors.${result.error.code}`, { ns: 'common', ...result.error.params }));

type Desk = <N extends CallName>(name: N, payload: CallInput<N>) => Promise<Result<unknown>>;

/** A person signed in at the network desk: a new account of that role, its first password changed. */
async function atFrontDesk(role: 'clerk' | 'custodian' | 'manager', username: string, displayName: string): Promise<Desk> {
  const admin = await app.as('admin');
  await app.ok('user-create', { username, displayName, role, password: INITIAL_PASSWORD }, admin);
  const call = (name: CallName, payload: unknown, handle: string | null) => app.dispatch({ name, payload, handle, client: FRONT_DESK });
  const login = await call('session-login', { username, password: INITIAL_PASSWORD }, null);
  if (!login.ok) throw new Error(JSON.stringify(login.error));
  const { handle } = login.value as { handle: string };
  const changed = await call('session-change-password', { current: INITIAL_PASSWORD, next: PASSWORD, nextConfirm: PASSWORD }, handle);
  if (!changed.ok) throw new Error(JSON.stringify(changed.error));
  return (name, payload) => call(name, payload, handle);
}

/** A person at this PC's own window (the test app's users). */
async function atThisPc(role: 'clerk' | 'custodian' | 'manager'): Promise<Desk> {
  const handle = await app.as(role);
  return (name, payload) => app.call(name, payload, handle);
}

/** Fires the pair together; even pairs send the first call first, odd ones the second. */
async function race(i: number, first: () => Promise<Result<unknown>>, second: () => Promise<Result<unknown>>): Promise<[Result<unknown>, Result<unknown>]> {
  if (i % 2 === 0) return Promise.all([first(), second()]);
  const [b, a] = await Promise.all([second(), first()]);
  return [a, b];
}

/** Asks for a loan of a new box at this PC; approved (and handed out) as far as `stage`. */
async function loanAt(stage: 'requested' | 'approved' | 'out'): Promise<number> {
  const clerk = await app.as('clerk');
  const box = await createBox(app);
  const loan = await app.ok('loan-request', validLoanInput({ boxCode: box.code }), clerk);
  if (stage !== 'requested') await app.ok('loan-decide', { id: loan.id, approve: true, copyAllowed: false, reason: '' }, await app.as('manager'));
  if (stage === 'out') await app.ok('loan-hand-out', { id: loan.id }, clerk);
  return loan.id;
}

const db = () => app.runtime.requireDb().$client;
const loanState = (id: number) =>
  db().prepare('SELECT l.status, b.status AS boxStatus FROM loans l JOIN boxes b ON b.id = l.box_id WHERE l.id = ?').get(id) as {
    status: string;
    boxStatus: string;
  };
const actionsOn = (id: number, actions: string[]) =>
  (db().prepare(`SELECT action FROM audit_log WHERE entity = 'loan' AND entity_id = ? ORDER BY seq`).all(String(id)) as { action: string }[])
    .map((r) => r.action)
    .filter((a) => actions.includes(a));

/** Exactly one of the two won; the loser's refusal as the desk shows it. */
function oneWinner(pair: [Result<unknown>, Result<unknown>]): { winner: 0 | 1; refusal: Result<unknown> & { ok: false }; text: string } {
  const won = pair.map((r) => r.ok);
  expect(won.filter(Boolean)).toHaveLength(1);
  const winner = won[0] ? 0 : 1;
  const refusal = pair[1 - winner] as Result<unknown> & { ok: false };
  return { winner, refusal, text: textOf(refusal) };
}

async function expectChainIntact(): Promise<void> {
  const auditor = await app.as('auditor');
  const head = await app.ok('audit-head', {}, auditor);
  expect(await app.ok('audit-verify', {}, auditor)).toEqual({ intact: true, entries: head.entries, headHash: head.headHash });
}

describe(`${PAIRS} pairs of simultaneous calls from two desks on one loan`, { timeout: 120_000 }, () => {
  it('hand-out vs cancel: one wins; the other hears 已被…撤销 or 已由…借出', async () => {
    const handOutHere = await atThisPc('custodian');
    const cancelThere = await atFrontDesk('clerk', 'qiantai-clerk', '前台 李娜');
    const loans: number[] = [];
    for (let i = 0; i < PAIRS; i++) loans.push(await loanAt('approved'));
    const outcomes = await Promise.all(
      loans.map((id, i) =>
        race(
          i,
          () => handOutHere('loan-hand-out', { id }),
          () => cancelThere('loan-cancel', { id }),
        ),
      ),
    );
    const wins = [0, 0];
    outcomes.forEach((pair, i) => {
      const { winner, refusal, text } = oneWinner(pair);
      wins[winner]++;
      const id = loans[i];
      if (winner === 0) {
        expect(refusal.error).toEqual({ code: 'LOAN_WRONG_STATE', params: { status: 'out', by: 'custodian-测试', context: 'out' } });
        expect(text).toBe('该档案已由 custodian-测试 借出，不能再进行此操作');
        expect(loanState(id)).toEqual({ status: 'out', boxStatus: 'on_loan' });
        expect(actionsOn(id, ['loan-hand-out', 'loan-cancel'])).toEqual(['loan-hand-out']);
      } else {
        expect(refusal.error).toEqual({ code: 'LOAN_WRONG_STATE', params: { status: 'cancelled', by: '前台 李娜', context: 'cancelled' } });
        expect(text).toBe('该借阅已被 前台 李娜 撤销，不能再进行此操作');
        expect(loanState(id)).toEqual({ status: 'cancelled', boxStatus: 'in_stock' });
        expect(actionsOn(id, ['loan-hand-out', 'loan-cancel'])).toEqual(['loan-cancel']);
      }
    });
    // Both desks won some: the order of arrival decides, not the desk.
    expect(wins).toEqual([PAIRS / 2, PAIRS / 2]);
    await expectChainIntact();
  });

  it('two returns: one takes the box back; the other hears 已由…办理归还', async () => {
    const returnHere = await atThisPc('custodian');
    const returnThere = await atFrontDesk('custodian', 'qiantai-keeper', '前台 王强');
    const loans: number[] = [];
    for (let i = 0; i < PAIRS; i++) loans.push(await loanAt('out'));
    const intact = (id: number): CallInput<'loan-return'> => ({
      id,
      condition: 'intact',
      missingDocumentIds: [],
      incident: { description: '', responsible: '', followUp: '' },
    });
    const outcomes = await Promise.all(
      loans.map((id, i) =>
        race(
          i,
          () => returnHere('loan-return', intact(id)),
          () => returnThere('loan-return', intact(id)),
        ),
      ),
    );
    outcomes.forEach((pair, i) => {
      const { winner, refusal, text } = oneWinner(pair);
      const by = winner === 0 ? 'custodian-测试' : '前台 王强';
      expect(refusal.error).toEqual({ code: 'BOX_NOT_ON_LOAN', params: { status: 'returned', by, context: 'returned' } });
      expect(text).toBe(`该借阅已由 ${by} 办理归还，不能重复归还`);
      expect(loanState(loans[i])).toEqual({ status: 'returned', boxStatus: 'in_stock' });
      expect(actionsOn(loans[i], ['loan-return'])).toEqual(['loan-return']);
    });
    // The loser's desk recorded nothing: the one return entry is the winner's, at the winner's desk.
    const returns = auditRows(app.runtime.requireDb()).filter((r) => r.action === 'loan-return');
    expect(returns).toHaveLength(PAIRS);
    expect(returns.filter((r) => r.clientAddress === FRONT_DESK.address)).toHaveLength(PAIRS / 2);
    await expectChainIntact();
  });

  it('approve vs reject: one decides; the other hears 已由…审批 and what was decided', async () => {
    const approveHere = await atThisPc('manager');
    const rejectThere = await atFrontDesk('manager', 'qiantai-manager', '前台 赵敏');
    const loans: number[] = [];
    for (let i = 0; i < PAIRS; i++) loans.push(await loanAt('requested'));
    const outcomes = await Promise.all(
      loans.map((id, i) =>
        race(
          i,
          () => approveHere('loan-decide', { id, approve: true, copyAllowed: false, reason: '' }),
          () => rejectThere('loan-decide', { id, approve: false, copyAllowed: false, reason: '用途不明' }),
        ),
      ),
    );
    outcomes.forEach((pair, i) => {
      const { winner, refusal, text } = oneWinner(pair);
      const id = loans[i];
      if (winner === 0) {
        expect(refusal.error).toEqual({ code: 'LOAN_WRONG_STATE', params: { status: 'approved', by: 'manager-测试', context: 'approved' } });
        expect(text).toBe('该借阅已由 manager-测试 审批（已批准），不能再进行此操作');
        expect(loanState(id).status).toBe('approved');
        expect(actionsOn(id, ['loan-approve', 'loan-reject'])).toEqual(['loan-approve']);
      } else {
        expect(refusal.error).toEqual({ code: 'LOAN_WRONG_STATE', params: { status: 'rejected', by: '前台 赵敏', context: 'rejected' } });
        expect(text).toBe('该借阅已由 前台 赵敏 审批（已驳回），不能再进行此操作');
        expect(loanState(id).status).toBe('rejected');
        expect(actionsOn(id, ['loan-approve', 'loan-reject'])).toEqual(['loan-reject']);
      }
    });
    await expectChainIntact();
  });

  it('says the status alone when nobody is on record for it', () => {
    expect(zh('errors.LOAN_WRONG_STATE', { ns: 'common', status: 'cancelled' })).toBe('该借阅当前状态为“已撤销”，不能进行此操作');
  });
});
