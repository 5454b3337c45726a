import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { machineKeyProtector } from '../../db/machine-key';
import { dataPathsUnder, defaultDataPaths } from '../data-paths';
import { createDispatcher } from '../dispatch';
import { handlerTable } from '../handlers';
import { publishUrl } from '../instance-lock';
import { Runtime } from '../runtime';
import { chromiumPrinter } from './print-chromium';
import { startWebShell, type WebShellOptions } from './server';

const DEFAULT_PORT = 5199;

/** The usual port when free, so the address stays the same from day to day; any free port otherwise. */
async function listen(options: WebShellOptions) {
  try {
    return await startWebShell({ ...options, port: options.port ?? DEFAULT_PORT });
  } catch {
    return startWebShell({ ...options, port: 0 });
  }
}

/** `npm run web`: built to dist/web/main.cjs, so the app root is two folders up. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, data: { type: 'string' } } });
  const appRoot = resolve(__dirname, '..', '..');
  const paths = values.data ? dataPathsUnder(resolve(values.data)) : defaultDataPaths();
  const runtime = new Runtime({ dataDir: paths.dataDir, protector: machineKeyProtector(paths.machineKey), migrationsFolder: resolve(appRoot, 'db', 'migrations'), printer: chromiumPrinter() });
  const status = runtime.start();
  // One archive, one writer: a second start points to the page the first one serves.
  if (status.fault?.code === 'ALREADY_RUNNING') {
    const { pid, url } = status.fault.params ?? {};
    console.error(`档案前台已在运行（进程 ${pid}），请打开：${url ?? '已打开的窗口'}`);
    console.error(`Archive Desk is already running (process ${pid}) on this data folder: ${url ?? 'use the window already open'}`);
    process.exit(1);
  }
  runtime.startSchedule();
  const shell = await listen({
    dispatch: createDispatcher(runtime, handlerTable),
    rendererDir: resolve(appRoot, 'dist', 'renderer'),
    port: values.port === undefined ? undefined : Number(values.port),
  });
  console.log(`Archive Desk web shell (${status.state}), data in ${paths.dataDir}`);
  console.log(`Open: ${shell.url}`);
  publishUrl(paths.dataDir, shell.url);
  const stop = () => {
    void Promise.allSettled([shell.close(), runtime.printer.close()]).finally(() => {
      runtime.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
