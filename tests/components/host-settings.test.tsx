import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import { callNames, type CallName } from '../../electron/core/contract';
import type { Result } from '../../electron/core/contract/errors';
import type { HostStatus, SessionInfo } from '../../electron/core/contract/network';
import type { DesktopBridge } from '../../renderer/api/transport';
import { HostCard } from '../../renderer/app/settings/HostCard';
import { SessionsCard } from '../../renderer/app/settings/SessionsCard';
import { renderFeature } from '../support/feature';

/**
 * 系统设置 → 网络共享 and 在线会话 against stubbed answers (the server side of host mode is
 * another module's): what the admin sees, what the forms send, and what a refusal says.
 */
type Answer = (payload: unknown) => Result<unknown>;
let answers: Partial<Record<CallName, Answer>>;
let calls: { name: CallName; payload: unknown }[];

beforeEach(() => {
  window.location.hash = '';
  calls = [];
  answers = {};
  window.archiveDesk = Object.fromEntries(
    callNames.map((name) => [
      name,
      async (payload: unknown) => {
        calls.push({ name, payload });
        return answers[name]?.(payload) ?? { ok: false, error: { code: 'HOST_UNAVAILABLE' } };
      },
    ]),
  ) as unknown as DesktopBridge;
});
afterEach(() => {
  delete window.archiveDesk;
});

const sent = (name: CallName) => calls.filter((c) => c.name === name).map((c) => c.payload);

const INTERFACES: HostStatus['interfaces'] = [
  { name: 'eth0', address: '192.168.1.20', family: 'IPv4', cidr: '192.168.1.0/24' },
  { name: 'wlan0', address: '10.0.0.7', family: 'IPv4', cidr: '10.0.0.0/16' },
];

function hostStatus(fields: Partial<HostStatus> = {}): HostStatus {
  return {
    enabled: false,
    running: false,
    address: null,
    port: null,
    allow: [],
    urls: [],
    interfaces: INTERFACES,
    certificate: null,
    problem: null,
    available: true,
    ...fields,
  };
}

const RUNNING = hostStatus({
  enabled: true,
  running: true,
  address: '192.168.1.20',
  port: 8443,
  allow: ['192.168.1.0/24'],
  urls: ['https://192.168.1.20:8443/'],
  certificate: {
    fingerprint: 'AB:CD:EF:01',
    subject: 'CN=archive-host',
    validFrom: '2026-01-01T00:00:00.000Z',
    validTo: '2036-01-01T00:00:00.000Z',
    selfSigned: true,
  },
});

function showHostCard(status: HostStatus) {
  answers['host-status'] = () => ({ ok: true, value: status });
  renderFeature([{ path: '/', element: <HostCard /> }]);
  return userEvent.setup({ delay: null });
}

