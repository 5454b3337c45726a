import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:https';
import { createServer as createTcpServer, type Server as TcpServer, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkServerIdentity, connect as tlsConnect } from 'node:tls';
import type { Topic } from '../electron/core/contract/define';
import { AppError, type Result } from '../electron/core/contract/errors';
import type { ClientInfo } from '../electron/core/contract/network';
import type { CallRequest } from '../electron/server/dispatch';
import { ChangeFeed, type LanHost, type LanListen } from '../electron/server/network';
import { allowList, clientAddress } from '../electron/shells/host/allow-list';
import { type LanTiming, lanHostWith } from '../electron/shells/host/lan-server';
import { MAX_BODY_BYTES } from '../electron/shells/http/body';
import { testCertificate } from './support/tls-host';
import { EventStreamReader } from './support/event-stream';

/**
 * Host mode's HTTPS server, over real TLS on 127.0.0.2 with a fake dispatcher and a real change
 * feed: who is let in, what reaches the dispatcher, the live stream, and that nothing a client
 * sends stops it.
 */

const ADDRESS = '127.0.0.2';
const TIMING: LanTiming = { timeouts: { headersMs: 600, requestMs: 3000 }, pingMs: 300, sessionCheckMs: 150 };

let certPem: string;
let keyPem: string;
let otherKeyPem: string;
let renderer: string;
const calls: (CallRequest & { client: ClientInfo })[] = [];
const alive = new Set<string>();
const changes = new ChangeFeed();
const hosts: LanHost[] = [];

function newHost(): LanHost {
  const host = lanHostWith(
    {
      dispatch: (req) => {
        calls.push(req);
        return Promise.resolve({ ok: true, value: { called: req.name } } as Result<unknown>);
      },
      changes,
      sessionAlive: (handle) => alive.has(handle),
      rendererDir: renderer,
      log: () => undefined,
    },
    TIMING,
  );
  hosts.push(host);
  return host;
}

const listenOn = (port: number, allow = ['127.0.0.0/8']): LanListen => ({
  address: ADDRESS,
  port,
  allow,
  names: ['archive-pc'],
  tls: { certPem, keyPem },
});

let host: LanHost;
let port: number;

beforeAll(async () => {
  ({ cert: certPem, key: keyPem } = await testCertificate(ADDRESS));
  otherKeyPem = (await testCertificate(ADDRESS)).key;
  renderer = mkdtempSync(join(tmpdir(), 'archive-desk-lan-renderer-'));
  writeFileSync(join(renderer, 'index.html'), '<p>the desk</p>');
  host = newHost();
  ({ port } = await host.start(listenOn(0)));
});
afterAll(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
  rmSync(renderer, { recursive: true, force: true });
});
beforeEach(() => {
  calls.length = 0;
  alive.clear();
  alive.add('h-alive');
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: () => unknown;
}

interface Ask {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  port?: number;
  from?: string;
}

/** One request over TLS, trusting only the test's certificate; the client's source address can be chosen. */
function ask({ method = 'POST', path = '/api/app-status', headers = {}, body, port: to = port, from = '127.0.0.1' }: Ask): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: ADDRESS,
        port: to,
        path,
        method,
        ca: certPem,
        localAddress: from,
        agent: false,
        // The certificate is checked against the address dialled, not the Host header a case sends.
        checkServerIdentity: (_name, cert) => checkServerIdentity(ADDRESS, cert),
        headers: { host: `${ADDRESS}:${to}`, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}), ...headers },
      },
      (res) => {
        let text = '';
        res
          .setEncoding('utf8')
          .on('data', (c: string) => (text += c))
          .on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) }));
      },
    );
    req.on('error', fail);
    req.end(body ?? (method === 'POST' ? '{"payload":{}}' : undefined));
  });
}

/** Opens GET /api/events; the reader when the server answered 200, else the refusal. */
function openEvents(headers: Record<string, string>, to = port): Promise<{ status: number; reader: EventStreamReader | null; text: string }> {
  return new Promise((done, fail) => {
    const req = request(
      { host: ADDRESS, port: to, path: '/api/events', method: 'GET', ca: certPem, agent: false, headers: { host: `${ADDRESS}:${to}`, ...headers } },
      (res) => {
        if (res.statusCode === 200) return done({ status: 200, reader: new EventStreamReader(res), text: '' });
        let text = '';
        res
          .setEncoding('utf8')
          .on('data', (c: string) => (text += c))
          .on('end', () => done({ status: res.statusCode ?? 0, reader: null, text }));
      },
    );
    req.on('error', fail);
    req.end();
  });
}

