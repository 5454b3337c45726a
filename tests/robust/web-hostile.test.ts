import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dispatch } from '../../electron/server/dispatch';
import { MAX_BODY_BYTES, startWebShell, type WebShell } from '../../electron/shells/web/server';
import { buildWebShell, startWebProcess, type WebProcess } from '../support/web-process';

/**
 * The web shell survives whatever comes over its socket: the built shell runs as its own process,
 * takes malformed request lines, headers and bodies over raw TCP and fetch, and after each still
 * answers an ordinary call. A crash would end the process; the test checks that it did not.
 */

interface Answer {
  status: number | null;
  text: string;
}

/** Writes the pieces as they are over one connection; what came back before it closed or the wait ran out. */
function raw(port: number, pieces: (string | Buffer)[], options: { halfClose?: boolean; waitMs?: number } = {}): Promise<Answer> {
  return new Promise((done) => {
    const socket: Socket = connect({ host: '127.0.0.1', port });
    let text = '';
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      done({ status: /^HTTP\/1\.1 (\d{3})/.exec(text) ? Number(/^HTTP\/1\.1 (\d{3})/.exec(text)![1]) : null, text });
    };
    const timer = setTimeout(finish, options.waitMs ?? 5000);
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('close', finish);
    // The server may close while a large body is still going out: what it answered is what counts.
    socket.on('error', () => undefined);
    socket.on('connect', () => {
      for (const piece of pieces) socket.write(typeof piece === 'string' ? Buffer.from(piece, 'latin1') : piece);
      if (options.halfClose) socket.end();
    });
  });
}

const typedError = (answer: Answer): string | undefined => (/"code":"([A-Z_]+)"/.exec(answer.text) ?? [])[1];

