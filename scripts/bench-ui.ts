// The catalogue screen in Chromium over the seeded database, through the built web shell: time
// from opening the screen to its first rows, then scrolling to the end page by page while every
// animation frame's length is recorded in the page.
import { chromium } from 'playwright-core';
import { startBuiltShell } from './bench-shell';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ROW = '.catalogue-box-table .ant-table-row';

export interface UiFigures {
  firstRowsMs: number[];
  /** The id of the last row shown: 1 when the scroll got to the oldest box. */
  lastRowId: number;
  scrollSeconds: number;
  reachedEnd: boolean;
  maxFrameMs: number;
  framesOver50: number;
  frames: number;
}

export async function benchCatalogueUi(dataDir: string, options: { opens: number; scrollBudgetSeconds: number; password: string }): Promise<UiFigures> {
  const shell = await startBuiltShell(dataDir, [], /Open: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/, 60_000);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' })).newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(shell.address);
    // admin: made by setup with its own password; accounts an admin creates must change theirs first.
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码', { exact: true }).fill(options.password);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '用户菜单' }).waitFor();

    // Opening the screen: from the route change to the first row painted, measured in the page.
    // The first open also loads the screen's code; each later one asks for a list not seen yet
    // (another filter), so every sample waits for a real first page from the database.
    const firstRowsMs: number[] = [];
    const lists = ['', '?kind=tenant', '?status=in_stock', '?floor=L1', '?kind=personnel', '?floor=B1', '?status=on_loan'];
    for (let i = 0; i < Math.min(options.opens + 1, lists.length); i++) {
      await page.evaluate(() => (location.hash = '#/owners')); // away from the catalogue (the start page)
      await page.waitForTimeout(300);
      // Page scripts are strings: tsx would wrap named functions in a helper the page lacks.
      const ms = await page.evaluate<number>(`new Promise((resolve) => {
        const start = performance.now();
        location.hash = '#/boxes${lists[i]}';
        const poll = () => (document.querySelector('${ROW}') ? requestAnimationFrame(() => resolve(performance.now() - start)) : requestAnimationFrame(poll));
        poll();
      })`);
      firstRowsMs.push(ms);
    }

    // Scroll to the end of the whole catalogue: jump to the bottom of what is loaded, let the next page come, repeat.
    await page.evaluate(() => (location.hash = '#/boxes'));
    await page.locator(ROW).first().waitFor();
    await page.evaluate(`(() => {
      window.frames_ = [];
      let last = performance.now();
      const tick = (now) => {
        window.frames_.push(now - last);
        last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    const started = Date.now();
    let reachedEnd = false;

    while ((Date.now() - started) / 1000 < options.scrollBudgetSeconds) {
      const state = await page.evaluate(() => {
        const holder = document.querySelector<HTMLElement>('.catalogue-box-table .ant-table-body');
        if (!holder) return { height: 0, atEnd: false };
        holder.scrollTop = holder.scrollHeight;
        holder.dispatchEvent(new Event('scroll'));
        return { height: holder.scrollHeight, atEnd: false };
      });
      // The end: nothing more came for 10 s (a slow page under load is not the end).
      await page
        .waitForFunction(
          (h) => {
            const holder = document.querySelector<HTMLElement>('.catalogue-box-table .ant-table-body');
            if (!holder || holder.scrollHeight > h) return true;
            // The list can still be settling under the first jump (the view put back to the top): jump again.
            holder.scrollTop = holder.scrollHeight;
            return false;
          },
          state.height,
          { timeout: 10_000 },
        )
        .catch(() => (reachedEnd = true));
      if (reachedEnd) break;
    }
    const lastRowId = await page.evaluate(() => {
      const rows = [...document.querySelectorAll<HTMLElement>('.catalogue-box-table .ant-table-row')];
      return rows.length ? Number(rows[rows.length - 1].getAttribute('data-row-key')) : 0;
    });
    const scrollSeconds = (Date.now() - started) / 1000;
    const frames = await page.evaluate(() => (window as unknown as { frames_: number[] }).frames_.slice(1));
    return {
      firstRowsMs,
      lastRowId,
      scrollSeconds,
      reachedEnd,
      maxFrameMs: Math.max(...frames),
      framesOver50: frames.filter((f) => f > 50).length,
      frames: frames.length,
    };
  } finally {
    await browser.close();
    await shell.stop();
  }
}
