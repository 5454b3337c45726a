import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useSession } from '../../renderer/api/session-store';
import { PASSWORD } from '../support/app';
import type { TestBridge } from '../support/bridge';
import { validSettings } from '../support/fixtures';
import { renderApp } from '../support/feature';
import { bridgeSignedInAs } from './catalogue-fixtures';

let bridge: TestBridge;

beforeEach(async () => {
  bridge = await bridgeSignedInAs('custodian');
  await bridge.app.ok('settings-update', validSettings({ idleMinutes: 1 }), await bridge.app.as('admin'));
});
afterEach(() => {
  vi.useRealTimers();
  bridge.close();
});

function renderAt(hash: string) {
  window.location.hash = hash;
  renderApp();
  return userEvent.setup({ delay: null });
}

const LOCK_SCREEN = '.lock-layer [role="dialog"][aria-label="已锁定"]';

const lockScreen = () =>
  vi.waitFor(
    () => {
      const lock = document.querySelector<HTMLElement>(LOCK_SCREEN);
      if (!lock) throw new Error('the lock screen is not shown');
      return lock;
    },
    { timeout: 20_000 },
  );

const unlocked = () => vi.waitFor(() => expect(document.querySelector(LOCK_SCREEN)).toBeNull(), { timeout: 20_000 });

describe('idle lock', { timeout: 90_000 }, () => {
  it('locks after the idle minutes and gives a half-typed box form back after the password', async () => {
    // Only the clock and the idle check's interval are fake; they still run with real time, so the
    // calls and the UI's own timers go on as usual until the test jumps ahead.
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setInterval', 'clearInterval', 'Date'] });
    const user = renderAt('#/boxes/new');
    await user.type(await screen.findByLabelText('题名', {}, { timeout: 20_000 }), '2025年消防巡查记录');
    await user.type(screen.getByLabelText('备注'), '存二号档案室待上架');
    const handleBefore = useSession.getState().handle;

    act(() => vi.advanceTimersByTime(90_000));
    const lock = await lockScreen();
    expect(within(lock).getByLabelText('用户名')).toHaveValue('custodian');
    expect(within(lock).getByLabelText('用户名')).toHaveAttribute('readonly');
    expect(screen.getByLabelText('题名').closest('[inert]')).not.toBeNull();
    // The old session is closed in main, not merely forgotten here.
    expect(await bridge.app.call('session-current', {}, handleBefore)).toEqual({ ok: true, value: null });

    await user.type(within(lock).getByLabelText('密码'), 'not-my-password{enter}');
    expect(await within(lock).findByText('用户名或密码错误', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(within(lock).getByLabelText('密码')).toHaveValue('');

    await user.type(within(lock).getByLabelText('密码'), `${PASSWORD}{enter}`);
    await unlocked();
    expect(screen.getByLabelText('题名')).toHaveValue('2025年消防巡查记录');
    expect(screen.getByLabelText('备注')).toHaveValue('存二号档案室待上架');
    expect(screen.getByLabelText('题名').closest('[inert]')).toBeNull();
    expect(useSession.getState().handle).not.toBe(handleBefore);
  });

  it('locks instead of signing out when main has ended the session, and an open dialog carries on', async () => {
    const user = renderAt('#/owners');
    await user.click(await screen.findByRole('button', { name: /新建租户\/客户/ }, { timeout: 20_000 }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('名称'), '杭州西贝餐饮管理有限公司');
    await user.type(within(dialog).getByLabelText('联系人'), '王芳');

    bridge.app.runtime.sessions.closeAll();
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    const lock = await lockScreen();
    expect(dialog.closest('[inert]')).not.toBeNull();

    await user.type(within(lock).getByLabelText('密码'), `${PASSWORD}{enter}`);
    await unlocked();
    expect(within(dialog).getByLabelText('名称')).toHaveValue('杭州西贝餐饮管理有限公司');
    expect(within(dialog).getByLabelText('联系人')).toHaveValue('王芳');

    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    // Saved with the new session: the new owner's page opens.
    await vi.waitFor(() => expect(window.location.hash).toMatch(/^#\/owners\/\d+$/), { timeout: 20_000 });
    const { rows } = await bridge.app.ok('owner-list', { query: '西贝' }, useSession.getState().handle);
    expect(rows.map((owner) => owner.contactPerson)).toEqual(['王芳']);
  });

  it('换个用户登录 signs out for good and drops what was typed', async () => {
    const user = renderAt('#/boxes/new');
    await user.type(await screen.findByLabelText('题名', {}, { timeout: 20_000 }), '不应保留的内容');
    act(() => useSession.getState().lock());
    await user.click(within(await lockScreen()).getByRole('button', { name: '换个用户登录' }));

    expect(await screen.findByRole('button', { name: /登\s*录/ })).toBeInTheDocument();
    expect(screen.queryByLabelText('题名')).not.toBeInTheDocument();
    expect(useSession.getState()).toMatchObject({ user: null, handle: null, locked: false });
    expect(document.querySelector('[inert]')).toBeNull();
  });
});
