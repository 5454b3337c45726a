import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ClientConnectInput } from '../../electron/core/contract/client';
import { AppError } from '../../electron/core/contract/errors';
import type { HostClient } from '../../electron/server/client';
import { renderApp } from '../support/feature';
import { installTestBridge, type TestBridge } from '../support/bridge';

/**
 * Issue #15: on the first-run screen of the desktop app, 连接到档案主机 looks the host up, shows its
 * certificate to compare with the host's screen, and connects only once the user says it matches.
 */
const FINGERPRINT = Array.from({ length: 32 }, (_, i) => (i * 7 + 16).toString(16).toUpperCase().padStart(2, '0')).join(':');
const connected: ClientConnectInput[] = [];
const host: HostClient = {
  probe: async (address) => {
    if (address.startsWith('10.')) throw new AppError('HOST_UNREACHABLE', { params: { url: `https://${address}:8443/` } });
    return {
      url: 'https://192.168.1.10:8443/',
      fingerprint: FINGERPRINT,
      subject: 'CN=archive-host',
      validTo: '2031-12-02T00:00:00.000Z',
      siteName: '万象广场运营部',
    };
  },
  connect: async (input) => void connected.push(input),
};
let bridge: TestBridge;

beforeEach(async () => {
  window.location.hash = '';
  connected.length = 0;
  bridge = await installTestBridge({ setup: false, hostClient: host });
});
afterEach(() => bridge.close());

describe('连接到档案主机 at first run', { timeout: 60_000 }, () => {
  it('an unreachable host is told under the address; the right one shows its fingerprint, and 连接 waits for the comparison', async () => {
    const user = userEvent.setup({ delay: null });
    renderApp();
    await user.click(await screen.findByText('连接到档案主机'));
    await user.type(screen.getByLabelText('档案主机地址'), '10.9.9.9{enter}');
    expect(await screen.findByText(/无法连接档案主机/)).toBeInTheDocument();

    await user.clear(screen.getByLabelText('档案主机地址'));
    await user.type(screen.getByLabelText('档案主机地址'), '192.168.1.10{enter}');
    expect(await screen.findByText('万象广场运营部')).toBeInTheDocument();
    expect(screen.getByTestId('host-fingerprint').textContent).toBe(
      FINGERPRINT.split(':').reduce((text, pair, i) => text + (i === 0 ? '' : i % 4 ? ':' : '') + pair, ''),
    );
    expect(screen.getByTestId('host-fingerprint').children).toHaveLength(8);
    const connect = screen.getByRole('button', { name: '连接' });
    expect(connect).toBeDisabled();
    await user.click(screen.getByLabelText('我已核对，指纹与档案主机上显示的一致'));
    await user.click(connect);
    expect(await screen.findByText('已连接，正在打开档案主机的登录页…')).toBeInTheDocument();
    expect(connected).toEqual([{ url: 'https://192.168.1.10:8443/', fingerprint: FINGERPRINT }]);
  });

  it('a malformed address is refused in Chinese before any lookup', async () => {
    const user = userEvent.setup({ delay: null });
    renderApp();
    await user.click(await screen.findByText('连接到档案主机'));
    await user.click(screen.getByRole('button', { name: '查找档案主机' }));
    expect(await screen.findByText('必填')).toBeInTheDocument();
    expect(connected).toEqual([]);
  });
});
