import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWebShell, runWebProcess, startWebProcess } from '../support/web-process';

/** A --port that is taken is refused in so many words; only the usual port, unasked, gives way to another. */
let main: string;
let work: string;
let holder: Server | null = null;

const occupy = (port: number): Promise<Server | null> =>
  new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(null));
    server.listen(port, '127.0.0.1', () => done(server));
  });

beforeAll(async () => {
  main = await buildWebShell('robust-web-port');
}, 120_000);
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'archive-desk-port-'));
});
afterEach(async () => {
  await new Promise((done) => (holder ? holder.close(done) : done(undefined)));
  holder = null;
  rmSync(work, { recursive: true, force: true });
});

describe('the web shell port', { timeout: 60_000 }, () => {
  it('a --port already in use on 127.0.0.1 stops the start with a clear line, and releases the archive', async () => {
    holder = await occupy(0);
    const port = (holder!.address() as { port: number }).port;
    const data = join(work, 'data');
    const run = await runWebProcess(main, ['--data', data, '--port', String(port)], 15_000);
    expect(run).toEqual({
      code: 1,
      stdout: expect.not.stringContaining('Open:'),
      stderr: `端口 ${port} 已被其他程序占用，档案前台未启动：请换一个端口（--port），或先关闭占用它的程序。\nPort ${port} on 127.0.0.1 is already in use; Archive Desk did not start. Choose another --port, or close the program using it.\n`,
    });
    // The refused start let go of the data folder: the next one opens it.
    const next = await startWebProcess(main, ['--data', data, '--port', '0']);
    await next.stop();
  });

  it('a --port that is not a port number stops the start', async () => {
    for (const value of ['abc', '70000', '-1', '']) {
      const run = await runWebProcess(main, ['--data', join(work, 'data'), `--port=${value}`], 15_000);
      expect({ value, code: run.code, stderr: run.stderr }).toEqual({ value, code: 1, stderr: expect.stringContaining(`Invalid port "${value}"`) });
    }
  });

  it('a --lan or --allow that is not an address:port or a network stops the start, in both languages', async () => {
    for (const value of ['127.0.0.2', '127.0.0.2:70000', '300.1.1.1:8443', 'archive-pc:8443', '::1:8443', '']) {
      const run = await runWebProcess(main, ['--data', join(work, 'data'), '--port', '0', `--lan=${value}`], 15_000);
      expect({ value, code: run.code, stderr: run.stderr }).toEqual({
        value,
        code: 1,
        stderr: expect.stringMatching(new RegExp(`局域网地址“.*”无效[\\s\\S]*Invalid --lan "${value.replace(/[.:]/g, '\\$&')}"`)),
      });
    }
    for (const value of ['10.0.0.0/8,office', 'x', ',']) {
      const run = await runWebProcess(main, ['--data', join(work, 'data'), '--port', '0', '--lan', '127.0.0.2:0', `--allow=${value}`], 15_000);
      expect({ value, code: run.code, stderr: run.stderr }).toEqual({ value, code: 1, stderr: expect.stringContaining(`Invalid --allow "${value}"`) });
    }
    const alone = await runWebProcess(main, ['--data', join(work, 'data'), '--port', '0', '--allow', '10.0.0.0/8'], 15_000);
    expect(alone).toMatchObject({ code: 1, stderr: expect.stringContaining('--allow is given only together with --lan') });
  });

  it('without --port, the usual port taken, another is used and said so', async () => {
    // Held by this test, or by something else already: either way it is taken.
    holder = await occupy(5199);
    const shell = await startWebProcess(main, ['--data', join(work, 'data')]);
    try {
      expect(shell.port).not.toBe(5199);
      expect(shell.output()).toContain('端口 5199 已被占用');
      expect(shell.output()).toContain('Port 5199 is in use');
    } finally {
      await shell.stop();
    }
  });
});
