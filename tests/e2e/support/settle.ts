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

// Both run in the page (page.evaluate sends their source), so neither may call the other.
/** Does CSS motion (antd's) that will end play in this frame? A spinner's endless turn does not count. */
const moving = () => document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY);

/** Is the page quiet in this frame: no spinner or skeleton, and no motion that will end. */
const still = () =>
  !document.querySelector('.ant-spin-spinning, .ant-skeleton-active') &&
  !document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY);

/** Two frames: a hash change or a response has been rendered and its effects (the next queries) have started. */
const frames = () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))));

/**
 * Waits until the screen stops changing: its API calls answered, no spinner, no opening or closing
 * motion, and still so over two frames in a row (a first answer may start a second query).
 */
export async function settled(page: Page, timeout = 15_000): Promise<void> {
  const pending = pendingByPage.get(page);
  if (!pending) throw new Error('settled(page) needs trackApiCalls(page) when the page was opened');
  const deadline = Date.now() + timeout;
  for (let quietRounds = 0; quietRounds < 2; ) {
    if (Date.now() > deadline) throw new Error(`the page did not settle in ${timeout} ms (${pending.size} API calls open)`);
    await page.evaluate(frames);
    const quiet = pending.size === 0 && (await page.evaluate(still));
    quietRounds = quiet ? quietRounds + 1 : 0;
  }
}

/** Waits until no antd motion (a drawer sliding in, a popover fading) is playing, over two frames in a row. */
export async function motionEnded(page: Page, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (let quietRounds = 0; quietRounds < 2; ) {
    if (Date.now() > deadline) throw new Error(`the page was still moving after ${timeout} ms`);
    await page.evaluate(frames);
    quietRounds = (await page.evaluate(moving)) ? 0 : quietRounds + 1;
  }
}