describe('the web shell process, under hostile input', { timeout: 120_000 }, () => {
  let shell: WebProcess;
  let work: string;
  let port: number;
  let host: string;

  beforeAll(async () => {
    const main = await buildWebShell('robust-web-hostile');
    work = mkdtempSync(join(tmpdir(), 'archive-desk-hostile-'));
    shell = await startWebProcess(main, ['--data', join(work, 'data'), '--port', '0']);
    port = shell.port;
    host = `127.0.0.1:${port}`;
  }, 120_000);
  afterAll(async () => {
    await shell?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  /** An ordinary call, as the page makes it. */
  const normalCall = async () => {
    const res = await fetch(`http://${host}/api/app-status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-archive-token': shell.token },
      body: '{"payload":{}}',
    });
    return { status: res.status, ok: ((await res.json()) as { ok: boolean }).ok };
  };
  const stillServes = async (label: string) => {
    expect({ label, ended: shell.ended() }).toEqual({ label, ended: null });
    expect({ label, ...(await normalCall()) }).toEqual({ label, status: 200, ok: true });
  };
  const request = (line: string, headers: string[], body = '') => `${line}\r\n${headers.map((h) => `${h}\r\n`).join('')}connection: close\r\n\r\n${body}`;
  const call = (path: string, headers: string[] = [], body = '{"payload":{}}') =>
    request(
      `POST ${path} HTTP/1.1`,
      [
        `host: ${host}`,
        `x-archive-token: ${shell.token}`,
        'content-type: application/json',
        `content-length: ${Buffer.byteLength(body, 'latin1')}`,
        ...headers,
      ],
      body,
    );

  it('malformed paths answer 400 with a typed error, over TCP and fetch', async () => {
    const cases: [string, string, number][] = [
      ['GET /api/%ZZ', request('GET /api/%ZZ HTTP/1.1', [`host: ${host}`]), 400],
      ['POST /api/%ZZ with the token', call('/api/%ZZ'), 400],
      ['a cut-off UTF-8 escape', request('GET /%E0%A4%A HTTP/1.1', [`host: ${host}`]), 400],
      ['a cut-off escape in a call', call('/api/app-status%E0%A4%A'), 400],
      [
        'an absolute-form URI for this host',
        request(`POST http://${host}/api/app-status HTTP/1.1`, [`host: ${host}`, `x-archive-token: ${shell.token}`, 'content-length: 2'], '{}'),
        400,
      ],
      [
        'an absolute-form URI for another host',
        request('POST http://evil.example/api/app-status HTTP/1.1', [`host: ${host}`, `x-archive-token: ${shell.token}`, 'content-length: 2'], '{}'),
        400,
      ],
      ['an absolute-form URI that is not one', request('GET http://[::1 HTTP/1.1', [`host: ${host}`]), 400],
      ['the asterisk form', request('OPTIONS * HTTP/1.1', [`host: ${host}`]), 400],
    ];
    for (const [label, bytes, status] of cases) {
      const answer = await raw(port, [bytes]);
      expect({ label, status: answer.status, code: typedError(answer) }).toEqual({ label, status, code: 'VALIDATION' });
      await stillServes(label);
    }
    for (const path of ['/api/%ZZ', '/%E0%A4%A', '/api/%']) {
      const res = await fetch(`http://${host}${path}`, { method: 'POST', headers: { 'x-archive-token': shell.token }, body: '{}' });
      expect({ path, status: res.status, body: await res.json() }).toEqual({
        path,
        status: 400,
        body: { ok: false, error: expect.objectContaining({ code: 'VALIDATION' }) },
      });
      await stillServes(path);
    }
  });

  it('a 10 kB call name is an unknown call', async () => {
    const name = 'a'.repeat(10 * 1024);
    const answer = await raw(port, [call(`/api/${name}`)]);
    expect({ status: answer.status, code: typedError(answer) }).toEqual({ status: 200, code: 'UNKNOWN_CALL' });
    const res = await fetch(`http://${host}/api/${'%E6%A1%A3'.repeat(1200)}`, { method: 'POST', headers: { 'x-archive-token': shell.token }, body: '{}' });
    expect(await res.json()).toEqual({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    await stillServes('long names');
  });

  it('serves nothing from outside the renderer folder', async () => {
    for (const path of [
      '/../../etc/passwd',
      '/../package.json',
      '/%2e%2e/%2e%2e/package.json',
      '/%2e%2e%2f%2e%2e%2fpackage.json',
      '/..%2f..%2fpackage.json',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/..\\..\\package.json',
      '/%5c..%5c..%5cpackage.json',
      '/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/api/..%2f..%2fpackage.json',
    ]) {
      const answer = await raw(port, [request(`GET ${path} HTTP/1.1`, [`host: ${host}`])]);
      expect({ path, status: answer.status, leaked: /archive-desk|root:/.test(answer.text.split('\r\n\r\n').slice(1).join('')) }).toEqual({
        path,
        status: expect.toSatisfy((s: number) => s === 400 || s === 404),
        leaked: false,
      });
      await stillServes(path);
    }
  });

  it('malformed headers are refused, never a crash', async () => {
    const cases: [string, string, number[]][] = [
      ['a garbage Host', call('/api/app-status', []).replace(`host: ${host}`, 'host: \u00ff\u00fe:::/..'), [400, 421]],
      ['an empty Host', call('/api/app-status').replace(`host: ${host}`, 'host: '), [400, 421]],
      ['no Host', call('/api/app-status').replace(`host: ${host}\r\n`, ''), [400, 421]],
      ['a control byte in Host', call('/api/app-status').replace(`host: ${host}`, `host: 127.0.0.1\u0001:${port}`), [400]],
      ['the token twice', call('/api/app-status', [`x-archive-token: ${shell.token}`]), [403]],
      [
        'a non-ASCII byte in the token',
        call('/api/app-status').replace(`x-archive-token: ${shell.token}`, `x-archive-token: ${shell.token.slice(1)}\u00e9`),
        [403],
      ],
      ['a non-ASCII byte in another header', call('/api/app-status', ['x-note: caf\u00e9']), [200]],
      ['a 60 kB header', call('/api/app-status', [`x-big: ${'a'.repeat(60 * 1024)}`]), [431]],
      ['a header line without a colon', call('/api/app-status', ['this is not a header']), [400]],
      ['a bad content-length', call('/api/app-status').replace(/content-length: \d+/, 'content-length: abc'), [400]],
      ['content-length and chunked both', call('/api/app-status', ['transfer-encoding: chunked']), [400]],
    ];
    for (const [label, bytes, statuses] of cases) {
      const answer = await raw(port, [bytes]);
      const result = /\r\n\r\n[\s\S]*\{"ok":(true|false)/.test(answer.text);
      expect({ label, status: statuses.includes(answer.status ?? 0) ? 'expected' : answer.status, result }).toEqual({
        label,
        status: 'expected',
        result: true,
      });
      await stillServes(label);
    }
  });

  it('bad bodies are a typed error, never a crash', async () => {
    const cases: [string, string, number][] = [
      ['invalid JSON', '{"payload":', 400],
      ['JSON null', 'null', 400],
      ['an array', '[{"payload":{}}]', 400],
      ['a string', '"payload"', 400],
      ['a number', '42', 400],
      ['bytes that are not UTF-8', '\u00ff\u00fe{}', 400],
    ];
    for (const [label, body, status] of cases) {
      const answer = await raw(port, [call('/api/app-status', [], body)]);
      expect({ label, status: answer.status, code: typedError(answer) }).toEqual({ label, status, code: 'VALIDATION' });
      await stillServes(label);
    }
    const viaFetch = await fetch(`http://${host}/api/app-status`, { method: 'POST', headers: { 'x-archive-token': shell.token }, body: 'null' });
    expect({ status: viaFetch.status, body: await viaFetch.json() }).toMatchObject({ status: 400, body: { ok: false, error: { code: 'VALIDATION' } } });
  });

  it('a body cut short, or longer than it says, leaves the server serving', async () => {
    const head = call('/api/app-status', [], '').replace('content-length: 0', 'content-length: 100');
    await raw(port, [head, '{"payload":'], { halfClose: true, waitMs: 1000 });
    await stillServes('a truncated body, then the client hangs up');
    await raw(port, [head, '{"payload":'], { waitMs: 500 });
    await stillServes('a truncated body, the connection dropped');
    await raw(port, [call('/api/app-status', [], '{}').replace('content-length: 2', 'content-length: 1'), 'GARBAGE /x\r\n\r\n']);
    await stillServes('a body longer than its content-length');
  });

  it('a chunked body over the size limit is 413', async () => {
    const piece = Buffer.alloc(1024 * 1024, 'a');
    const chunk = Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]);
    const head = request('POST /api/app-status HTTP/1.1', [`host: ${host}`, `x-archive-token: ${shell.token}`, 'transfer-encoding: chunked']).replace(
      'connection: close\r\n',
      '',
    );
    const chunks = Array.from({ length: MAX_BODY_BYTES / piece.length + 2 }, () => chunk);
    const answer = await raw(port, [head, ...chunks, '0\r\n\r\n'], { waitMs: 20_000 });
    expect({ status: answer.status, code: typedError(answer) }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    await stillServes('a chunked body over the limit');
  });

  it('a client trickling its body does not hold the server', async () => {
    const socket = connect({ host: '127.0.0.1', port });
    await new Promise((done, fail) => socket.once('connect', done).once('error', fail));
    socket.on('error', () => undefined);
    socket.write(call('/api/app-status', [], '').replace('content-length: 0', 'content-length: 1000'));
    const drip = setInterval(() => socket.write(' '), 100);
    try {
      for (let i = 0; i < 5; i++) await stillServes(`call ${i} while a body trickles`);
    } finally {
      clearInterval(drip);
      socket.destroy();
    }
  });
});

describe('the web shell server, with a faulty handler and short timeouts', () => {
  let shell: WebShell;
  let port: number;
  let renderer: string;
  let dispatch: Dispatch;
  const ok: Dispatch = () => Promise.resolve({ ok: true, value: 'fine' });

  beforeAll(async () => {
    renderer = mkdtempSync(join(tmpdir(), 'archive-desk-renderer-'));
    mkdirSync(join(renderer, 'pages'));
    writeFileSync(join(renderer, 'pages', 'index.html'), '<p>page</p>');
    writeFileSync(join(renderer, 'secret.txt'), 'SECRET outside the pages');
    dispatch = ok;
    shell = await startWebShell({
      dispatch: (request) => dispatch(request),
      rendererDir: join(renderer, 'pages'),
      port: 0,
      timeouts: { headersMs: 400, requestMs: 800 },
      log: () => undefined,
    });
    port = (shell.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await shell.close();
    rmSync(renderer, { recursive: true, force: true });
  });
  afterEach(() => (dispatch = ok));

  const post = async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/app-status`, { method: 'POST', headers: { 'x-archive-token': shell.token }, body: '{}' });
    return { status: res.status, body: (await res.json()) as unknown };
  };

  it('a handler that throws, rejects or returns what JSON cannot hold is 500 INTERNAL, and the next call is served', async () => {
    const circular: { self?: unknown } = {};
    circular.self = circular;
    const faulty: [string, Dispatch][] = [
      [
        'throws',
        () => {
          throw new Error('boom');
        },
      ],
      ['rejects', () => Promise.reject(new Error('boom'))],
      ['rejects with nothing', () => Promise.reject(undefined)],
      ['returns a BigInt', () => Promise.resolve({ ok: true, value: 1n })],
      ['returns a cycle', () => Promise.resolve({ ok: true, value: circular })],
    ];
    for (const [label, handler] of faulty) {
      dispatch = handler;
      expect({ label, ...(await post()) }).toEqual({ label, status: 500, body: { ok: false, error: { code: 'INTERNAL' } } });
      dispatch = ok;
      expect({ label, ...(await post()) }).toEqual({ label, status: 200, body: { ok: true, value: 'fine' } });
    }
  });

  it('cuts off a client slower than the timeouts with 408', async () => {
    const host = `host: 127.0.0.1:${port}\r\n`;
    const slowHeaders = await raw(port, ['POST /api/app-status HTTP/1.1\r\n', host], { waitMs: 5000 });
    expect({ status: slowHeaders.status, code: typedError(slowHeaders) }).toEqual({ status: 408, code: 'VALIDATION' });
    const slowBody = await raw(port, [`POST /api/app-status HTTP/1.1\r\n${host}x-archive-token: ${shell.token}\r\ncontent-length: 100\r\n\r\n{"pay`], {
      waitMs: 5000,
    });
    expect({ status: slowBody.status, code: typedError(slowBody) }).toEqual({ status: 408, code: 'VALIDATION' });
    expect(await post()).toEqual({ status: 200, body: { ok: true, value: 'fine' } });
  });

  it('serves the renderer folder and nothing beside it', async () => {
    const page = await raw(port, [`GET /index.html HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nconnection: close\r\n\r\n`]);
    expect({ status: page.status, page: page.text.includes('<p>page</p>') }).toEqual({ status: 200, page: true });
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/.%2e/secret.txt',
      '/pages/../../secret.txt',
    ]) {
      const answer = await raw(port, [`GET ${path} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nconnection: close\r\n\r\n`]);
      expect({ path, leaked: answer.text.includes('SECRET'), status: [400, 404].includes(answer.status ?? 0) }).toEqual({ path, leaked: false, status: true });
    }
  });
});
