import { BrowserWindow, app, session, type WebContents } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const rendererIndex = (appRoot: string) => join(appRoot, 'dist', 'renderer', 'index.html');

/**
 * Only our own page may talk to main: a frame from anywhere else is not the renderer we built.
 * The file is compared, not the URL's spelling: Chromium and Node percent-encode an install path
 * (C:\Users\张 三\…) by different rules.
 */
export function isOwnFrame(url: string | undefined, appRoot: string): boolean {
  if (url === undefined) return false;
  try {
    const page = new URL(url);
    if (page.protocol !== 'file:' || page.host !== '' || page.search !== '') return false;
    page.hash = '';
    return fileURLToPath(page) === rendererIndex(appRoot);
  } catch {
    return false;
  }
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenApp(): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

/**
 * The app's window: our own renderer with the preload, or (no preload) a host's pages, which speak
 * HTTPS to their host like any browser desk and never reach main.
 */
export function createWindow(preload?: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    title: '档案前台 Archive Desk',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      // A middle click on a link would open a window; navigation is refused anyway (lockDown).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('before-input-event', (_event, input) => {
    if (input.type === 'keyDown' && input.key === 'F12' && !app.isPackaged) win.webContents.toggleDevTools();
  });
  return win;
}

export function createMainWindow(appRoot: string): BrowserWindow {
  const win = createWindow(join(appRoot, 'dist', 'electron', 'preload.cjs'));
  void win.loadFile(rendererIndex(appRoot));
  return win;
}
