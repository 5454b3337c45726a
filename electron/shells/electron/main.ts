import { app, type BrowserWindow, ipcMain } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ClientConnectInput } from '../../core/contract/client';
import { CALL_CHANNEL, CHANGED_CHANNEL } from './channel';
import { electronDataDir } from '../../server/data-paths';
import { electronHostClient, readHostConfig } from './host-client';
import { openHostWindow } from './host-window';
import { electronPrinter } from './print-electron';
import { safeStorageProtector } from './safe-storage';
import { startServerProcess, type ServerProcess } from './server-process';
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

/**
 * Main keeps the window, the OS keychain and printing; the runtime, the dispatcher and the
 * database run in the server process (server.cjs beside this bundle), which main only relays to.
 */
function run(): void {
  const appRoot = app.getAppPath();
  const printer = electronPrinter();
  let server: ServerProcess | null = null;
  let win: BrowserWindow | null = null;
  let serverStopped = false;

  ipcMain.handle(CALL_CHANNEL, (event, name: unknown, payload: unknown, handle: unknown) => {
    if (!isOwnFrame(event.senderFrame?.url, appRoot)) return { ok: false, error: { code: 'FORBIDDEN' } };
    if (!server) return { ok: false, error: { code: 'NOT_READY' } };
    return server.call({ name, payload, handle });
  });

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Quitting waits for the server's on-close work (the day's backup), then quits for real.
  app.on('before-quit', (event) => {
    void printer.close();
    if (serverStopped || !server) return;
    event.preventDefault();
    void server.stop().then(() => {
      serverStopped = true;
      app.quit();
    });
  });

  /** This PC becomes a desk of another's archive: its pages replace ours, our server (with no archive) ends. */
  const becomeDesk = (config: ClientConnectInput, userData: string) => {
    const own = win;
    win = openHostWindow(config, userData);
    own?.destroy();
    const stopping = server?.stop();
    server = null;
    void stopping?.then(() => (serverStopped = true));
  };

  void app.whenReady().then(() => {
    hardenApp();
    const userData = app.getPath('userData');
    const host = readHostConfig(userData);
    if (host) {
      win = openHostWindow(host, userData);
      return;
    }
    // safeStorage answers only once the app is ready: the server is started after that.
    server = startServerProcess(
      join(__dirname, 'server.cjs'),
      {
        dataDir: electronDataDir(userData),
        migrationsFolder: join(appRoot, 'db', 'migrations'),
        nativeBinding: electronNativeBinding(appRoot),
        rendererDir: join(appRoot, 'dist', 'renderer'),
      },
      { protector: safeStorageProtector, printer, hostClient: electronHostClient(userData, (config) => becomeDesk(config, userData)) },
      // The window refetches what a write changed (its own, or a desk's on the network).
      (topics) => {
        if (win && !win.isDestroyed()) win.webContents.send(CHANGED_CHANNEL, topics);
      },
    );
    const own = createMainWindow(appRoot);
    win = own;
    own.on('closed', () => {
      if (win === own) win = null;
      // The hidden print window would otherwise keep 'window-all-closed' from ever firing.
      void printer.close();
    });
  });
}

// One archive, one writer: a second start focuses the window that is already open.
if (app.requestSingleInstanceLock()) run();
else app.quit();
