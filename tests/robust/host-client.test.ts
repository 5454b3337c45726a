import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostUrlOf } from '../../electron/shells/electron/host-address';
import { hostConfigFile, probeHost } from '../../electron/shells/electron/host-client';
import { loadFailure, pinnedVerifier, VERIFY } from '../../electron/shells/electron/host-pin';
import { PASSPHRASE, PASSWORD } from '../support/app';
import { shippedElectronMain, startElectronMain, type ElectronMain } from '../support/electron-main';
import { archiveStatus, testCertificate, tlsHost, type TestCertificate, type TlsHost } from '../support/tls-host';

/**
 * Issue #15: the desktop app on another PC connects to an archive host instead of opening an
 * archive of its own (连接到档案主机 on the first-run screen), trusting exactly the certificate the
 * user compared with the host's screen.
 */
let certificate: TestCertificate;
let other: TestCertificate;
let host: TlsHost;

beforeAll(async () => {
  [certificate, other] = await Promise.all([testCertificate(), testCertificate()]);
  host = await tlsHost(certificate, (path) => (path === '/api/app-status' ? archiveStatus('万象广场运营部') : { status: 404, body: '{}' }));
});
afterAll(() => host?.close());

const thrown = async (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (err: { code?: string }) => err.code,
  );

describe('the address a user types', () => {
  it.each([
    ['192.168.1.10', 'https://192.168.1.10:8443/'],
    [' 192.168.1.10:9443 ', 'https://192.168.1.10:9443/'],
    ['https://档案主机:8443/登录', 'https://xn--tiq422ddxacd:8443/'],
    ['HTTPS://archive-pc/', 'https://archive-pc:8443/'],
  ])('%s is the host %s', (typed, url) => {
    expect(hostUrlOf(typed)).toBe(url);
  });

  it.each(['http://192.168.1.10', 'ftp://archive', 'https://user:pw@archive/', '', 'a b'])('%s is refused', (typed) => {
    expect(hostUrlOf(typed)).toBeNull();
  });
});

describe('probing a host', () => {
  it('shows the certificate the host serves and its site name', async () => {
    const probe = await probeHost(`127.0.0.2:${host.port}`);
    expect(probe).toMatchObject({ url: host.url, fingerprint: certificate.fingerprint, siteName: '万象广场运营部' });
    expect(probe.subject).toContain('archive-host');
  });

  it('a closed port is HOST_UNREACHABLE; a TLS server that is not a host is HOST_NOT_ARCHIVE', async () => {
    const closed = await tlsHost(certificate, () => archiveStatus('x'));
    await closed.close();
    expect(await thrown(probeHost(closed.url))).toBe('HOST_UNREACHABLE');
    const stranger = await tlsHost(certificate, () => ({ status: 200, body: '<html>路由器管理</html>' }));
    expect(await thrown(probeHost(stranger.url))).toBe('HOST_NOT_ARCHIVE');
    await stranger.close();
  });

  it('a host that refuses this network says so', async () => {
    const refusing = await tlsHost(certificate, () => ({
      status: 403,
      body: JSON.stringify({ ok: false, error: { code: 'HOST_NETWORK_REFUSED', params: { address: '127.0.0.1' } } }),
    }));
    expect(await thrown(probeHost(refusing.url))).toBe('HOST_NETWORK_REFUSED');
    await refusing.close();
  });
});

describe('the pinned certificate', () => {
  const config = () => ({ url: host.url, fingerprint: certificate.fingerprint });

  it('accepts the compared certificate, refuses another on that host and reports it, leaves other hosts to Chromium', () => {
    const refused: (string | null)[] = [];
    const verify = pinnedVerifier(config(), (seen) => refused.push(seen));
    const verdicts: number[] = [];
    verify({ hostname: '127.0.0.2', certificate: { data: certificate.cert } }, (v) => verdicts.push(v));
    verify({ hostname: '127.0.0.2', certificate: { data: other.cert } }, (v) => verdicts.push(v));
    verify({ hostname: '127.0.0.2', certificate: { data: 'not a certificate' } }, (v) => verdicts.push(v));
    verify({ hostname: 'example.org', certificate: { data: other.cert } }, (v) => verdicts.push(v));
    expect(verdicts).toEqual([VERIFY.accept, VERIFY.refuse, VERIFY.refuse, VERIFY.chromium]);
    expect(refused).toEqual([other.fingerprint, null]);
  });

  it('a changed certificate is told as a warning, not as a host that is down', () => {
    expect(loadFailure(other.fingerprint, host.url).message).toBe('档案主机的证书已更改，未连接');
    expect(loadFailure(other.fingerprint, host.url).detail).toContain(other.fingerprint);
    expect(loadFailure(undefined, host.url).message).toBe('无法连接档案主机');
  });
});

