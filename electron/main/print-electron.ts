import { BrowserWindow, session } from 'electron';
import type { Printer } from '../services/printing/printer';

/** Its own session, so the print window's request blocking never touches the app's own window. */
const PARTITION = 'archive-desk-print';

function createPrintWindow(): BrowserWindow {
  const printSession = session.fromPartition(PARTITION);
  // A form is one self-contained document: anything it would fetch is refused.
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }));
  return new BrowserWindow({
    show: false,
    webPreferences: { session: printSession, sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, spellcheck: false, disableBlinkFeatures: 'Auxclick' },
  });
}

/**
 * The Electron app's printer: Chromium is already there, so a hidden window renders each form;
 * it is kept for the next print and prints take turns on it.
 */
export function electronPrinter(): Printer {
  let win: BrowserWindow | null = null;
  let turn: Promise<unknown> = Promise.resolve();

  async function print(html: string): Promise<Buffer> {
    if (!win || win.isDestroyed()) win = createPrintWindow();
    // Base64 keeps Chinese text well under Chromium's 2 MB data-URL cap (percent-encoding triples it).
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  }

  return {
    pdf(html) {
      const result = turn.then(() => print(html));
      turn = result.catch(() => undefined);
      return result;
    },
    async close() {
      if (win && !win.isDestroyed()) win.destroy();
      win = null;
    },
  };
}
