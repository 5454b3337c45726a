import { app, BrowserWindow, ipcMain } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createDispatcher } from '../../server/dispatch';
import { handlerTable } from '../../server/handlers';
import { Runtime } from '../../server/runtime';
import { CALL_CHANNEL } from './channel';
import { electronPrinter } from './print-electron';
import { safeStorageProtector } from './safe-storage';
import { createMainWindow, hardenApp, isOwnFrame } from './window';

/**
 * Unpackaged, node_modules holds the addon built for Node (tests, web shell); `npm start` builds
 * an Electron-ABI copy into dist/native. A packaged app has its node_modules rebuilt by
 * electron-builder and needs none.
 */
function electronNativeBinding(appRoot: string): string | undefined {
  const built = join(appRoot, 'dist', 'native', 'better_sqlite3.node');
  return !app.isPackaged && existsSync(built) ? built : undefined;
}

function run(): void {
  const appRoot = app.getAppPath();
  const runtime = new Runtime({
    dataDir: join(app.getPath('userData'), 'data'),
    protector: safeStorageProtector,
    migrationsFolder: join(appRoot, 'db', 'migrations'),
    nativeBinding: electronNativeBinding(appRoot),
    printer: electronPrinter(),
  });
  const dispatch = createDispatcher(runtime, handlerTable);
  let win: BrowserWindow | null = null;

  ipcMain.handle(CALL_CHANNEL, (event, name: unknown, payload: unknown, handle: unknown) => {
    if (!isOwnFrame(event.senderFrame?.url, appRoot)) return { ok: false, error: { code: 'FORBIDDEN' } };
    return dispatch({ name, payload, handle });
  });

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    void runtime.printer.close();
    runtime.close();
  });

  void app.whenReady().then(() => {
    hardenApp();
    try {
      runtime.start();
    } catch (err) {
      console.error('archive could not be opened:', err);
    }
    runtime.startSchedule();
    win = createMainWindow(appRoot);
    win.on('closed', () => {
      win = null;
      // The hidden print window would otherwise keep 'window-all-closed' from ever firing.
      void runtime.printer.close();
    });
  });
}

// One archive, one writer: a second start focuses the window that is already open.
if (app.requestSingleInstanceLock()) run();
else app.quit();
