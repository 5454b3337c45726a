import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MessageChannel } from 'node:worker_threads';
import { machineKeyProtector } from '../../../db/machine-key';
import { networkRange, type HostStatus } from '../../core/contract/network';
import { dataPathsUnder, defaultDataPaths } from '../../server/data-paths';
import { ServerLink, type HostServices } from '../../server/process/link';
import type { ToHost, ToServer } from '../../server/process/protocol';
import { serve } from '../../server/process/serve';
import { createLanHost } from '../host/lan-server';
import { chromiumPrinter } from './print-chromium';
import { startWebShell, type WebShellOptions } from './server';

const DEFAULT_PORT = 5199;

const inUse = (err: unknown): boolean => (err as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE';

/** A --port value: a whole number 0–65535 (0: any free port); null for anything else. */
function parsePort(value: string): number | null {
  return /^\d{1,5}$/.test(value) && Number(value) <= 65535 ? Number(value) : null;
}

/**
 * A port asked for is that port or nothing: whoever named it expects the app there. Unasked, the
 * usual port when free, so the address stays the same from day to day; any free port otherwise, said so.
 */
async function listen(options: WebShellOptions, asked: number | undefined) {
  if (asked !== undefined) return startWebShell({ ...options, port: asked });
  try {
    return await startWebShell({ ...options, port: DEFAULT_PORT });
  } catch (err) {
    if (!inUse(err)) throw err;
    const shell = await startWebShell({ ...options, port: 0 });
    console.log(`端口 ${DEFAULT_PORT} 已被占用，改用另一个端口，地址见下方。`);
    console.log(`Port ${DEFAULT_PORT} is in use; the web shell is on another port instead (address below).`);
    return shell;
  }
}

/** A --lan value: an address of this machine (IPv6 in brackets) and a port, `192.168.1.5:8443`; null for anything else. */
function parseLan(value: string): { address: string; port: number } | null {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([0-9.]+)):(\d{1,5})$/.exec(value.trim());
  if (!match) return null;
  const address = match[1] ?? match[2];
  const port = parsePort(match[3]);
  const family = match[1] !== undefined ? 6 : 4;
  return port !== null && isIP(address) === family ? { address, port } : null;
}

/** An --allow value: client networks, comma-separated CIDR (`192.168.1.0/24,10.0.0.0/8`); null when one is not. */
function parseAllow(value: string): string[] | null {
  const ranges = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (ranges.length === 0) return null;
  return ranges.every((range) => networkRange.safeParse(range).success && isIP(range.split('/')[0]) !== 0) ? ranges : null;
}

/** Why the --lan host did not start, both languages. */
function hostProblem(host: HostStatus | null, lan: string): [string, string] {
  switch (host?.problem ?? (host ? 'INTERNAL' : 'HOST_UNAVAILABLE')) {
    case 'HOST_PORT_IN_USE':
      return [
        `局域网地址 ${lan} 的端口已被其他程序占用，档案前台未启动：请换一个端口（--lan）。`,
        `The port of ${lan} is already in use; Archive Desk did not start. Choose another --lan port.`,
      ];
    case 'HOST_ADDRESS_UNAVAILABLE':
      return [
        `本机没有地址 ${lan}，档案前台未启动：请检查 --lan 的地址。`,
        `This machine has no address ${lan}; Archive Desk did not start. Check the --lan address.`,
      ];
    case 'HOST_UNAVAILABLE':
      return ['这个版本的网页版不能提供局域网访问（--lan）。', 'This build of the web shell cannot serve on the network (--lan).'];
    default:
      return [
        `局域网访问（${lan}）未能开启：${host?.problem}，详见上方日志。`,
        `The network host (${lan}) did not start: ${host?.problem}; see the log above.`,
      ];
  }
}

function refuseToStart(zh: string, en: string): never {
  console.error(zh);
  console.error(en);
  process.exit(1);
}

/**
 * The server the desktop app runs in a utility process (electron/shells/server/main.ts), here in
 * this process: the same serve() and the same messages, over an in-process channel.
 */
