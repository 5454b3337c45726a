import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { code128, pageSizesMm, pdfPages } from '../support/barcodes';
import { openSeededDesk } from './support/seeded-desk';
import type { E2eApp } from './support/shell';
import { clickButton, pick } from './support/ui';

const NEW_CODE = 'ZH-2026-0901';

let desk: E2eApp;
let page: Page;
/** Where the printed PDFs are taken apart. */
let work: string;
let oldCode = '';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'archive-desk-codes-e2e-'));
  desk = await openSeededDesk(30, 'custodian');
  page = desk.page;
}, 120_000);

afterAll(async () => {
  await desk?.close();
  rmSync(work, { recursive: true, force: true });
});

const heading = () => page.locator('.cat-box-code');

test('the custodian changes a box code with a reason; the box page keeps the old one', async () => {
  await page.getByRole('menuitem', { name: '档案目录' }).click();
  const first = page.locator('.ant-table-row').first();
  await first.waitFor();
  oldCode = /[A-Z]{2}-\d{4}-\d{4}/.exec((await first.textContent()) ?? '')?.[0] ?? '';
  expect(oldCode).toMatch(/^[A-Z]{2}-\d{4}-\d{4}$/);
  await first.click();
  await expect.poll(() => heading().textContent()).toBe(oldCode);

  await clickButton(page, '更改档号');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('新档号').fill(NEW_CODE);
  // Without a reason the change is refused under the field, nothing saved.
  await dialog.getByRole('button', { name: /确认更改/ }).click();
  await dialog
    .locator('.ant-form-item', { has: page.getByLabel('更改原因') })
    .getByText('必填')
    .waitFor();
  expect(await heading().textContent()).toBe(oldCode);
  await dialog.getByLabel('更改原因').fill('与另一卷档号重复，按编号规则重编');
  await dialog.getByRole('button', { name: /确认更改/ }).click();
  await expect.poll(() => heading().textContent()).toBe(NEW_CODE);
  await expect.poll(() => page.locator('.cat-former-codes').textContent()).toContain(`${oldCode}（`);
});

test('the catalogue search and the scan box find it by the old code and say what it is now', async () => {
  const now = `原档号 ${oldCode}，现为 ${NEW_CODE}`;
  await page.getByRole('menuitem', { name: '档案目录' }).click();
  await page.getByPlaceholder(/搜索编号/).fill(oldCode);
  await page.locator('.cat-former-code-match', { hasText: now }).waitFor();
  await expect.poll(() => page.locator('.ant-table-row').allInnerTexts()).toEqual([expect.stringContaining(NEW_CODE)]);

  await page.getByRole('menuitem', { name: '档案目录' }).click();
  const scan = page.getByLabel('扫描或输入档案编号');
  await scan.fill(oldCode);
  await scan.press('Enter');
  await page.getByText(now).first().waitFor();
  await expect.poll(() => heading().textContent()).toBe(NEW_CODE);
});

test('a 60 × 40 mm roll label prints from the box page with the fading notice, and its bars read at 203 dpi', async () => {
  await clickButton(page, '打印标签');
  const popover = page.locator('.ant-popover:visible');
  await pick(page, popover, '标签规格', '60×40 毫米卷筒标签');
  await popover.getByText(/直热式热敏/).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), popover.getByRole('button', { name: /生成 PDF/ }).click()]);
  expect(download.suggestedFilename()).toBe(`档案盒标签（60×40 毫米卷筒标签）-${NEW_CODE}.pdf`);
  const pdf = readFileSync((await download.path())!);
  expect(pageSizesMm(pdf, work)).toEqual(['60x40']);
  expect(pdfPages(pdf, 203, work).map((p) => code128(p))).toEqual([NEW_CODE]);
});
