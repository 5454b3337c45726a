import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { ChangeFeed } from '../../electron/server/network';
import { startWebShell, type WebShell } from '../../electron/shells/web/server';
import type { TestApp } from '../support/app';
import { EventStreamReader } from '../support/event-stream';
import { createSetUpApp } from '../support/fixtures';

/** The web shell listens on 127.0.0.1 only and answers calls only with its per-run token and its own Host. */
let app: TestApp;
let shell: WebShell;
let port: number;

beforeAll(async () => {
  app = await createSetUpApp();
  shell = await startWebShell({ dispatch: app.dispatch, rendererDir: resolve(__dirname, '../../renderer'), port: 0 });
  port = (shell.server.address() as { port: number }).port;
});
afterAll(async () => {
  await shell.close();
  app.close();
});

function post(path: string, headers: Record<string, string>, body = '{"payload":{}}', to = port): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request(
      { host: '127.0.0.1', port: to, path, method: 'POST', headers: { host: `127.0.0.1:${to}`, 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res
          .setEncoding('utf8')
          .on('data', (c: string) => (text += c))
          .on('end', () => done({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

const reaches = (host: string): Promise<boolean> =>
  new Promise((done) => {
    const socket = connect({ host, port, timeout: 2000 }, () => (socket.destroy(), done(true)));
    socket.on('error', () => done(false));
    socket.on('timeout', () => (socket.destroy(), done(false)));
  });

describe('the web shell', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(shell.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(shell.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/#token=`));
    expect(await reaches('127.0.0.1')).toBe(true);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal)
      .map((i) => i!.address);
    for (const address of [...others, '::1']) expect({ address, reached: await reaches(address) }).toEqual({ address, reached: false });
  });

  it('answers a call only with its token', async () => {
    expect(await post('/api/app-status', { 'x-archive-token': shell.token })).toMatchObject({ status: 200, body: expect.stringContaining('"ok":true') });
    // As long as the token in characters once read (the client sends é as two UTF-8 bytes, read back as two characters), longer in bytes.
    const nonAscii = [`${shell.token.slice(2)}é`, 'é'.repeat(shell.token.length / 2)];
    for (const token of [undefined, '', 'wrong', shell.token.slice(1), `${shell.token}x`, shell.token.toUpperCase(), ...nonAscii]) {
      const answer = await post('/api/app-status', token === undefined ? {} : { 'x-archive-token': token });
      expect({ token, ...answer }).toEqual({ token, status: 403, body: '{"ok":false,"error":{"code":"FORBIDDEN"}}' });
    }
  });

  it('refuses a request for another host name, even with the token (DNS rebinding)', async () => {
    for (const host of [`evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1', `0.0.0.0:${port}`]) {
      expect({ host, status: (await post('/api/app-status', { host, 'x-archive-token': shell.token })).status }).toEqual({ host, status: 421 });
    }
  });
});

describe('the web shell, for the page of this PC', () => {
  const userOf = (answer: { body: string }) => (JSON.parse(answer.body) as { value: { username: string } | null }).value?.username ?? null;

  it('takes the session from x-archive-session, or else from the body', async () => {
    const handle = await app.as('admin');
    const token = { 'x-archive-token': shell.token };
    expect(userOf(await post('/api/session-current', { ...token, 'x-archive-session': handle }))).toBe('admin');
    expect(userOf(await post('/api/session-current', token, JSON.stringify({ payload: {}, handle })))).toBe('admin');
    // The header is what the renderer sends: it wins over whatever the body holds.
    expect(userOf(await post('/api/session-current', { ...token, 'x-archive-session': handle }, '{"payload":{},"handle":"bogus"}'))).toBe('admin');
    expect(userOf(await post('/api/session-current', { ...token, 'x-archive-session': 'bogus' }, JSON.stringify({ payload: {}, handle })))).toBeNull();
    expect(userOf(await post('/api/session-current', token))).toBeNull();
    expect((await post('/api/session-current', { 'x-archive-session': handle })).status).toBe(403);
  });

  /** GET /api/events on the given shell; the reader when it answered 200, else the status. */
  const events = (on: WebShell, headers: Record<string, string>) =>
    new Promise<{ status: number; reader: EventStreamReader | null }>((done, fail) => {
      const to = (on.server.address() as { port: number }).port;
      const req = request({ host: '127.0.0.1', port: to, path: '/api/events', headers: { host: `127.0.0.1:${to}`, ...headers } }, (res) => {
        if (res.statusCode === 200) return done({ status: 200, reader: new EventStreamReader(res) });
        res.resume().on('end', () => done({ status: res.statusCode ?? 0, reader: null }));
      });
      req.on('error', fail);
      req.end();
    });

  it('streams every change to its own window, with the token only, until it closes', async () => {
    const changes = new ChangeFeed();
    const live = await startWebShell({
      dispatch: app.dispatch,
      rendererDir: resolve(__dirname, '../../renderer'),
      port: 0,
      onChanged: (l) => changes.subscribe(l),
    });
    try {
      for (const headers of [{}, { 'x-archive-token': 'wrong' }] as Record<string, string>[]) expect((await events(live, headers)).status).toBe(403);
      const { status, reader } = await events(live, { 'x-archive-token': live.token });
      expect(status).toBe(200);
      expect(reader!.res.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(await reader!.next(1000)).toEqual({ event: 'hello', data: {} });
      changes.publish(['box', 'audit']);
      expect(await reader!.nextEvent(1000)).toEqual({ event: 'changed', data: { topics: ['box', 'audit'] } });
      await live.close();
      expect(await reader!.nextEvent(1000)).toBeNull();
    } finally {
      await live.close().catch(() => undefined);
    }
  });

  it('has no stream when nothing feeds it', async () => {
    expect((await events(shell, { 'x-archive-token': shell.token })).status).toBe(404);
  });
});
