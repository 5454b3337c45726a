import { BrowserWindow, session } from 'electron';
import type { Printer } from '../../server/services/printing/printer';

/** Its own session, so the print window's request blocking never touches the app's own window. */
const PARTITION = 'archive-desk-print';

function createPrintWindow(): BrowserWindow {
  const printSession = session.fromPartition(PARTITION);
  // A form is one self-contained document: anything it would fetch is refused.
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }));
  return new BrowserWindow({
    show: false,
    webPreferences: {
      session: printSession,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

/**
 * The Electron app's printer: Chromium is already there, so a hidden window renders each form;
 * it is kept for the next print and prints take turns on it.
 */
export function electronPrinter(): Printer {
  let win: BrowserWindow | null = null;
  let turn: Promise<unknown> = Promise.resolve();

  async function load(html: string): Promise<BrowserWindow> {
    if (!win || win.isDestroyed()) win = createPrintWindow();
    // Base64 keeps Chinese text well under Chromium's 2 MB data-URL cap (percent-encoding triples it).
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return win;
  }

  /** The system dialog picks the printer and copies; a cancel is an answer (false), any other failure an error. */
  const dialog = (loaded: BrowserWindow) =>
    new Promise<boolean>((resolve, reject) => {
      loaded.webContents.print({ silent: false, printBackground: true, pageSize: 'A4' }, (success, failureReason) => {
        if (success || failureReason === 'cancelled') resolve(success);
        else reject(new Error(`print failed: ${failureReason}`));
      });
    });

  /** One form at a time on the one window: a second waits for the first (and its dialog) to finish. */
  function inTurn<T>(job: () => Promise<T>): Promise<T> {
    const result = turn.then(job);
    turn = result.catch(() => undefined);
    return result;
  }

  return {
    pdf: (html) => inTurn(async () => (await load(html)).webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true })),
    dialog: (html) => inTurn(async () => dialog(await load(html))),
    async close() {
      if (win && !win.isDestroyed()) win.destroy();
      win = null;
    },
  };
}
