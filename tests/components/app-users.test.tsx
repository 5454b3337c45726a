import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../support/feature';
import { installTestBridge, type TestBridge } from '../support/bridge';

let bridge: TestBridge;

beforeEach(async () => {
  bridge = await installTestBridge();
  await bridge.signInAs('admin');
  window.location.hash = '#/users';
});
afterEach(() => bridge.close());

async function openCreateDialog() {
  const user = userEvent.setup({ delay: null });
  renderApp();
  await user.click(await screen.findByRole('button', { name: /新增账户/ }, { timeout: 20_000 }));
  const dialog = await screen.findByRole('dialog');
  return { user, dialog };
}

describe('users screen', { timeout: 60_000 }, () => {
  it('lists accounts with translated roles and no delete button', async () => {
    await bridge.app.as('auditor');
    renderApp();
    const row = (await screen.findByText('auditor', { selector: '.mono' }, { timeout: 20_000 })).closest('tr') as HTMLElement;
    expect(within(row).getByText('审计')).toBeInTheDocument();
    expect(within(row).getByText('启用')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /删除/ })).not.toBeInTheDocument();
  });

  it('creates an account that must change its password', async () => {
    const { user, dialog } = await openCreateDialog();
    await user.type(within(dialog).getByLabelText('用户名'), 'zhang.cust');
    await user.type(within(dialog).getByLabelText('姓名'), '张管理员');
    await user.type(within(dialog).getByLabelText('初始密码'), 'init-pass-2026');
    await user.type(within(dialog).getByLabelText('再次输入密码'), 'init-pass-2026{enter}');

    const row = (await screen.findByText('zhang.cust', { selector: '.mono' }, { timeout: 20_000 })).closest('tr') as HTMLElement;
    expect(within(row).getByText('张管理员')).toBeInTheDocument();
    expect(within(row).getByText('前台文员')).toBeInTheDocument();
    expect(within(row).getByText('待改密码')).toBeInTheDocument();
    const handle = await bridge.app.as('admin');
    expect(await bridge.app.ok('user-list', {}, handle)).toContainEqual(
      expect.objectContaining({ username: 'zhang.cust', role: 'clerk', mustChangePassword: true }),
    );
  });

  it('shows a taken user name under the field', async () => {
    const { user, dialog } = await openCreateDialog();
    await user.type(within(dialog).getByLabelText('用户名'), 'admin');
    await user.type(within(dialog).getByLabelText('姓名'), '重名');
    await user.type(within(dialog).getByLabelText('初始密码'), 'init-pass-2026');
    await user.type(within(dialog).getByLabelText('再次输入密码'), 'init-pass-2026{enter}');
    expect(await within(dialog).findByText('该用户名已被使用', {}, { timeout: 20_000 })).toBeInTheDocument();
  });
});