describe.runIf(process.platform === 'linux')('the desktop app becomes a desk of the host', () => {
  let main: string;
  let dir: string;
  let running: ElectronMain[] = [];
  const keychainKey = randomBytes(32).toString('hex');
  const userData = () => join(dir, 'user-data');
  const start = (dialogChoice?: number) => {
    const app = startElectronMain(main, { userData: userData(), keychainKey, dialogChoice });
    running.push(app);
    return app;
  };

  beforeAll(() => {
    main = shippedElectronMain();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'archive-host-client-'));
  });
  afterEach(async () => {
    for (const app of running) if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGKILL');
    await Promise.all(running.map((app) => app.exited));
    running = [];
    rmSync(dir, { recursive: true, force: true });
  });

  it('first run: probe, a wrong fingerprint refused, the right one connects; the next start opens the host with its certificate pinned', async () => {
    const app = start();
    const probe = await app.invoke('client-probe', { address: `127.0.0.2:${host.port}` });
    expect(probe).toMatchObject({ ok: true, value: { url: host.url, fingerprint: certificate.fingerprint } });

    const wrong = await app.invoke('client-connect', { url: host.url, fingerprint: other.fingerprint });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'HOST_CERTIFICATE_CHANGED' } });
    expect(existsSync(hostConfigFile(userData()))).toBe(false);

    const serverPid = await app.serverPid();
    expect(serverPid).not.toBeNull();
    void app.invoke('client-connect', { url: host.url, fingerprint: certificate.fingerprint });
    await vi.waitFor(async () => expect((await app.windows()).filter((w) => !w.destroyed).map((w) => w.url)).toEqual([host.url]), { timeout: 10_000 });
    const windows = await app.windows();
    expect(windows.find((w) => w.url === host.url)?.preload).toBeNull();
    expect(JSON.parse(readFileSync(hostConfigFile(userData()), 'utf8'))).toEqual({ url: host.url, fingerprint: certificate.fingerprint });
    // This PC keeps no archive and runs no server once it is a desk.
    await vi.waitFor(() => expect(existsSync(`/proc/${serverPid}`)).toBe(false), { timeout: 10_000 });
    expect(existsSync(join(userData(), 'data', 'archive.db'))).toBe(false);
    await app.quit();

    const again = start();
    await vi.waitFor(async () => expect((await again.windows()).map((w) => w.url)).toEqual([host.url]));
    expect(again.forks).toEqual([]);
    expect(again.menus.at(-1)).toEqual(['档案主机']);
    expect(await again.verify('127.0.0.2', certificate.cert)).toBe(VERIFY.accept);
    expect(await again.verify('127.0.0.2', other.cert)).toBe(VERIFY.refuse);
    // A call from the host's page never reaches a server here.
    expect(await again.invoke('app-status', {}, null, host.url)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }, 60_000);

  it('the host down: a message box in Chinese, and 断开此主机 forgets the host', async () => {
    const first = start();
    void first.invoke('client-connect', { url: host.url, fingerprint: certificate.fingerprint });
    await vi.waitFor(() => expect(existsSync(hostConfigFile(userData()))).toBe(true), { timeout: 10_000 });
    await first.quit();

    const app = start(1);
    await vi.waitFor(async () => expect((await app.windows()).map((w) => w.url)).toEqual([host.url]));
    app.failLoad();
    expect(await app.exited).toBe(0);
    expect(app.dialogs.map((d) => d.message)).toEqual(['无法连接档案主机']);
    expect(existsSync(hostConfigFile(userData()))).toBe(false);
  }, 60_000);

  it('a PC with an archive of its own stays its writer: it cannot become a desk', async () => {
    const app = start();
    const setup = await app.invoke('app-setup', {
      siteName: '万象广场运营部',
      admin: { username: 'admin', displayName: '系统管理员', password: PASSWORD },
      passphrase: PASSPHRASE,
      passphraseConfirm: PASSPHRASE,
    });
    expect(setup.ok).toBe(true);
    expect(await app.invoke('client-probe', { address: host.url })).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
    expect(await app.invoke('client-connect', { url: host.url, fingerprint: certificate.fingerprint })).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_SET_UP' },
    });
    expect(existsSync(hostConfigFile(userData()))).toBe(false);
  }, 60_000);
});
