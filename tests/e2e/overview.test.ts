import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addDays, localDate } from '../../electron/server/services/local-date';
import { launchChromium, newPage, seedArchive, startShell, type RunningShell } from './support/shell';
import { chartsStill } from './support/settle';
import { clickButton, SEED_OWN_PASSWORD, signInSeeded, signOut } from './support/ui';

let shell: RunningShell;
let browser: Browser;
let page: Page;
let work: string;
const changed = new Set<string>();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'archive-desk-overview-e2e-'));
  await seedArchive(join(work, 'data'), 60);
  [shell, browser] = await Promise.all([startShell(join(work, 'data')), launchChromium()]);
  page = await newPage(browser);
  page.setDefaultTimeout(30_000);
  await page.goto(shell.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  rmSync(work, { recursive: true, force: true });
  if (media) rmSync(media, { recursive: true, force: true });
});

const today = localDate();
let media = '';

/** A call as a desk makes it, for what the test sets up beside the screens it looks at. */
async function call<T>(handle: string | null, name: string, payload: unknown): Promise<T> {
  const res = await page.request.post(`${shell.url}api/${name}`, { data: { payload }, headers: handle ? { 'x-archive-session': handle } : {} });
  const result = (await res.json()) as { ok: boolean; value: T; error?: unknown };
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value;
}
/** A chart's card on the overview, by its title. */
const card = (title: string) => page.locator('.overview-card', { hasText: title });
/** The drawn marks of a chart (bars, slices) in one colour of its SVG. */
const marks = (title: string, fill: string) => card(title).locator(`svg path[fill="${fill}"]`);

test('the custodian records a damp reading in a new room: an incident for the manager', async () => {
  await signInSeeded(page, 'custodian', changed);
  await page.getByRole('menuitem', { name: '库位管理' }).click();
  await clickButton(page, '新建库房');
  await page.getByRole('dialog').getByLabel('名称').fill('一号库房');
  await page.keyboard.press('Enter');
  await page.getByText('已新建库房 一号库房').waitFor();
  await clickButton(page, '温湿度与安全记录');
  const form = page.locator('.ant-card', { hasText: '登记温湿度' });
  for (const [day, humidity] of [
    [addDays(today, -2), '52'],
    [addDays(today, -1), '55'],
    [today, '68'],
  ]) {
    await form.getByLabel('时间').fill(`${day} 09:00`);
    await form.getByLabel('温度').fill('19.5');
    await form.getByLabel('相对湿度').fill(humidity);
    await clickButton(page, '登记');
    await page.getByText(`已登记 ${day} 09:00 的温湿度`).waitFor();
  }
  // Two backup media: the USB drive takes a backup, the second disk is not plugged in.
  const handle = await call<{ handle: string }>(null, 'session-login', { username: 'custodian', password: SEED_OWN_PASSWORD });
  media = mkdtempSync(join(tmpdir(), 'archive-desk-overview-usb-'));
  await call(handle.handle, 'backup-settings-update', { folders: [media, join(media, '移动硬盘')], keep: 3, dailyAt: null, onClose: false });
  await call(handle.handle, 'backup-run', {});
  await signOut(page);
}, 120_000);

test('the manager lands on 概览: the open incident first, then the charts with their data', async () => {
  await signInSeeded(page, 'manager', changed);
  await page.waitForURL(/\/overview$/);
  await page.getByRole('heading', { name: '概览' }).waitFor();
  const incidents = page.locator('.overview-incidents');
  await incidents.getByText('库房安全事件 1 起待处理').waitFor();
  await incidents.getByText('一号库房 · 温湿度超出范围').waitFor();

  for (const title of [
    '近 12 个月借阅（按申请月份）',
    '档案盒状态',
    '各楼层档案盒（按租户所在楼层）',
    '未来 12 个月保管期满',
    '近 30 天库房温湿度（每日平均）',
  ])
    await card(title).locator('svg').first().waitFor();
  // Drawn with data: bars of loans, the in-stock slice, the room's line.
  await expect.poll(() => marks('近 12 个月借阅（按申请月份）', '#1677ff').count()).toBeGreaterThan(0);
  await expect.poll(() => marks('档案盒状态', '#52c41a').count()).toBe(2);
  await expect.poll(() => card('近 30 天库房温湿度（每日平均）').locator('svg path[stroke]').count()).toBeGreaterThan(2);
  // The USB drive backed up today (green), the unplugged disk never (red).
  const backups = '距上次成功备份的天数（按备份位置）';
  await card(backups).getByText('0 天').waitFor();
  await card(backups).getByText('从未成功').waitFor();
  await expect.poll(() => marks(backups, '#52c41a').count()).toBe(1);
  await expect.poll(() => marks(backups, '#f5222d').count()).toBe(1);
  // The incident is the first thing on the screen, above every chart.
  const incidentTop = (await incidents.boundingBox())!.y;
  const firstChartTop = (await page.locator('.overview-card').first().boundingBox())!.y;
  expect(incidentTop).toBeLessThan(firstChartTop);
  await chartsStill(page); // ECharts' entry animation
  await page.screenshot({ path: 'test-results/e2e-overview.png', fullPage: true });
}, 120_000);

