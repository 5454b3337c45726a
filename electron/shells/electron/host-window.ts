import { type BrowserWindow, Menu, app, dialog, session } from 'electron';
import type { ClientConnectInput } from '../../core/contract/client';
import { forgetHostConfig } from './host-client';
import { loadFailure, pinnedVerifier } from './host-pin';
import { createWindow } from './window';

/** Forget the host and start again as a PC of its own (the first-run screen). */
function disconnect(userData: string): void {
  forgetHostConfig(userData);
  app.relaunch();
  app.exit(0);
}

/**
 * The desktop app as a desk of another PC's archive: the host's own pages in a window without the
 * preload (they talk to the host over HTTPS like any browser desk), the host's certificate pinned.
 */
export function openHostWindow(config: ClientConnectInput, userData: string): BrowserWindow {
  let changedTo: string | null | undefined;
  session.defaultSession.setCertificateVerifyProc(pinnedVerifier(config, (seen) => (changedTo = seen)));
  const win = createWindow();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      {
        label: '档案主机',
        submenu: [
          { label: '重新载入', accelerator: 'F5', click: () => void win.loadURL(config.url) },
          {
            label: '断开此主机，回到本机…',
            click: () => {
              const choice = dialog.showMessageBoxSync(win, {
                type: 'question',
                message: '断开档案主机？',
                detail: `本电脑将不再连接 ${config.url}，并回到首次运行的界面。档案主机上的数据不受影响。`,
                buttons: ['断开', '取消'],
                defaultId: 1,
                cancelId: 1,
              });
              if (choice === 0) disconnect(userData);
            },
          },
          { type: 'separator' },
          { role: 'quit', label: '退出' },
        ],
      },
    ]),
  );
  win.webContents.on('did-fail-load', (_event, _code, _description, _url, isMainFrame) => {
    if (!isMainFrame) return;
    const { message, detail } = loadFailure(changedTo, config.url);
    changedTo = undefined;
    win.show();
    const choice = dialog.showMessageBoxSync(win, { type: 'warning', message, detail, buttons: ['重试', '断开此主机', '退出'], defaultId: 0, cancelId: 2 });
    if (choice === 0) void win.loadURL(config.url);
    else if (choice === 1) disconnect(userData);
    else app.quit();
  });
  void win.loadURL(config.url);
  return win;
}
