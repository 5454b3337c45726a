import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useSession } from '../../renderer/api/session-store';
import { installTestBridge, type TestBridge } from '../support/bridge';
import { renderApp } from '../support/feature';
import { PASSWORD } from '../support/app';

let bridge: TestBridge;

beforeEach(async () => {
  window.location.hash = '';
  bridge = await installTestBridge();
});
afterEach(() => bridge.close());

async function signIn(username: string, password: string) {
  const user = userEvent.setup({ delay: null });
  await user.type(await screen.findByLabelText('用户名'), username);
  await user.type(screen.getByLabelText('密码'), `${password}{enter}`);
  return user;
}

describe('login', { timeout: 60_000 }, () => {
  it('shows the Chinese error for a wrong password and clears the field', async () => {
    renderApp();
    await signIn('admin', 'not-the-password');
    expect(await screen.findByText('用户名或密码错误', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.getByLabelText('密码')).toHaveValue('');
    expect(screen.getByLabelText('密码')).toHaveFocus();
  });

  it('opens the main layout with the site name and the admin menu', async () => {
    renderApp();
    await signIn('admin', PASSWORD);
    expect(await screen.findByRole('menuitem', { name: /用户管理/ }, { timeout: 20_000 })).toBeInTheDocument();
    expect(within(document.querySelector<HTMLElement>('.main-header')!).getByText('万象广场运营部')).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: /系统设置/ })).toBeInTheDocument();
    expect(screen.getByLabelText('扫描或输入档案编号')).toBeInTheDocument();
  });

  it('hides what a clerk may not use and forces a new password after an admin-set one', async () => {
    const admin = await bridge.app.as('admin');
    await bridge.app.ok('user-create', { username: 'li', displayName: '李文员', role: 'clerk', password: PASSWORD }, admin);
    renderApp();
    const user = await signIn('li', PASSWORD);

    expect(await screen.findByText('这是初始或被重置的密码，请先设置您自己的新密码。', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '取消' })).not.toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: /用户管理/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: /系统设置/ })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('当前密码'), PASSWORD);
    // The same password again is no new password: said on the field, nothing sent.
    await user.type(screen.getByLabelText('新密码'), PASSWORD);
    await user.type(screen.getByLabelText('再次输入新密码'), `${PASSWORD}{enter}`);
    expect(await screen.findByText('新密码不能与当前密码相同')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('新密码'));
    await user.clear(screen.getByLabelText('再次输入新密码'));
    await user.type(screen.getByLabelText('新密码'), 'clerk-own-pass-1');
    await user.type(screen.getByLabelText('再次输入新密码'), 'clerk-own-pass-1{enter}');
    expect(await screen.findByText('密码已修改', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(useSession.getState().user?.mustChangePassword).toBe(false);
    expect((await bridge.app.call('session-login', { username: 'li', password: 'clerk-own-pass-1' })).ok).toBe(true);
  });

  it('says the session timed out when main ended it', async () => {
    useSession.getState().signOut(true);
    renderApp();
    expect(await screen.findByText('登录已超时，请重新登录')).toBeInTheDocument();
  });
});
