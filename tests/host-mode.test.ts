import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { machineKeyProtector } from '../db/machine-key';
import type { Topic } from '../electron/core/contract/define';
import { AppError, type ErrorCode } from '../electron/core/contract/errors';
import type { ClientInfo } from '../electron/core/contract/network';
import type { HostMachine } from '../electron/server/host/host-mode';
import { hostTlsFiles } from '../electron/server/host/host-tls';
import type { LanHost, LanHostDeps, LanHostFactory, LanListen } from '../electron/server/network';
import { Runtime } from '../electron/server/runtime';
import { MIGRATIONS, PASSPHRASE, type TestApp } from './support/app';
import { createSetUpApp, validOwnerInput } from './support/fixtures';

/** A PC on the office network: one card on 192.168.50.0/24, and loopback. */
const machine: HostMachine = {
  hostname: () => 'archive-pc',
  interfaces: () => ({
    eth0: [{ address: '192.168.50.10', netmask: '255.255.255.0', family: 'IPv4', internal: false, mac: '00:00:00:00:00:01', cidr: '192.168.50.10/24' }],
    lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', internal: true, mac: '00:00:00:00:00:00', cidr: '127.0.0.1/8' }],
  }),
};

const LAN_DESK: ClientInfo = { transport: 'lan', address: '192.168.50.23', name: '前台2' };

/** A LanHost that listens nowhere and records what it was asked; `refuse` makes the next starts fail as a busy port does. */
function recordingLan() {
  const calls: ({ op: 'start'; listen: LanListen } | { op: 'stop' })[] = [];
  let running = false;
  let deps: LanHostDeps | null = null;
  const state = { refuse: null as ErrorCode | null };
  const factory: LanHostFactory = (given) => {
    deps = given;
    const host: LanHost = {
      async start(listen) {
        if (state.refuse) throw new AppError(state.refuse, { params: { port: listen.port } });
        calls.push({ op: 'start', listen });
        running = true;
        // Port 0 asks for any free one: this one "gets" 40123.
        return { port: listen.port === 0 ? 40123 : listen.port };
      },
      async stop() {
        calls.push({ op: 'stop' });
        running = false;
      },
      running: () => running,
      liveHandles: () => new Set(),
    };
    return host;
  };
  const starts = () => calls.flatMap((c) => (c.op === 'start' ? [c.listen] : []));
  return { factory, calls, starts, state, deps: () => deps, running: () => running };
}

function lend(runtime: Runtime, dispatch: LanHostDeps['dispatch'], lan: ReturnType<typeof recordingLan>): void {
  runtime.host.lendLanHost(lan.factory({ dispatch, changes: runtime.changes, sessionAlive: () => true, rendererDir: '/nonexistent', log: () => undefined }));
}

async function auditActions(app: TestApp, admin: string): Promise<string[]> {
  const { rows } = await app.ok('audit-list', { limit: 200 }, admin);
  return rows.map((r) => r.action);
}

const ENABLE = { address: '192.168.50.10', port: 8443, allow: [] as string[] };

