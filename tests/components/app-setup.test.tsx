import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../support/feature';
import { installTestBridge, type TestBridge } from '../support/bridge';

const PASSPHRASE = '抄在纸上的恢复口令-2026';
let bridge: TestBridge;

beforeEach(async () => {
  window.location.hash = '';
  bridge = await installTestBridge({ setup: false });
});
afterEach(() => bridge.close());

describe('first-run setup', { timeout: 60_000 }, () => {
  it('explains the recovery passphrase and validates with the contract rules', async () => {
    const user = userEvent.setup({ delay: null });
    renderApp();

    expect(await screen.findByText('初始设置')).toBeInTheDocument();
    expect(screen.getByText('请抄写并妥善保管恢复口令')).toBeInTheDocument();
    expect(screen.getByLabelText('站点名称')).toHaveFocus();

    await user.click(screen.getByRole('button', { name: '完成设置' }));
    expect(await screen.findAllByText('必填')).not.toHaveLength(0);
    expect(screen.getByText('密码至少 10 个字符')).toBeInTheDocument();
    expect(screen.getByText('恢复口令至少 12 个字符')).toBeInTheDocument();
  });

  it('creates the administrator and goes on to the login screen', async () => {
    const user = userEvent.setup({ delay: null });
    renderApp();

    await user.type(await screen.findByLabelText('站点名称'), '某某广场运营部');
    await user.type(screen.getByLabelText('姓名'), '王管理');
    await user.type(screen.getByLabelText('密码'), 'admin-pass-123');
    await user.type(screen.getByLabelText('再次输入密码'), 'admin-pass-12X');
    await user.type(screen.getByLabelText('恢复口令'), PASSPHRASE);
    await user.type(screen.getByLabelText('再次输入恢复口令'), `${PASSPHRASE}x`);
    await user.click(screen.getByRole('button', { name: '完成设置' }));
    expect(await screen.findByText('两次输入的密码不一致')).toBeInTheDocument();
    expect(screen.getByText('两次输入的恢复口令不一致')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('再次输入密码'));
    await user.type(screen.getByLabelText('再次输入密码'), 'admin-pass-123');
    await user.clear(screen.getByLabelText('再次输入恢复口令'));
    await user.type(screen.getByLabelText('再次输入恢复口令'), `${PASSPHRASE}{enter}`);

    const card = (await screen.findByText('登录', { selector: '.ant-card-head-title' }, { timeout: 20_000 })).closest('.ant-card') as HTMLElement;
    expect(within(card).getByLabelText('用户名')).toBeInTheDocument();
    expect(screen.getByText('某某广场运营部')).toBeInTheDocument();
    expect(await bridge.app.ok('app-status', {})).toMatchObject({ state: 'ready', siteName: '某某广场运营部' });
    expect((await bridge.app.call('session-login', { username: 'admin', password: 'admin-pass-123' })).ok).toBe(true);
  });
});
