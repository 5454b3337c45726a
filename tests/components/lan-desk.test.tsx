/**
 * @vitest-environment jsdom
 * @vitest-environment-options {"url": "https://archive-host.local:8443/"}
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { onChanged } from '../../renderer/api/client';
import { useConnection } from '../../renderer/api/connection';
import { createSseParser, type SseEvent, startLiveUpdates } from '../../renderer/api/events';
import { useSession } from '../../renderer/api/session-store';
import { invoke, isLan, webAddressProblem } from '../../renderer/api/transport';
import { PASSWORD, type TestApp } from '../support/app';
import { createSetUpApp } from '../support/fixtures';
import { renderApp } from '../support/feature';
import { type FakeLanHost, installFakeLanHost } from '../support/lan-host';

/** A desk on the office network: the page came from the archive host over https (see the docblock). */
describe('a LAN desk: transport', () => {
  const original = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = original;
    localStorage.clear();
  });

  it('is LAN mode with no token problem, sends session and desk name as headers and only the payload', async () => {
    expect(isLan()).toBe(true);
    expect(webAddressProblem(false)).toBeNull();
    localStorage.setItem('archive-desk-desk-name', '前台1');
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: 7 })));
    globalThis.fetch = fetch as unknown as typeof globalThis.fetch;
    expect(await invoke('box-get', { id: 7 }, 'handle-abc')).toEqual({ ok: true, value: 7 });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/box-get');
    expect(init.headers).toEqual({
      'content-type': 'application/json',
      'x-archive-session': 'handle-abc',
      'x-archive-desk': encodeURIComponent('前台1'),
    });
    expect(JSON.parse(String(init.body))).toEqual({ payload: { id: 7 } });
  });

  it('a fetch that fails answers HOST_UNREACHABLE; a cut-off answer too', async () => {
    globalThis.fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof globalThis.fetch;
    expect(await invoke('box-get', { id: 1 }, null)).toEqual({ ok: false, error: { code: 'HOST_UNREACHABLE' } });
    globalThis.fetch = vi.fn(async () => new Response('{"ok":tr')) as unknown as typeof globalThis.fetch;
    expect(await invoke('box-get', { id: 1 }, null)).toEqual({ ok: false, error: { code: 'HOST_UNREACHABLE' } });
  });

  it('passes a 403 HOST_NETWORK_REFUSED through as the answer, not as a refused token', async () => {
    const refusal = { ok: false, error: { code: 'HOST_NETWORK_REFUSED', params: { address: '172.16.0.9' } } };
    globalThis.fetch = vi.fn(async () => new Response(JSON.stringify(refusal), { status: 403 })) as unknown as typeof globalThis.fetch;
    expect(await invoke('app-status', {}, null)).toEqual(refusal);
    expect(webAddressProblem(false)).toBeNull();
  });
});

describe('the SSE parser', () => {
  it('dispatches events split anywhere across chunks, CRLF or LF, and skips comments', () => {
    const events: SseEvent[] = [];
    const push = createSseParser((event) => events.push(event));
    const text =
      ': ping\n\nevent: hello\ndata: {}\n\nevent: changed\r\ndata: {"topics":["box","loan"]}\r\n\r\n: ping\n\nevent: changed\ndata: {"topics":\ndata: ["owner"]}\n\n';
    // Every split point, including inside "\r\n" and inside the JSON.
    for (let cut = 0; cut <= text.length; cut += 1) {
      events.length = 0;
      const fresh = createSseParser((event) => events.push(event));
      fresh(text.slice(0, cut));
      fresh(text.slice(cut));
      expect(events).toEqual([
        { event: 'hello', data: '{}' },
        { event: 'changed', data: '{"topics":["box","loan"]}' },
        { event: 'changed', data: '{"topics":\n["owner"]}' },
      ]);
    }
    push('event: changed\ndata: {"topics":["box"]}\n');
    expect(events).toHaveLength(3);
    push('\n');
    expect(events).toHaveLength(4);
  });
});

