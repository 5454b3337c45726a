import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { startWebShell, type WebShell } from '../../electron/shells/web/server';
import type { TestApp } from '../support/app';
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

function post(path: string, headers: Record<string, string>, body = '{"payload":{}}'): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', ...headers } },
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