describe('网络共享', { timeout: 60_000 }, () => {
  it('in a window that cannot share says so and shows nothing else', async () => {
    showHostCard(hostStatus({ available: false }));
    expect(await screen.findByText('当前以浏览器方式打开，无法开启网络共享；请在档案主机的桌面程序中开启')).toBeInTheDocument();
    expect(screen.queryByLabelText('端口')).toBeNull();
    expect(screen.queryByRole('button', { name: /开启网络共享/ })).toBeNull();
  });

  it('running: the status, the address to type, the certificate and its kind', async () => {
    showHostCard(RUNNING);
    expect(await screen.findByText('运行中')).toBeInTheDocument();
    expect(screen.getByText('https://192.168.1.20:8443/')).toBeInTheDocument();
    expect(screen.getByText('AB:CD:EF:01')).toBeInTheDocument();
    expect(screen.getByText('CN=archive-host')).toBeInTheDocument();
    expect(screen.getByText('自签名')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /复制|copy/i }).length).toBeGreaterThanOrEqual(2);
  });

  it('enabled but not running: the problem in words, never the code', async () => {
    showHostCard(hostStatus({ enabled: true, port: 8443, problem: 'HOST_PORT_IN_USE' }));
    expect(await screen.findByText('端口 8443 已被其他程序占用，网络共享未开启：请换一个端口')).toBeInTheDocument();
    expect(screen.queryByText(/HOST_PORT_IN_USE/)).toBeNull();
  });

  it('the enable form: defaults from the interface, refuses a bad port and network, sends a good one', async () => {
    answers['host-enable'] = (payload) => ({ ok: true, value: { ...RUNNING, ...(payload as object) } });
    const user = showHostCard(hostStatus());
    const port = await screen.findByLabelText('端口');
    expect(port).toHaveValue('8443');
    expect(screen.getByLabelText('允许的网络 1')).toHaveValue('192.168.1.0/24');

    await user.clear(port);
    await user.type(port, '80');
    await user.clear(screen.getByLabelText('允许的网络 1'));
    await user.type(screen.getByLabelText('允许的网络 1'), '办公室');
    await user.click(screen.getByRole('button', { name: '开启网络共享' }));
    expect(await screen.findByText('端口须在 1024 到 65535 之间')).toBeInTheDocument();
    expect(screen.getByText('请填写网段，如 192.168.1.0/24，或一个地址')).toBeInTheDocument();
    expect(sent('host-enable')).toEqual([]);

    await user.clear(port);
    await user.type(port, '9443');
    await user.click(screen.getByRole('button', { name: '删除允许的网络 1' }));
    await user.click(screen.getByRole('button', { name: /添加网络/ }));
    await user.type(screen.getByLabelText('允许的网络 1'), '10.0.0.0/8');
    await user.click(screen.getByRole('button', { name: '开启网络共享' }));
    await waitFor(() => expect(sent('host-enable')).toEqual([{ address: '192.168.1.20', port: 9443, allow: ['10.0.0.0/8'] }]));
    expect(await screen.findByText('网络共享已开启')).toBeInTheDocument();
  });

  it('choosing 所有网卡 lets in every interface’s subnet until the list is edited', async () => {
    const user = showHostCard(hostStatus());
    await user.click(await screen.findByLabelText('网卡地址'));
    await user.click(await screen.findByTitle('所有网卡（0.0.0.0）'));
    expect(screen.getByLabelText('允许的网络 1')).toHaveValue('192.168.1.0/24');
    expect(screen.getByLabelText('允许的网络 2')).toHaveValue('10.0.0.0/16');
  });

  it('a port in use is said on the port field', async () => {
    answers['host-enable'] = () => ({ ok: false, error: { code: 'HOST_PORT_IN_USE', params: { port: 8443 } } });
    const user = showHostCard(hostStatus());
    await user.click(await screen.findByRole('button', { name: '开启网络共享' }));
    expect((await screen.findAllByText('端口 8443 已被其他程序占用，网络共享未开启：请换一个端口')).length).toBeGreaterThan(0);
  });

  it('turning it off asks first, saying every office desk will be signed out', async () => {
    answers['host-disable'] = () => ({ ok: true, value: hostStatus({ certificate: RUNNING.certificate }) });
    const user = showHostCard(RUNNING);
    await user.click(await screen.findByRole('button', { name: '关闭网络共享' }));
    const confirm = await screen.findByRole('tooltip');
    expect(within(confirm).getByText('其他电脑上所有前台会立即退出登录，再次开启前无法连接。')).toBeInTheDocument();
    expect(sent('host-disable')).toEqual([]);
    await user.click(within(confirm).getByRole('button', { name: '关闭网络共享' }));
    await waitFor(() => expect(sent('host-disable')).toEqual([{}]));
    expect(await screen.findByText('网络共享已关闭')).toBeInTheDocument();
  });

  it('a company certificate: both PEM files sent as text; a refusal says why in words', async () => {
    answers['host-certificate-install'] = () => ({ ok: false, error: { code: 'HOST_CERTIFICATE_INVALID', params: { reason: 'keyMismatch' } } });
    const user = showHostCard(RUNNING);
    const install = await screen.findByRole('button', { name: '安装证书' });
    expect(install).toBeDisabled();
    const [certInput, keyInput] = document.querySelectorAll<HTMLInputElement>('input[type="file"]');
    await user.upload(certInput, new File(['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'], 'company.crt'));
    await user.upload(keyInput, new File(['-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n'], 'company.key'));
    expect(await screen.findByText('company.key')).toBeInTheDocument();
    await waitFor(() => expect(install).toBeEnabled());
    await user.click(install);
    expect(await screen.findByText('证书无效：私钥与证书不匹配，请选择与该证书配套的私钥')).toBeInTheDocument();
    expect(sent('host-certificate-install')).toEqual([
      { certPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', keyPem: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n' },
    ]);
  });

  it.each(['zh-CN', 'en'])('%s: every certificate reason has its own words', (lng) => {
    for (const reason of ['certUnreadable', 'keyUnreadable', 'keyMismatch', 'expired', 'notYetValid']) {
      expect(i18n.exists(`common:certReasons.${reason}`, { lng })).toBe(true);
      const text = i18n.t('common:errors.HOST_CERTIFICATE_INVALID', { reason, lng });
      expect(text.endsWith(i18n.t(`common:certReasons.${reason}`, { lng }))).toBe(true);
      expect(text).not.toContain('certReasons');
    }
  });
});