/** Raw bytes over one TLS connection: what came back before it closed or the wait ran out. */
function rawTls(pieces: string[], waitMs = 3000): Promise<{ status: number | null; text: string }> {
  return new Promise((done) => {
    const socket = tlsConnect({ host: ADDRESS, port, ca: certPem });
    let text = '';
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
      done({ status: status ? Number(status[1]) : null, text });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('close', finish);
    socket.on('error', () => undefined);
    socket.on('secureConnect', () => {
      for (const piece of pieces) socket.write(piece);
    });
  });
}

const stillServes = async (label: string) => {
  const answer = await ask({ headers: { 'x-archive-session': 'h-alive' } });
  expect({ label, status: answer.status, body: answer.json() }).toEqual({ label, status: 200, body: { ok: true, value: { called: 'app-status' } } });
};

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (err: unknown) => (err instanceof AppError ? err.toPayload() : err),
  );

describe('the LAN host: calls', () => {
  it('hands a call to the dispatcher with the session header, the client address and the desk name', async () => {
    const answer = await ask({
      path: '/api/box-list',
      headers: { 'x-archive-session': 'h-alive', 'x-archive-desk': encodeURIComponent(' 前台1 '), origin: `https://${ADDRESS}:${port}` },
      body: '{"payload":{"page":2},"handle":"from-the-body"}',
    });
    expect({ status: answer.status, body: answer.json() }).toEqual({ status: 200, body: { ok: true, value: { called: 'box-list' } } });
    expect(calls).toEqual([{ name: 'box-list', payload: { page: 2 }, handle: 'h-alive', client: { transport: 'lan', address: '127.0.0.1', name: '前台1' } }]);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('takes the session from its header only, and drops a desk name it cannot use', async () => {
    const cases: [Record<string, string>, string | null, string | null][] = [
      [{}, null, null],
      [{ 'x-archive-session': 'x'.repeat(101) }, null, null],
      [{ 'x-archive-session': 'x'.repeat(100), 'x-archive-desk': '%ZZ' }, 'x'.repeat(100), null],
      [{ 'x-archive-desk': encodeURIComponent('档'.repeat(41)) }, null, null],
      [{ 'x-archive-desk': encodeURIComponent('档'.repeat(40)) }, null, '档'.repeat(40)],
      [{ 'x-archive-desk': encodeURIComponent('前\u0007台\u00002') }, null, '前台2'],
      [{ 'x-archive-desk': encodeURIComponent(' \t ') }, null, null],
    ];
    for (const [headers, handle, name] of cases) {
      calls.length = 0;
      expect((await ask({ headers, body: '{"payload":{},"handle":"h-alive"}' })).status).toBe(200);
      expect({ headers, handle: calls[0]?.handle, name: calls[0]?.client.name }).toEqual({ headers, handle, name });
    }
  });

  it('answers only for its own names and port (421 otherwise)', async () => {
    for (const name of [`archive-pc:${port}`, `ARCHIVE-PC:${port}`, `${ADDRESS}:${port}`]) {
      expect({ name, status: (await ask({ headers: { host: name } })).status }).toEqual({ name, status: 200 });
    }
    for (const name of [`evil.example:${port}`, `${ADDRESS}:${port + 1}`, ADDRESS, 'archive-pc', `[::1]:${port}`, `archive-pc:${port}@evil`]) {
      const answer = await ask({ headers: { host: name } });
      expect({ name, status: answer.status, body: answer.json() }).toEqual({ name, status: 421, body: { ok: false, error: { code: 'FORBIDDEN' } } });
    }
    expect(calls).toHaveLength(3);
  });

  it('refuses a call from any other origin with 403', async () => {
    for (const origin of ['https://evil.example', `http://${ADDRESS}:${port}`, `https://${ADDRESS}:${port + 1}`, 'null', `https://archive-pc:${port}`]) {
      const answer = await ask({ headers: { origin } });
      expect({ origin, status: answer.status, body: answer.json() }).toEqual({ origin, status: 403, body: { ok: false, error: { code: 'FORBIDDEN' } } });
    }
    expect((await ask({ headers: { host: `archive-pc:${port}`, origin: `https://archive-pc:${port}` } })).status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it('answers OPTIONS with 405 and never a CORS header', async () => {
    const answer = await ask({ method: 'OPTIONS', headers: { origin: `https://${ADDRESS}:${port}`, 'access-control-request-method': 'POST' } });
    expect(answer.status).toBe(405);
    expect(Object.keys(answer.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('takes only a JSON body (415), of at most 16 MB (413), that parses (400)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx']) {
      const answer = await ask({ headers: { 'content-type': type } });
      expect({ type, status: answer.status, body: answer.json() }).toEqual({
        type,
        status: 415,
        body: { ok: false, error: { code: 'VALIDATION', issues: [{ path: [], message: 'v.contentType' }] } },
      });
    }
    expect((await ask({ headers: { 'content-type': 'Application/JSON; charset=utf-8' } })).status).toBe(200);
    const big = await ask({ body: Buffer.alloc(MAX_BODY_BYTES + 1024 * 1024, 'a') }).catch((err: unknown) => ({ status: `cut: ${String(err)}` }) as const);
    expect(big.status).toBe(413);
    const truncated = await ask({ body: '{"payload":' });
    expect({ status: truncated.status, code: (truncated.json() as { error: { code: string } }).error.code }).toEqual({ status: 400, code: 'VALIDATION' });
    expect(calls).toHaveLength(1);
  });

  it('serves the renderer under its CSP', async () => {
    const page = await ask({ method: 'GET', path: '/index.html' });
    expect({ status: page.status, text: page.text, csp: page.headers['content-security-policy'] }).toEqual({
      status: 200,
      text: '<p>the desk</p>',
      csp: expect.stringContaining("default-src 'self'"),
    });
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect((await ask({ method: 'GET', path: '/..%2f..%2fpackage.json' })).status).toBe(400);
    expect((await ask({ method: 'GET', path: '/../../package.json' })).status).toBe(404);
  });
});

describe('the LAN host: networks not let in', () => {
  let refusing: LanHost;
  let refusingPort: number;
  beforeAll(async () => {
    refusing = newHost();
    ({ port: refusingPort } = await refusing.start(listenOn(0, ['10.0.0.0/8'])));
  });

  it('answers a call from outside the allow-list with 403 HOST_NETWORK_REFUSED naming the address', async () => {
    const answer = await ask({ port: refusingPort, headers: { 'x-archive-session': 'h-alive' } });
    expect({ status: answer.status, body: answer.json() }).toEqual({
      status: 403,
      body: { ok: false, error: { code: 'HOST_NETWORK_REFUSED', params: { address: '127.0.0.1' } } },
    });
    const events = await openEvents({ 'x-archive-session': 'h-alive' }, refusingPort);
    expect(events.status).toBe(403);
    expect(calls).toEqual([]);
  });

  it('shows a browser a page in Chinese and English saying which address to add', async () => {
    for (const path of ['/', '/index.html']) {
      const page = await ask({ method: 'GET', path, port: refusingPort });
      expect({ path, status: page.status, type: page.headers['content-type'] }).toEqual({ path, status: 403, type: 'text/html; charset=utf-8' });
      expect(page.text).toContain('<code>127.0.0.1</code>');
      expect(page.text).toContain('档案管理员');
      expect(page.text).toContain("Ask the archive's administrator to add this computer's network");
      expect(page.text).not.toContain('the desk');
    }
  });

  it('reads networks and addresses of both families, IPv4-mapped ones as IPv4', () => {
    const allowed = allowList(['10.0.0.0/8', '192.168.1.7', 'fd00::/8']);
    const cases: [string, boolean][] = [
      ['10.20.30.40', true],
      ['11.0.0.1', false],
      ['192.168.1.7', true],
      ['192.168.1.8', false],
      ['fd12::1', true],
      ['fe80::1', false],
    ];
    for (const [address, expected] of cases) expect({ address, allowed: allowed(address) }).toEqual({ address, allowed: expected });
    expect(clientAddress('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(allowed(clientAddress('::FFFF:10.1.2.3'))).toBe(true);
    expect(clientAddress('::1')).toBe('::1');
    expect(allowed(null)).toBe(false);
    for (const bad of ['10.0.0.0/33', 'fd00::/129', 'not-a-network', '10.0.0.0/x', '']) {
      expect(() => allowList([bad])).toThrow(AppError);
    }
  });
});

describe('the LAN host: live updates', () => {
  it('refuses a stream without a live session with 401 NOT_SIGNED_IN', async () => {
    for (const headers of [{}, { 'x-archive-session': 'h-dead' }] as Record<string, string>[]) {
      const answer = await openEvents(headers);
      expect({ status: answer.status, body: JSON.parse(answer.text) }).toEqual({ status: 401, body: { ok: false, error: { code: 'NOT_SIGNED_IN' } } });
    }
  });

  it('says hello at once, pushes a change within a second, pings, and ends when the session does', async () => {
    const { reader } = await openEvents({ 'x-archive-session': 'h-alive' });
    expect(await reader!.next(1000)).toEqual({ event: 'hello', data: {} });
    expect(reader!.res.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(reader!.res.headers['cache-control']).toBe('no-store');
    expect(host.liveHandles()).toEqual(new Set(['h-alive']));
    const topics: Topic[] = ['box', 'audit'];
    const sent = Date.now();
    changes.publish(topics);
    expect(await reader!.nextEvent(1000)).toEqual({ event: 'changed', data: { topics } });
    expect(Date.now() - sent).toBeLessThan(1000);
    expect(await reader!.next(1000)).toEqual({ event: ':', data: 'ping' });
    alive.delete('h-alive');
    expect(await reader!.nextEvent(1000)).toBeNull();
    await vi.waitFor(() => expect(host.liveHandles()).toEqual(new Set()));
  });

  it('opens at most 16 streams per client address (the 17th is 429)', async () => {
    const open = await Promise.all(Array.from({ length: 16 }, () => openEvents({ 'x-archive-session': 'h-alive' })));
    expect(open.map((o) => o.status)).toEqual(Array(16).fill(200));
    const extra = await openEvents({ 'x-archive-session': 'h-alive' });
    expect(extra.status).toBe(429);
    for (const o of open) o.reader!.close();
    // Once the desk has closed its streams, there is room again.
    await vi.waitFor(async () => {
      const again = await openEvents({ 'x-archive-session': 'h-alive' });
      again.reader?.close();
      expect(again.status).toBe(200);
    });
    await vi.waitFor(() => expect(host.liveHandles()).toEqual(new Set()));
  });

  it('ends every stream on stop(), and starts again on the same port', async () => {
    const { reader } = await openEvents({ 'x-archive-session': 'h-alive' });
    expect(await reader!.next(1000)).toEqual({ event: 'hello', data: {} });
    await host.stop();
    expect(host.running()).toBe(false);
    expect(await reader!.nextEvent(1000)).toBeNull();
    expect(host.liveHandles()).toEqual(new Set());
    await expect(ask({})).rejects.toThrow();
    expect(await host.start(listenOn(port))).toEqual({ port });
    expect(host.running()).toBe(true);
    await stillServes('after a restart');
  });
});

describe('the LAN host: starting', () => {
  it('a port in use is HOST_PORT_IN_USE, an address not on this machine HOST_ADDRESS_UNAVAILABLE', async () => {
    const blocker: TcpServer = createTcpServer();
    await new Promise<void>((done) => blocker.listen(0, ADDRESS, done));
    const taken = (blocker.address() as { port: number }).port;
    const second = newHost();
    try {
      expect(await rejection(second.start(listenOn(taken)))).toEqual({ code: 'HOST_PORT_IN_USE', params: { port: taken } });
      expect(second.running()).toBe(false);
      // The host's own port, taken by the first host.
      expect(await rejection(second.start(listenOn(port)))).toEqual({ code: 'HOST_PORT_IN_USE', params: { port } });
      expect(await rejection(second.start({ ...listenOn(0), address: '192.0.2.1' }))).toEqual({
        code: 'HOST_ADDRESS_UNAVAILABLE',
        params: { address: '192.0.2.1' },
      });
    } finally {
      blocker.close();
    }
  });

  it('a key that is not the certificate’s is HOST_CERTIFICATE_INVALID, a bad network VALIDATION', async () => {
    const second = newHost();
    expect(await rejection(second.start({ ...listenOn(0), tls: { certPem, keyPem: otherKeyPem } }))).toEqual({
      code: 'HOST_CERTIFICATE_INVALID',
      params: { reason: 'keyMismatch' },
    });
    expect(await rejection(second.start({ ...listenOn(0), tls: { certPem: 'not a pem', keyPem } }))).toMatchObject({ code: 'HOST_CERTIFICATE_INVALID' });
    expect(await rejection(second.start(listenOn(0, ['10.0.0.0/99'])))).toMatchObject({ code: 'VALIDATION' });
    expect(second.running()).toBe(false);
  });

  it('stop() does not wait for a client that connected and never began TLS, nor does the server keep it', async () => {
    const second = newHost();
    const { port: to } = await second.start(listenOn(0));
    const silent = () => {
      const socket = tcpConnect({ host: ADDRESS, port: to });
      socket.on('error', () => undefined);
      return new Promise<{ socket: typeof socket; closed: Promise<number> }>((done) =>
        socket.once('connect', () => {
          const opened = Date.now();
          done({ socket, closed: new Promise((gone) => socket.once('close', () => gone(Date.now() - opened))) });
        }),
      );
    };
    const idle = await silent();
    // Cut after the handshake timeout (the headers' timeout, 600 ms here), not Node's 120 s.
    expect(await idle.closed).toBeLessThan(3000);
    const held = await silent();
    const stopping = Date.now();
    await second.stop();
    expect(Date.now() - stopping).toBeLessThan(500);
    expect(await held.closed).toBeLessThan(500);
  });

  it('a start while running replaces the server', async () => {
    const second = newHost();
    const first = await second.start(listenOn(0));
    const replaced = await second.start(listenOn(0));
    expect(replaced.port).not.toBe(first.port);
    await expect(ask({ port: first.port })).rejects.toThrow();
    expect((await ask({ port: replaced.port })).status).toBe(200);
    await second.stop();
  });

  it('shows the client the certificate it was given', async () => {
    const seen = await new Promise<string>((done, fail) => {
      const socket = tlsConnect({ host: ADDRESS, port, ca: certPem }, () => {
        done(socket.getPeerCertificate().fingerprint256);
        socket.destroy();
      });
      socket.on('error', fail);
    });
    expect(seen).toBe(new X509Certificate(certPem).fingerprint256);
  });
});

describe('the LAN host, under hostile input', () => {
  const line = (path: string, extra = '') => `GET ${path} HTTP/1.1\r\nhost: ${ADDRESS}:${port}\r\n${extra}connection: close\r\n\r\n`;

  it('answers malformed paths, bodies and headers with typed errors, and keeps serving', async () => {
    const cases: [string, string[], number][] = [
      ['a malformed escape', [line('/api/%ZZ')], 400],
      ['a cut-off UTF-8 escape', [line('/%E0%A4%A')], 400],
      ['an absolute-form URI', [`GET https://evil.example/api/app-status HTTP/1.1\r\nhost: ${ADDRESS}:${port}\r\nconnection: close\r\n\r\n`], 400],
      ['the asterisk form', [`OPTIONS * HTTP/1.1\r\nhost: ${ADDRESS}:${port}\r\nconnection: close\r\n\r\n`], 405],
      ['no Host', [`GET / HTTP/1.1\r\nconnection: close\r\n\r\n`], 421],
      ['an empty Host', [`GET / HTTP/1.1\r\nhost: \r\nconnection: close\r\n\r\n`], 421],
      ['a header line without a colon', [line('/', 'this is not a header\r\n')], 400],
      ['a 60 kB header', [line('/', `x-big: ${'a'.repeat(60 * 1024)}\r\n`)], 431],
      [
        'truncated JSON',
        [
          `POST /api/app-status HTTP/1.1\r\nhost: ${ADDRESS}:${port}\r\ncontent-type: application/json\r\ncontent-length: 11\r\nconnection: close\r\n\r\n{"payload":`,
        ],
        400,
      ],
    ];
    for (const [label, pieces, status] of cases) {
      const answer = await rawTls(pieces);
      expect({ label, status: answer.status, typed: /\{"ok":false,"error":\{"code":"[A-Z_]+"/.test(answer.text) }).toEqual({ label, status, typed: true });
      await stillServes(label);
    }
  });

  it('cuts off slow headers with 408 and survives clients that hang up or speak no TLS', async () => {
    const slow = await rawTls([`GET / HTTP/1.1\r\nhost: ${ADDRESS}:${port}\r\n`], 5000);
    expect(slow.status).toBe(408);
    await stillServes('slow headers');
    await rawTls([`POST /api/app-status HTTP/1.1\r\nhost: ${ADDRESS}:${port}\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"pay`], 300);
    await stillServes('a body cut short');
    const plain = await new Promise<string>((done) => {
      const socket = tcpConnect({ host: ADDRESS, port });
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString('latin1')));
      socket.on('close', () => done(text));
      socket.on('error', () => undefined);
      socket.write(line('/api/app-status'));
    });
    expect(plain).not.toContain('{"ok":true');
    await stillServes('plain HTTP on the TLS port');
  });
});
