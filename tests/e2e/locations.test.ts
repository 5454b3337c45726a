import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openSeededDesk } from './support/seeded-desk';
import type { E2eApp } from './support/shell';
import { buttonName, clickButton, setUpCabinets, signInSeeded, signOut, tableRow } from './support/ui';

let desk: E2eApp;
let page: Page;

beforeAll(async () => {
  desk = await openSeededDesk(60, 'custodian');
  page = desk.page;
}, 120_000);

afterAll(() => desk?.close());

let boxCode = '';
let otherCode = '';

test('the custodian sets up a room and cabinet C-01 of 5 shelves × 8 positions', async () => {
  // Two boxes to shelve later: the codes of the catalogue's first rows.
  await page.getByRole('menuitem', { name: '档案目录' }).click();
  await page.locator('.ant-table-row').first().waitFor();
  const codes = (await page.locator('.ant-table-row').allInnerTexts()).map((row) => /[A-Z]{2}-\d{4}-\d{4}/.exec(row)?.[0] ?? '');
  [boxCode, otherCode] = codes;
  expect(boxCode).toMatch(/^[A-Z]{2}-\d{4}-\d{4}$/);
  expect(otherCode).toMatch(/^[A-Z]{2}-\d{4}-\d{4}$/);

  await setUpCabinets(page, '一号库房', 'C-01', 1, 5, 8);
  await page.getByRole('tree').getByText('C-01').click();
  const grid = page.getByRole('table', { name: '一号库房 › C-01 各位' });
  await expect.poll(() => grid.locator('.grid-cell').count()).toBe(40);
  await expect.poll(() => page.getByText('5 层 · 已占用 0 位 · 空 40 位').count()).toBe(1);
});

test('a scan of the box, then of a position label, shelves it there and the grid shows it', async () => {
  const cell = (shelf: number, position: number) =>
    page
      .getByRole('table', { name: /各位$/ })
      .locator('tr')
      .nth(shelf - 1)
      .locator('.grid-cell')
      .nth(position - 1);
  // The label's barcode holds the position's code; the test reads it where the label printer does.
  const positionCode = (await cell(2, 5).getAttribute('data-position')) ?? '';
  expect(positionCode).toMatch(/^KW-\d{6}$/);

  const scan = page.getByLabel('扫码');
  await scan.fill(boxCode);
  await scan.press('Enter');
  await expect.poll(() => page.getByText(`第 2 步：扫描要放入的库位标签（档案 ${boxCode}）`).count()).toBe(1);
  await scan.fill(positionCode);
  await scan.press('Enter');
  await expect.poll(() => page.getByRole('status').textContent()).toBe(`${boxCode} 已放到 一号库房 › C-01 › 第2层 › 05`);
  await expect.poll(() => cell(2, 5).textContent()).toContain(boxCode);
  await expect.poll(() => cell(2, 5).getAttribute('class')).toMatch(/occupied/);
  await expect.poll(() => page.getByText('5 层 · 已占用 1 位 · 空 39 位').count()).toBe(1);
  // The scanner input is ready for the next box.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('扫码');
  await page.screenshot({ path: 'test-results/e2e-locations-grid.png', fullPage: true });

  // The position is taken now: a second box scanned onto it is refused in Chinese and nothing moves.
  await scan.fill(otherCode);
  await scan.press('Enter');
  await scan.fill(positionCode);
  await scan.press('Enter');
  await expect.poll(() => page.getByRole('status').textContent()).toBe(`位置 一号库房 › C-01 › 第2层 › 05 已放有档案 ${boxCode}，请换一个空位`);
  await expect.poll(() => cell(2, 5).textContent()).not.toContain(otherCode);
  // A code that is no position label is named back.
  await scan.fill(otherCode);
  await scan.press('Enter');
  await scan.fill('C-01-2-5');
  await scan.press('Enter');
  await expect.poll(() => page.getByRole('status').textContent()).toBe('库位“C-01-2-5”不存在，请先在库位管理中建立，或扫描库位标签上的条码');

  // The box page shows the full path and the move in its history.
  await cell(2, 5).getByText(boxCode).click();
  await expect.poll(() => page.getByText('一号库房 › C-01 › 第2层 › 05').count()).toBeGreaterThan(0);
  await expect.poll(() => page.getByText('扫码上架').count()).toBeGreaterThan(0);
});

test('the dry run of converting the old free-text places lists what it will make', async () => {
  await page.getByRole('menuitem', { name: '库位管理' }).click();
  await clickButton(page, '旧位置转入');
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.getByText(/盒档案的位置将转入库位表/).count()).toBe(1);
  await expect.poll(() => tableRow(page, '档案柜').count()).toBeGreaterThan(0);
  await expect.poll(() => dialog.getByRole('button', { name: /执行转入（\d+ 盒）/ }).isEnabled()).toBe(true);
  await page.screenshot({ path: 'test-results/e2e-locations-convert.png', fullPage: true });
  await dialog
    .getByRole('button', { name: '取 消' })
    .or(dialog.getByRole('button', { name: '取消' }))
    .first()
    .click();
});

test('an impossible reading is refused, a damp one opens an incident the manager sees on every screen and closes', async () => {
  await page.getByRole('menuitem', { name: '库位管理' }).click();
  await clickButton(page, '温湿度与安全记录');
  await page.getByText(/JGJ 25-2010《档案馆建筑设计规范》/).waitFor();
  const form = page.locator('.ant-card', { hasText: '登记温湿度' });
  await form.getByLabel('时间').fill('2026-03-05 09:00');
  await form.getByLabel('温度').fill('-300');
  await form.getByLabel('相对湿度').fill('150');
  await clickButton(page, '登记');
  await form.getByText('温度应在 -40 至 60 °C 之间，请核对读数').waitFor();
  await form.getByText('相对湿度应在 0 至 100 % 之间，请核对读数').waitFor();

  await form.getByLabel('温度').fill('19.5');
  await form.getByLabel('相对湿度').fill('68');
  await clickButton(page, '登记');
  await page.getByText('已登记 2026-03-05 09:00 的温湿度：超出范围，已报告部门经理').waitFor();
  await page.locator('input[aria-label="月份"]').fill('2026-03');
  await page.getByText('共 1 条：温度 19.5–19.5 °C，相对湿度 68–68 %，超出范围 1 条').waitFor();
  await page.screenshot({ path: 'test-results/e2e-room-conditions.png', fullPage: true });

  await signOut(page);
  await signInSeeded(page, 'manager', new Set());
  const banner = page.getByRole('link', { name: /库房安全事件 1 起待处理：/ });
  await expect.poll(() => banner.textContent()).toContain('温湿度超出范围');
  await banner.click();
  await clickButton(page, '处理完毕');
  await page.getByRole('dialog').getByLabel('处理情况').fill('开启除湿机，次日复测 52 %');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: buttonName('保存') })
    .click();
  // The dialog gone first: its own text field holds the same words.
  await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 15_000 });
  await page.getByText('开启除湿机，次日复测 52 %').waitFor();
  await page.getByRole('menuitem', { name: '档案目录' }).click();
  await expect.poll(() => page.getByRole('link', { name: /库房安全事件/ }).count()).toBe(0);
});