describe('a LAN desk against the host', { timeout: 90_000 }, () => {
  let app: TestApp;
  let host: FakeLanHost;
  let stop: () => void = () => {};

  beforeEach(async () => {
    window.location.hash = '';
    app = await createSetUpApp();
    host = installFakeLanHost(app);
  });
  afterEach(() => {
    stop();
    useSession.getState().signOut();
    host.restore();
    app.close();
    localStorage.clear();
  });

  async function signInAs(role: 'admin' | 'custodian') {
    const handle = await app.as(role);
    const user = await app.ok('session-current', {}, handle);
    if (user) useSession.getState().signIn(handle, user);
    return handle;
  }

  it('the stream feeds changed topics to the refresh listeners, reconnects after a drop, and stops on 401', async () => {
    const heard: string[][] = [];
    const unsubscribe = onChanged((topics) => heard.push([...topics]));
    const handle = await signInAs('custodian');
    stop = startLiveUpdates();
    await vi.waitFor(() => expect(useConnection.getState().stream).toBe('live'));
    expect(host.requests.find((r) => r.url === '/api/events')?.headers['x-archive-session']).toBe(handle);

    host.push(['box', 'loan'], true);
    await vi.waitFor(() => expect(heard).toEqual([['box', 'loan']]));

    host.dropStreams();
    await vi.waitFor(() => expect(useConnection.getState().stream).toBe('reconnecting'));
    await vi.waitFor(() => expect(useConnection.getState().stream).toBe('live'), { timeout: 3000 });
    expect(host.streamsOpened()).toBe(2);
    host.push(['owner']);
    await vi.waitFor(() => expect(heard).toEqual([['box', 'loan'], ['owner']]));

    host.eventsStatus = 401;
    host.dropStreams();
    await vi.waitFor(() => expect(useConnection.getState().stream).toBe('down'), { timeout: 3000 });
    const opened = host.streamsOpened();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(host.streamsOpened()).toBe(opened);

    // The next sign-in starts it again.
    host.eventsStatus = 200;
    useSession.getState().signOut();
    await signInAs('admin');
    await vi.waitFor(() => expect(useConnection.getState().stream).toBe('live'));
    unsubscribe();
  });

  it('the sign-in screen names the host and takes the desk name, which is remembered and sent', async () => {
    renderApp();
    const user = userEvent.setup({ delay: null });
    expect(await screen.findByText('archive-host.local:8443', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.getByText('档案主机')).toBeInTheDocument();
    await user.type(screen.getByLabelText('用户名'), 'admin');
    await user.type(screen.getByLabelText('密码'), PASSWORD);
    await user.type(screen.getByLabelText('本机名称'), ' 前台1 ');
    await user.click(screen.getByRole('button', { name: /登\s*录/ }));
    await vi.waitFor(() => expect(useSession.getState().user?.username).toBe('admin'), { timeout: 20_000 });
    expect(localStorage.getItem('archive-desk-desk-name')).toBe('前台1');
    const login = host.requests.find((r) => r.url === '/api/session-login');
    expect(login?.body).toEqual({ payload: { username: 'admin', password: PASSWORD } });
    expect(login?.headers['x-archive-desk']).toBe(encodeURIComponent('前台1'));
    expect(login?.headers['x-archive-token']).toBeUndefined();
  });

  it('a save while the host is gone: not known whether saved, the banner, the typed text kept; 立即重试 → 已重新连接', async () => {
    await signInAs('custodian');
    window.location.hash = '#/owners';
    renderApp();
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: /新建租户\/客户/ }, { timeout: 20_000 }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('名称'), '杭州西贝餐饮管理有限公司');

    host.down = true;
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText(/不能确定刚才的操作是否已保存/)).toBeInTheDocument();
    const banner = await screen.findByText('与档案主机的连接已中断，正在重试…');
    expect(within(dialog).getByLabelText('名称')).toHaveValue('杭州西贝餐饮管理有限公司');

    host.down = false;
    const listsBefore = host.requests.filter((r) => r.url === '/api/owner-list').length;
    await user.click(within(banner.closest('.ant-alert') as HTMLElement).getByRole('button', { name: '立即重试' }));
    expect(await screen.findByText('已重新连接')).toBeInTheDocument();
    expect(screen.queryByText('与档案主机的连接已中断，正在重试…')).toBeNull();
    // What happened while it was gone was never announced: the screens read again.
    await vi.waitFor(() => expect(host.requests.filter((r) => r.url === '/api/owner-list').length).toBeGreaterThan(listsBefore));
    expect(within(dialog).getByLabelText('名称')).toHaveValue('杭州西贝餐饮管理有限公司');
  });

  it('a stream gone for over 3 s shows the banner; once it is back, 已重新连接', async () => {
    await signInAs('custodian');
    stop = startLiveUpdates();
    window.location.hash = '#/owners';
    renderApp();
    await screen.findByRole('button', { name: /新建租户\/客户/ }, { timeout: 20_000 });
    await vi.waitFor(() => expect(useConnection.getState().stream).toBe('live'));

    host.down = true;
    host.dropStreams();
    await vi.waitFor(() => expect(useConnection.getState().stream).toBe('reconnecting'));
    // A short gap says nothing; past the grace it does.
    expect(screen.queryByText('与档案主机的连接已中断，正在重试…')).toBeNull();
    expect(await screen.findByText('与档案主机的连接已中断，正在重试…', {}, { timeout: 6000 })).toBeInTheDocument();

    host.down = false;
    expect(await screen.findByText('已重新连接', {}, { timeout: 8000 })).toBeInTheDocument();
  });
});