async function companyCertificate(options: { notBefore?: Date; notAfter?: Date } = {}) {
  const ca = await generate([{ name: 'commonName', value: '万象集团 CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'basicConstraints', cA: true }],
  });
  return generate([{ name: 'commonName', value: 'archive.wanxiang.example' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: options.notBefore ?? new Date(Date.now() - 86_400_000),
    notAfterDate: options.notAfter ?? new Date(Date.now() + 365 * 86_400_000),
    ca: { key: ca.private, cert: ca.cert },
  });
}

describe('host mode on the server', () => {
  let app: TestApp;
  let lan: ReturnType<typeof recordingLan>;
  let admin: string;

  beforeEach(async () => {
    app = await createSetUpApp({ machine });
    lan = recordingLan();
    lend(app.runtime, app.dispatch, lan);
    admin = await app.as('admin');
  });
  afterEach(() => app.close());

  const dataDir = () => join(app.dir, 'data');

  it('says it is off, with this PC’s interfaces, and unavailable where no LAN server is lent', async () => {
    const status = await app.ok('host-status', {}, admin);
    expect(status).toMatchObject({ enabled: false, running: false, urls: [], certificate: null, available: true, problem: null });
    expect(status.interfaces).toEqual([{ name: 'eth0', address: '192.168.50.10', family: 'IPv4', cidr: '192.168.50.0/24' }]);

    const bare = await createSetUpApp({ machine });
    try {
      const own = await bare.as('admin');
      expect((await bare.ok('host-status', {}, own)).available).toBe(false);
      expect(await bare.call('host-enable', ENABLE, own)).toEqual({ ok: false, error: { code: 'HOST_UNAVAILABLE' } });
    } finally {
      bare.close();
    }
  });

  it('enable: listens with a new certificate and the interface’s subnet, saves and audits it', async () => {
    const status = await app.ok('host-enable', ENABLE, admin);
    expect(status).toMatchObject({ enabled: true, running: true, address: '192.168.50.10', port: 8443, allow: ['192.168.50.0/24'] });
    expect(status.urls).toEqual(['https://192.168.50.10:8443/']);

    const [listen] = lan.starts();
    expect(listen).toMatchObject({ address: '192.168.50.10', port: 8443, allow: ['192.168.50.0/24'] });
    expect(listen.names).toEqual(expect.arrayContaining(['archive-pc', 'localhost', '192.168.50.10']));

    // The fingerprint shown is the SHA-256 of the certificate on disk, which is the one served.
    const files = hostTlsFiles(dataDir());
    const certPem = readFileSync(files.cert, 'utf8');
    expect(listen.tls.certPem).toBe(certPem);
    const cert = new X509Certificate(certPem);
    expect(status.certificate).toMatchObject({ fingerprint: cert.fingerprint256, selfSigned: true });
    expect(status.certificate?.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(cert.subject).toBe('CN=archive-pc');
    expect(cert.subjectAltName).toContain('IP Address:192.168.50.10');
    expect(cert.checkPrivateKey(await import('node:crypto').then((c) => c.createPrivateKey(listen.tls.keyPem)))).toBe(true);
    const years = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / (365.25 * 86_400_000);
    expect(Math.round(years)).toBe(5);

    // The key on disk is wrapped, readable by this OS user only; the certificate is public.
    const keyFile = readFileSync(files.key, 'utf8');
    expect(keyFile).not.toContain('PRIVATE KEY');
    expect(keyFile).not.toContain(listen.tls.keyPem.split('\n')[1]);
    expect(JSON.parse(keyFile)).toMatchObject({ version: 1, kind: 'machineKey' });
    expect(statSync(files.key).mode & 0o777).toBe(0o600);
    expect(statSync(files.cert).mode & 0o777).toBe(0o644);

    const { rows } = await app.ok('audit-list', { action: 'host-enable', limit: 10 }, admin);
    expect(rows).toHaveLength(1);
    // The audit keeps what changed, as [before, after].
    expect(JSON.parse(rows[0].changes)).toMatchObject({
      enabled: [false, true],
      port: [0, 8443],
      fingerprint: [null, cert.fingerprint256],
      newCertificate: [null, true],
    });
    expect(await app.ok('audit-verify', {}, admin)).toMatchObject({ intact: true });
  });

  it('an explicit allow-list is kept; an address that is not this PC’s is refused, nothing saved', async () => {
    const status = await app.ok('host-enable', { ...ENABLE, allow: ['10.0.0.0/8', '192.168.50.0/24'] }, admin);
    expect(status.allow).toEqual(['10.0.0.0/8', '192.168.50.0/24']);
    await app.ok('host-disable', {}, admin);
    const before = await auditActions(app, admin);
    expect(await app.call('host-enable', { ...ENABLE, address: '192.168.99.1' }, admin)).toEqual({
      ok: false,
      error: { code: 'HOST_ADDRESS_UNAVAILABLE', params: { address: '192.168.99.1' } },
    });
    expect(await auditActions(app, admin)).toEqual(before);
    expect((await app.ok('host-status', {}, admin)).enabled).toBe(false);
  });

  it('all interfaces (0.0.0.0): every local subnet let in, one address per outward card', async () => {
    const status = await app.ok('host-enable', { address: '0.0.0.0', port: 8443, allow: [] }, admin);
    expect(status.allow.sort()).toEqual(['127.0.0.0/8', '192.168.50.0/24']);
    expect(status.urls).toEqual(['https://192.168.50.10:8443/']);
  });

  it('a port in use changes nothing: no settings, no certificate files, no audit entry', async () => {
    lan.state.refuse = 'HOST_PORT_IN_USE';
    const before = await auditActions(app, admin);
    expect(await app.call('host-enable', ENABLE, admin)).toEqual({ ok: false, error: { code: 'HOST_PORT_IN_USE', params: { port: 8443 } } });
    expect(await auditActions(app, admin)).toEqual(before);
    const files = hostTlsFiles(dataDir());
    expect(existsSync(files.cert) || existsSync(files.key)).toBe(false);
    expect(await app.ok('host-status', {}, admin)).toMatchObject({ enabled: false, running: false, certificate: null });
  });

  it('disable: stops the server and signs out every desk on the network, not this PC’s window', async () => {
    await app.ok('host-enable', ENABLE, admin);
    const adminId = (await app.ok('session-current', {}, admin))!.id;
    const onLan = app.runtime.sessions.open(adminId, LAN_DESK);
    const status = await app.ok('host-disable', {}, admin);
    expect(status).toMatchObject({ enabled: false, running: false, urls: [] });
    expect(lan.calls.at(-1)).toEqual({ op: 'stop' });
    expect(lan.running()).toBe(false);
    expect(app.runtime.sessions.alive(onLan, 10)).toBe(false);
    expect(app.runtime.sessions.alive(admin, 10)).toBe(true);
    const { rows } = await app.ok('audit-list', { action: 'host-disable', limit: 10 }, admin);
    expect(JSON.parse(rows[0].changes)).toMatchObject({ enabled: [true, false], sessionsEnded: [null, 1] });
    expect(await app.ok('audit-verify', {}, admin)).toMatchObject({ intact: true });
  });

  it('only an admin may turn it on or off', async () => {
    const custodian = await app.as('custodian');
    expect(await app.call('host-enable', ENABLE, custodian)).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(lan.calls).toEqual([]);
  });

  it('a restart serves the same certificate and settings again by itself; the runtime’s close stops it', async () => {
    const first = await app.ok('host-enable', ENABLE, admin);
    app.runtime.close();
    await app.runtime.host.settled();
    expect(lan.calls.at(-1)).toEqual({ op: 'stop' });

    const again = recordingLan();
    const runtime = new Runtime({ dataDir: dataDir(), protector: machineKeyProtector(join(app.dir, 'machine.key')), migrationsFolder: MIGRATIONS, machine });
    try {
      lend(runtime, async () => ({ ok: true, value: null }), again);
      expect(runtime.start().state).toBe('ready');
      await runtime.host.settled();
      const status = runtime.host.status();
      expect(status).toMatchObject({ enabled: true, running: true, port: 8443, allow: ['192.168.50.0/24'], problem: null });
      expect(status.certificate?.fingerprint).toBe(first.certificate?.fingerprint);
      expect(again.starts()[0].tls.certPem).toBe(lan.starts()[0].tls.certPem);
      expect(again.starts()[0].tls.keyPem).toBe(lan.starts()[0].tls.keyPem);
    } finally {
      runtime.close();
      await runtime.host.settled();
    }
    expect(again.running()).toBe(false);
  });

  it('an automatic start that cannot listen becomes the status’s problem, not a crash', async () => {
    await app.ok('host-enable', ENABLE, admin);
    app.runtime.close();
    const busy = recordingLan();
    busy.state.refuse = 'HOST_PORT_IN_USE';
    const runtime = new Runtime({ dataDir: dataDir(), protector: machineKeyProtector(join(app.dir, 'machine.key')), migrationsFolder: MIGRATIONS, machine });
    try {
      lend(runtime, async () => ({ ok: true, value: null }), busy);
      expect(runtime.start().state).toBe('ready');
      await runtime.host.settled();
      expect(runtime.host.status()).toMatchObject({ enabled: true, running: false, problem: 'HOST_PORT_IN_USE', urls: [] });
    } finally {
      runtime.close();
    }
  });

  it('a re-key stops the server for the swap and serves again after', async () => {
    await app.ok('host-enable', ENABLE, admin);
    await app.ok('database-rekey', { passphrase: PASSPHRASE, confirm: true }, admin);
    await app.runtime.host.settled();
    expect(lan.calls.map((c) => c.op)).toEqual(['start', 'stop', 'start']);
    expect(app.runtime.host.status().running).toBe(true);
  });

  it('a company certificate replaces the self-signed one and is served at once', async () => {
    const served = await app.ok('host-enable', ENABLE, admin);
    const company = await companyCertificate();
    const status = await app.ok('host-certificate-install', { certPem: company.cert, keyPem: company.private }, admin);
    const fingerprint = new X509Certificate(company.cert).fingerprint256;
    expect(status.certificate).toMatchObject({ fingerprint, selfSigned: false, subject: 'CN=archive.wanxiang.example' });
    expect(readFileSync(hostTlsFiles(dataDir()).cert, 'utf8')).toBe(company.cert);
    expect(readFileSync(hostTlsFiles(dataDir()).key, 'utf8')).not.toContain('PRIVATE KEY');
    expect(lan.starts().at(-1)?.tls.certPem).toBe(company.cert);
    const { rows } = await app.ok('audit-list', { action: 'host-certificate-install', limit: 10 }, admin);
    expect(JSON.parse(rows[0].changes)).toMatchObject({
      fingerprint: [served.certificate?.fingerprint, fingerprint],
      subject: ['CN=archive-pc', 'CN=archive.wanxiang.example'],
    });
    expect(await app.ok('audit-verify', {}, admin)).toMatchObject({ intact: true });
  });

  it('a bad company certificate is refused with its reason and replaces nothing', async () => {
    await app.ok('host-enable', ENABLE, admin);
    const served = readFileSync(hostTlsFiles(dataDir()).cert, 'utf8');
    const before = await auditActions(app, admin);
    const good = await companyCertificate();
    const other = await companyCertificate();
    const expired = await companyCertificate({ notBefore: new Date(Date.now() - 3 * 365 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) });
    const future = await companyCertificate({ notBefore: new Date(Date.now() + 30 * 86_400_000), notAfter: new Date(Date.now() + 400 * 86_400_000) });
    const reason = async (certPem: string, keyPem: string) => {
      const result = await app.call('host-certificate-install', { certPem, keyPem }, admin);
      return result.ok ? 'accepted' : [result.error.code, result.error.params?.reason];
    };
    expect(await reason(good.cert, other.private)).toEqual(['HOST_CERTIFICATE_INVALID', 'keyMismatch']);
    expect(await reason(expired.cert, expired.private)).toEqual(['HOST_CERTIFICATE_INVALID', 'expired']);
    expect(await reason(future.cert, future.private)).toEqual(['HOST_CERTIFICATE_INVALID', 'notYetValid']);
    expect(await reason('-----BEGIN CERTIFICATE-----\nnot one\n-----END CERTIFICATE-----', good.private)).toEqual([
      'HOST_CERTIFICATE_INVALID',
      'certUnreadable',
    ]);
    expect(await reason(good.cert, '-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----')).toEqual(['HOST_CERTIFICATE_INVALID', 'keyUnreadable']);
    expect(readFileSync(hostTlsFiles(dataDir()).cert, 'utf8')).toBe(served);
    expect(await auditActions(app, admin)).toEqual(before);
  });

  it('a command-line host is served without touching the settings, on the port it really got', async () => {
    const status = await app.runtime.host.startFromCommandLine({ address: '127.0.0.2', port: 0, allow: [] });
    expect(status).toMatchObject({ enabled: false, running: true, address: '127.0.0.2', port: 40123, allow: ['127.0.0.0/8'] });
    expect(status.urls).toEqual(['https://127.0.0.2:40123/']);
    expect((await app.ok('host-status', {}, admin)).enabled).toBe(false);
    expect(await auditActions(app, admin)).not.toContain('host-enable');
  });

  it('the dispatcher publishes a call’s topics only when a write went through', async () => {
    const custodian = await app.as('custodian');
    const heard: Topic[][] = [];
    const unsubscribe = app.runtime.changes.subscribe((topics) => heard.push([...topics]));
    await app.ok('owner-create', validOwnerInput(), custodian);
    expect(heard).toEqual([['owner', 'audit']]);
    // Refused (bad input, no session, wrong role) or only read: nothing changed, nothing said.
    expect((await app.call('owner-create', { ...validOwnerInput(), name: '' }, custodian)).ok).toBe(false);
    expect((await app.call('owner-create', validOwnerInput({ name: '第三家' }), admin)).ok).toBe(false);
    expect((await app.call('owner-create', validOwnerInput({ name: '另一家' }))).ok).toBe(false);
    await app.ok('host-status', {}, admin);
    expect(heard).toHaveLength(1);
    await app.ok('host-enable', ENABLE, admin);
    expect(heard.at(-1)).toEqual(['settings', 'audit']);
    unsubscribe();
    await app.ok('host-disable', {}, admin);
    expect(heard).toHaveLength(2);
  });
});