function inProcessServer(host: HostServices): ServerLink {
  const { port1, port2 } = new MessageChannel();
  serve(
    { post: (message) => port1.postMessage(message), onMessage: (listener) => port1.on('message', (message: ToServer) => listener(message)) },
    undefined,
    createLanHost,
  );
  return new ServerLink(
    { post: (message) => port2.postMessage(message), onMessage: (listener) => port2.on('message', (message: ToHost) => listener(message)) },
    host,
  );
}

/** `npm run web`: built to dist/web/main.cjs, so the app root is two folders up. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, data: { type: 'string' }, lan: { type: 'string' }, allow: { type: 'string' } } });
  const port = values.port === undefined ? undefined : parsePort(values.port);
  if (port === null) refuseToStart(`端口“${values.port}”无效：请填写 0 到 65535 之间的数字。`, `Invalid port "${values.port}": give a number from 0 to 65535.`);
  const lan = values.lan === undefined ? undefined : parseLan(values.lan);
  if (lan === null)
    refuseToStart(
      `局域网地址“${values.lan}”无效：请写成 地址:端口，例如 192.168.1.5:8443（IPv6 地址加方括号），端口为 0 到 65535 之间的数字。`,
      `Invalid --lan "${values.lan}": give address:port, e.g. 192.168.1.5:8443 (an IPv6 address in brackets), the port a number from 0 to 65535.`,
    );
  const allow = values.allow === undefined ? [] : parseAllow(values.allow);
  if (allow === null)
    refuseToStart(
      `允许的网络“${values.allow}”无效：请写网段，用逗号分隔，例如 192.168.1.0/24,10.0.0.0/8。`,
      `Invalid --allow "${values.allow}": give networks in CIDR form, comma-separated, e.g. 192.168.1.0/24,10.0.0.0/8.`,
    );
  if (values.allow !== undefined && !lan) refuseToStart('--allow 只能与 --lan 一起使用。', '--allow is given only together with --lan.');
  const appRoot = resolve(__dirname, '..', '..');
  const paths = values.data ? dataPathsUnder(resolve(values.data)) : defaultDataPaths();
  const printer = chromiumPrinter();
  const link = inProcessServer({ protector: machineKeyProtector(paths.machineKey), printer });
  const status = await link.start({
    dataDir: paths.dataDir,
    migrationsFolder: resolve(appRoot, 'db', 'migrations'),
    rendererDir: resolve(appRoot, 'dist', 'renderer'),
    ...(lan ? { lan: { ...lan, allow } } : {}),
  });
  if (!status) return refuseToStart('档案服务未能启动。', 'The archive server did not start.');
  // One archive, one writer: a second start points to the page the first one serves.
  if (status.fault?.code === 'ALREADY_RUNNING') {
    const { pid, url } = status.fault.params ?? {};
    refuseToStart(
      `档案前台已在运行（进程 ${pid}），请打开：${url ?? '已打开的窗口'}`,
      `Archive Desk is already running (process ${pid}) on this data folder: ${url ?? 'use the window already open'}`,
    );
  }
  // A host the command line named is that host or nothing, like --port.
  const host = link.hostAtStart;
  if (lan && !host?.running) {
    await Promise.allSettled([printer.close(), link.close()]);
    const [zh, en] = hostProblem(host, values.lan ?? '');
    return refuseToStart(zh, en);
  }
  const shell = await listen(
    { dispatch: (request) => link.call(request), rendererDir: resolve(appRoot, 'dist', 'renderer'), onChanged: (listener) => link.onChanged(listener) },
    port,
  ).catch(async (err: unknown) => {
    if (!inUse(err)) throw err;
    await link.close();
    return refuseToStart(
      `端口 ${port} 已被其他程序占用，档案前台未启动：请换一个端口（--port），或先关闭占用它的程序。`,
      `Port ${port} on 127.0.0.1 is already in use; Archive Desk did not start. Choose another --port, or close the program using it.`,
    );
  });
  link.publishUrl(shell.url);
  console.log(`Archive Desk web shell (${status.state}), data in ${paths.dataDir}`);
  console.log(`Open: ${shell.url}`);
  if (lan && host) {
    for (const url of host.urls) console.log(`Host: ${url}`);
    console.log(`Fingerprint: ${host.certificate?.fingerprint ?? ''}`);
  }
  const stop = () => {
    void Promise.allSettled([shell.close(), printer.close()])
      .then(() => link.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