test('a click on the in-stock slice opens the catalogue of boxes in stock', async () => {
  // The ring's first slice (in stock, the statuses' order) starts at twelve o'clock and runs clockwise:
  // a point just past twelve, midway across the ring (centred at 38 % × 50 %, radii 45–72 %).
  const chart = (await card('档案盒状态').locator('.overview-chart').boundingBox())!;
  const radius = (0.585 * Math.min(chart.width, chart.height)) / 2;
  const angle = (80 * Math.PI) / 180;
  await page.mouse.click(chart.x + chart.width * 0.38 + radius * Math.cos(angle), chart.y + chart.height / 2 - radius * Math.sin(angle));
  await page.waitForURL(/\/boxes\?status=in_stock$/);
  await page.locator('.ant-table-row').first().waitFor();
  await expect.poll(() => page.locator('.ant-table-row').allInnerTexts()).not.toContainEqual(expect.stringContaining('借出'));
}, 60_000);

test('a click on a month’s bar opens the loans requested in that month', async () => {
  await page.getByRole('menuitem', { name: '概览' }).click();
  const bars = marks('近 12 个月借阅（按申请月份）', '#1677ff');
  await expect.poll(() => bars.count()).toBeGreaterThan(0);
  await chartsStill(page);
  // The tallest bar (a month without loans draws one of no height).
  const boxes = await Promise.all((await bars.all()).map((bar) => bar.boundingBox()));
  const tallest = boxes.reduce((best, box) => (box && box.height > (best?.height ?? 0) ? box : best), null as (typeof boxes)[number]);
  await page.mouse.click(tallest!.x + tallest!.width / 2, tallest!.y + tallest!.height / 2);
  await page.waitForURL(/\/lending\?from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}$/);
  // The app routes in the hash: #/lending?from=…&to=…
  const query = new URLSearchParams(page.url().split('?')[1]);
  const [from, to] = [query.get('from'), query.get('to')];
  await page.getByText(`申请日期 ${from} 至 ${to}`).waitFor();
  await page.locator('.ant-table-row').first().waitFor();
}, 60_000);

test('the room line and the incident lead to the room’s readings', async () => {
  await page.getByRole('menuitem', { name: '概览' }).click();
  await page.locator('.overview-incidents').getByRole('link', { name: '去处理' }).click();
  await page.waitForURL(/\/locations\/conditions\?room=\d+$/);
  await page.getByText(/^共 \d+ 条：温度/).waitFor();
}, 60_000);

test('an empty archive: the manager is told what to do first, not shown empty axes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'archive-desk-overview-empty-'));
  await seedArchive(join(dir, 'data'), 0);
  const empty = await startShell(join(dir, 'data'));
  const desk = await newPage(browser);
  desk.setDefaultTimeout(30_000);
  try {
    await desk.goto(empty.url);
    await signInSeeded(desk, 'manager', new Set());
    await desk.waitForURL(/\/overview$/);
    await desk.getByText('档案库里还没有档案盒').waitFor();
    await desk.getByText('库房没有待处理的安全事件').waitFor();
    // Only the figures that need no boxes: the backup media and the rooms, each saying why it is empty.
    await desk.getByText('尚未设置备份位置').waitFor();
    await desk.getByText('还没有库房').waitFor();
    expect(await desk.locator('.overview-chart').count()).toBe(0);
    await desk.screenshot({ path: 'test-results/e2e-overview-empty.png', fullPage: true });
  } finally {
    await desk.context().close();
    await empty.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
