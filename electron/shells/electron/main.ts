import { app, type BrowserWindow, dialog, ipcMain, session } from 'electron';
import { autoUpdater } from 'electron-updater';
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
import { pinnedVerifier } from './host-pin';
import { DesktopUpdates } from './updates';
import type { UpdaterState } from '../../core/contract/updates';

/** electron-updater's own session (electron-updater's NET_SESSION_NAME): where a desk pins its host's certificate. */
const UPDATER_PARTITION = 'electron-updater';

/** A desk shows the host's pages, which cannot reach main: it asks with a message box instead. */
function askDesk(win: BrowserWindow, state: UpdaterState): 'now' | 'quit' {
  const choice = dialog.showMessageBoxSync(win, {
    type: 'info',
    message: `新版本 ${state.version ?? ''} 已下载`,
    detail: `退出并安装：现在关闭档案前台并安装，装好后自动重新打开。\n稍后：下次退出档案前台时安装。\n\nVersion ${state.version ?? ''} has been downloaded: install it now, or when the app next quits.`,
    buttons: ['退出并安装', '稍后'],
    defaultId: 0,
    cancelId: 1,
  });
  return choice === 0 ? 'now' : 'quit';
}

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
  let desk = false;
  let asked = false;
  const updates = new DesktopUpdates(autoUpdater, {
    changed: (state) => {
      if (!desk) {
        if (win && !win.isDestroyed()) win.webContents.send(CHANGED_CHANNEL, ['update']);
      } else if (win && state.phase === 'downloaded' && !state.agreed && !asked) {
        asked = true;
        void updates.install(askDesk(win, state));
      }
    },
    // The server's on-close work (the day's backup) ends before the installer starts.
    quitAndInstall: () =>
      void (server?.stop() ?? Promise.resolve()).then(() => {
        serverStopped = true;
        updates.quitAndInstall();
      }),
  });

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
  // An update someone agreed to is installed as the app ends, after the server stopped.
  app.on('quit', () => {
    updates.installAtQuit();
    void updates.close();
  });
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
      // A desk updates from its host (/updates/), whose certificate is the one the user compared.
      desk = true;
      session.fromPartition(UPDATER_PARTITION, { cache: false }).setCertificateVerifyProc(pinnedVerifier(host, () => undefined));
      void updates.check({ kind: 'host', url: host.url });
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
      { protector: safeStorageProtector, printer, hostClient: electronHostClient(userData, (config) => becomeDesk(config, userData)), updater: updates },
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
