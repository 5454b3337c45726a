import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, newPage, removeData, startShell, type RunningShell } from './support/shell';
import type { Browser } from 'playwright-core';

/** The web shell's address without its #token (typed by hand, or an old one): the screen says what to open instead. */
let shell: RunningShell;
let browser: Browser;

beforeAll(async () => {
  [shell, browser] = await Promise.all([startShell(undefined, { via: 'loopback' }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  if (shell) removeData(shell);
});

const origin = () => new URL(shell.url).origin;

test('the address without #token: says it is incomplete and where the full one is printed, no role refusal', async () => {
  const page = await newPage(browser);
  await page.goto(`${origin()}/`);
  await expect.poll(() => page.getByText('网址不完整').count()).toBe(1);
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's locator; the text as the page shows it
  const text = await page.locator('body').innerText();
  expect(text).toContain('启动档案前台的终端');
  expect(text).toContain(`${origin()}/#token=`);
  expect(text).toContain('主机上显示的网址');
  expect(text).not.toContain('您的角色无权进行此操作');
  expect(await page.getByRole('button', { name: /重\s*试/ }).count()).toBe(0);
});

test('an address whose token the shell refuses (from an earlier run): says the address is out of date', async () => {
  const page = await newPage(browser);
  await page.goto(`${origin()}/#token=from-an-earlier-run`);
  await expect.poll(() => page.getByText('网址已失效').count()).toBe(1);
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's locator; the text as the page shows it
  const text = await page.locator('body').innerText();
  expect(text).toContain('启动档案前台的终端');
  expect(text).not.toContain('您的角色无权进行此操作');
});

test('the full address still opens the archive', async () => {
  const page = await newPage(browser);
  await page.goto(shell.url);
  await expect.poll(() => page.getByLabel('站点名称').count()).toBe(1);
});
