import type { Page } from 'playwright-core';

/** The long-lived event stream is always open; every other API call is work a screen waits on. */
const isApiCall = (url: string) => url.includes('/api/') && !url.includes('/api/events');

const pendingByPage = new WeakMap<Page, Set<unknown>>();

/** Counts the page's API calls in flight from now on: settled() waits for none. */
export function trackApiCalls(page: Page): void {
  const pending = new Set<unknown>();
  pendingByPage.set(page, pending);
  page.on('request', (request) => {
    if (isApiCall(request.url())) pending.add(request);
  });
  page.on('requestfinished', (request) => pending.delete(request));
  page.on('requestfailed', (request) => pending.delete(request));
}

// These run in the page (page.evaluate sends their source), so none may call another.
/** Does CSS motion (antd's) that will end play in this frame? A spinner's endless turn does not count. */
const moving = () => document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY);

/** Is a list or detail still loading: a spinner or skeleton on screen? */
const loading = () => document.querySelector('.ant-spin-spinning, .ant-skeleton-active') !== null;

/** Two frames: a hash change or a response has been rendered and its effects (the next queries) have started. */
const frames = () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))));

/** Every two frames asks `quiet()` until it says so twice in a row; fails with `stillBusy()` after `timeout` ms. */
async function quietTwice(page: Page, quiet: () => Promise<boolean>, stillBusy: () => string, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  for (let quietRounds = 0; quietRounds < 2; ) {
    if (Date.now() > deadline) throw new Error(stillBusy());
    await page.evaluate(frames);
    quietRounds = (await quiet()) ? quietRounds + 1 : 0;
  }
}

/**
 * Waits until the screen stops changing: its API calls answered, no spinner, no opening or closing
 * motion, and still so over two frames in a row (a first answer may start a second query).
 */
export async function settled(page: Page, timeout = 15_000): Promise<void> {
  const pending = pendingByPage.get(page);
  if (!pending) throw new Error('settled(page) needs trackApiCalls(page) when the page was opened');
  await quietTwice(
    page,
    async () => pending.size === 0 && !(await page.evaluate(loading)) && !(await page.evaluate(moving)),
    () => `the page did not settle in ${timeout} ms (${pending.size} API calls open)`,
    timeout,
  );
}

/** Waits until no antd motion (a drawer sliding in, a popover fading) is playing, over two frames in a row. */
export async function motionEnded(page: Page, timeout = 15_000): Promise<void> {
  await quietTwice(
    page,
    async () => !(await page.evaluate(moving)),
    () => `the page was still moving after ${timeout} ms`,
    timeout,
  );
}

/** ECharts animates in SVG it redraws each frame (no CSS animation to ask): waits until the charts' drawing stays the same. */
export async function chartsStill(page: Page, timeout = 15_000): Promise<void> {
  const drawing = () => page.evaluate(() => [...document.querySelectorAll('.overview-chart svg')].map((svg) => svg.innerHTML).join('\n'));
  let last = await drawing();
  await quietTwice(
    page,
    async () => {
      const now = await drawing();
      const same = now === last;
      last = now;
      return same;
    },
    () => `the charts were still moving after ${timeout} ms`,
    timeout,
  );
}
