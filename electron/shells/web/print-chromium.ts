import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { AppError } from '../../core/contract/errors';
import type { Printer } from '../../server/services/printing/printer';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ON_PATH = process.platform === 'win32' ? ['chromium.exe', 'chrome.exe'] : ['chromium', 'google-chrome'];

/** ARCHIVE_DESK_CHROMIUM, else Debian's /usr/bin/chromium, else the first chromium/google-chrome on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.ARCHIVE_DESK_CHROMIUM) return existsSync(env.ARCHIVE_DESK_CHROMIUM) ? env.ARCHIVE_DESK_CHROMIUM : null;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ON_PATH) if (existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

/**
 * The web shell's (and the tests') printer: a headless Chromium started on the first print and
 * kept, with one page, for the next ones: a new page costs more than the print itself, so prints
 * take turns on that page. The page runs no script and loads nothing: a form is one
 * self-contained document.
 */
export function chromiumPrinter(locate: () => string | null = findChromium): Printer {
  let page: Promise<Page> | null = null;
  let turn: Promise<unknown> = Promise.resolve();

  async function launch(): Promise<Page> {
    const executablePath = locate();
    if (!executablePath) throw new AppError('PRINTER_UNAVAILABLE');
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS }).catch((err: unknown) => {
      console.error('chromium could not be started for printing:', err);
      throw new AppError('PRINTER_UNAVAILABLE');
    });
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route('**/*', (route) => route.abort());
    return context.newPage();
  }

  async function print(html: string): Promise<Buffer> {
    if (!page) {
      const launching = launch();
      page = launching;
      // A failed start, or a browser that crashed or was killed, is started afresh by the next print.
      const forget = () => {
        if (page === launching) page = null;
      };
      launching.then((started) => started.context().browser()?.on('disconnected', forget), forget);
    }
    const ready = await page;
    await ready.setContent(html, { waitUntil: 'load' });
    return ready.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  }

  return {
    pdf(html) {
      const result = turn.then(() => print(html));
      turn = result.catch(() => undefined);
      return result;
    },
    async close() {
      const pending = page;
      page = null;
      const open = await pending?.catch(() => null);
      await open?.context().browser()?.close();
    },
  };
}
