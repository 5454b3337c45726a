import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lendingRoutes } from '../../renderer/features/lending/routes';
import { renderFeature } from '../support/feature';
import type { TestBridge } from '../support/bridge';
import { createBox } from '../support/fixtures';
import { lendingCast, loanOut } from '../support/lending';
import { bridgeSignedInAs } from './catalogue-fixtures';

let bridge: TestBridge;

beforeEach(async () => {
  bridge = await bridgeSignedInAs('clerk');
});
afterEach(() => bridge.close());

/** Opens 借阅登记 and scans the box: its code, then the scanner's Enter. */
async function openFormAndScan(code: string) {
  window.location.hash = '#/lending/new';
  const user = userEvent.setup({ delay: null });
  renderFeature(lendingRoutes);
  await user.type(await screen.findByLabelText('档案编号', {}, { timeout: 10_000 }), `${code}{enter}`);
  return user;
}

// Each test signs users in and renders the whole shell: slow under a parallel run.
describe('loan request form', { timeout: 60_000 }, () => {
  it('shows the scanned box and, in Chinese, that the purpose is required', async () => {
    const box = await createBox(bridge.app, { title: '万象城租户押金档案' });
    const user = await openFormAndScan(box.code);

    expect(await screen.findByText('万象城租户押金档案', {}, { timeout: 10_000 })).toBeInTheDocument();
    await user.click(screen.getByText('提交申请'));

    const purpose = screen.getByLabelText('借阅目的').closest('.ant-form-item') as HTMLElement;
    expect(await within(purpose).findByText('必填')).toBeInTheDocument();
    expect((await bridge.app.ok('loan-list', { limit: 10 }, await bridge.app.as('clerk'))).rows).toHaveLength(0);
  });

  it('takes an old label: says the code has changed and puts the code the box has now in the field', async () => {
    const box = await createBox(bridge.app, { code: 'RS-2020-0007', title: '张三人事档案' });
    await bridge.app.ok('box-code-change', { id: box.id, code: 'RS-2020-0107', reason: '重编' }, await bridge.app.as('custodian'));
    await openFormAndScan('RS-2020-0007');

    expect(await screen.findByText('原档号 RS-2020-0007，现为 RS-2020-0107', {}, { timeout: 10_000 })).toBeInTheDocument();
    // The field now holds the current code, which is what the request is filed under.
    expect(screen.getByLabelText('档案编号')).toHaveValue('RS-2020-0107');
    expect(screen.getByText('在库')).toBeInTheDocument();
  });

  it('refuses, visibly, a box that is out on loan', async () => {
    const box = await createBox(bridge.app);
    await loanOut(bridge.app, await lendingCast(bridge.app), box.code);
    await openFormAndScan(box.code);

    expect(await screen.findByText('该档案当前“借出”，不能借出', {}, { timeout: 10_000 })).toBeInTheDocument();
  });

  it("refuses, where they were typed, loan days over the type's limit, and files nothing", async () => {
    const box = await createBox(bridge.app);
    const user = await openFormAndScan(box.code);
    await screen.findByText('在库', {}, { timeout: 10_000 });
    await user.type(screen.getByLabelText('借阅目的'), '核对合同');
    const days = screen.getByLabelText('借阅天数');
    const daysItem = days.closest('.ant-form-item') as HTMLElement;
    const rule = '短期借阅不超过 3 天，长期借阅不超过 7 天';

    // Enter in the box files the form: the 4 stays 4 and is refused, never sent as 3.
    await user.clear(days);
    await user.type(days, '4{enter}');
    expect(await within(daysItem).findByText(rule, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(days).toHaveValue('4');

    await user.click(screen.getByText('长期（≤7天）'));
    await user.clear(days);
    await user.type(days, '8');
    await user.tab();
    await user.click(screen.getByText('提交申请'));
    expect(await within(daysItem).findByText(rule, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(days).toHaveValue('8');

    // Back to short with 6 days: the days are not shortened behind the clerk's back, the rule shows.
    await user.clear(days);
    await user.type(days, '6');
    await user.click(screen.getByText('短期（≤3天）'));
    expect(await within(daysItem).findByText(rule, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(days).toHaveValue('6');
    expect((await bridge.app.ok('loan-list', { limit: 10 }, await bridge.app.as('clerk'))).rows).toHaveLength(0);
  });

  it('says in Chinese that loan days are a whole number of at least 1', async () => {
    const box = await createBox(bridge.app);
    const user = await openFormAndScan(box.code);
    await screen.findByText('在库', {}, { timeout: 10_000 });
    const days = screen.getByLabelText('借阅天数');
    const daysItem = days.closest('.ant-form-item') as HTMLElement;

    await user.clear(days);
    await user.type(days, '0');
    await user.click(screen.getByText('提交申请'));
    expect(await within(daysItem).findByText('不能小于 1', {}, { timeout: 5000 })).toBeInTheDocument();
    await user.clear(days);
    await user.type(days, '1.5');
    await user.click(screen.getByText('提交申请'));
    expect(await within(daysItem).findByText('请填写整数', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(days).toHaveValue('1.5');
  });

  it('lends to an account picked by typing part of its name, by keyboard alone', async () => {
    const box = await createBox(bridge.app);
    const custodian = await bridge.app.ok('user-directory', {}, await bridge.app.as('custodian'));
    const custodianId = custodian.find((u) => u.username === 'custodian')!.id;
    const user = await openFormAndScan(box.code);
    await screen.findByText('在库', {}, { timeout: 10_000 });

    await user.click(screen.getByText('本单位账户'));
    const account = await screen.findByLabelText('借阅账户');
    await waitFor(() => expect(account).toHaveFocus());
    await user.type(account, 'custo');
    expect(await screen.findByText('custodian-测试（档案管理员）', {}, { timeout: 10_000 })).toBeInTheDocument();
    // rc-select reads the legacy `which`, which user-event leaves 0 under jsdom (a real Enter sets it).
    fireEvent.keyDown(account, { key: 'Enter', which: 13, keyCode: 13 });
    fireEvent.keyUp(account, { key: 'Enter', which: 13, keyCode: 13 });
    await user.type(screen.getByLabelText('借阅目的'), '核对档案{enter}');

    expect(await screen.findByText('借阅申请已提交，等待部门经理审批', {}, { timeout: 10_000 })).toBeInTheDocument();
    const [loan] = (await bridge.app.ok('loan-list', { boxId: box.id, limit: 10 }, await bridge.app.as('clerk'))).rows;
    expect(loan.borrower).toMatchObject({ userId: custodianId, name: 'custodian-测试' });
  });

  it('asks for the account when none was picked', async () => {
    const box = await createBox(bridge.app);
    const user = await openFormAndScan(box.code);
    await screen.findByText('在库', {}, { timeout: 10_000 });
    await user.click(screen.getByText('本单位账户'));
    await user.type(screen.getByLabelText('借阅目的'), '核对档案');
    await user.click(screen.getByText('提交申请'));

    const account = screen.getByLabelText('借阅账户').closest('.ant-form-item') as HTMLElement;
    expect(await within(account).findByText('必填')).toBeInTheDocument();
  });
});