function session(fields: Partial<SessionInfo> & Pick<SessionInfo, 'id'>): SessionInfo {
  return {
    userId: 1,
    username: 'admin',
    displayName: '系统管理员',
    role: 'admin',
    client: { transport: 'local', address: null, name: null },
    openedAt: '2026-03-02T01:00:00.000Z',
    lastSeen: '2026-03-02T02:30:00.000Z',
    current: false,
    live: false,
    ...fields,
  };
}

describe('在线会话', { timeout: 60_000 }, () => {
  it('lists who is signed in where; 结束会话 asks, ends that session and reads the list again; not the own one', async () => {
    let list = [
      session({ id: 'own', current: true, live: true }),
      session({
        id: 'desk1',
        userId: 2,
        username: 'wangfang',
        displayName: '王芳',
        role: 'custodian',
        client: { transport: 'lan', address: '192.168.1.31', name: '前台1' },
        live: true,
      }),
    ];
    answers['session-list'] = () => ({ ok: true, value: list });
    answers['session-end'] = (payload) => {
      list = list.filter((s) => s.id !== (payload as { id: string }).id);
      return { ok: true, value: null };
    };
    renderFeature([{ path: '/', element: <SessionsCard /> }]);
    const user = userEvent.setup({ delay: null });

    const desk = (await screen.findByText('前台1')).closest('tr') as HTMLElement;
    expect(within(desk).getByText('王芳（wangfang）')).toBeInTheDocument();
    expect(within(desk).getByText('192.168.1.31')).toBeInTheDocument();
    expect(within(desk).getByText('在线')).toBeInTheDocument();
    const own = screen.getByText('系统管理员（admin）').closest('tr') as HTMLElement;
    expect(within(own).getByText('本机')).toBeInTheDocument();
    expect(within(own).getByRole('button', { name: '结束会话' })).toBeDisabled();

    await user.click(within(desk).getByRole('button', { name: '结束 王芳 的会话' }));
    const confirm = await screen.findByRole('tooltip');
    expect(within(confirm).getByText('结束 王芳 在 前台1 的会话？')).toBeInTheDocument();
    await user.click(within(confirm).getByRole('button', { name: '结束会话' }));
    await waitFor(() => expect(sent('session-end')).toEqual([{ id: 'desk1' }]));
    // The contract says session-end changes 'session', which session-list reads.
    await waitFor(() => expect(screen.queryByText('前台1')).toBeNull());
    expect(sent('session-list').length).toBe(2);
  });
});
