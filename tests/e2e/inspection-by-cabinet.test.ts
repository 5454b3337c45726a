import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openSeededDesk } from './support/seeded-desk';
import type { E2eApp } from './support/shell';
import { clickButton } from './support/ui';

let desk: E2eApp;
let page: Page;

beforeAll(async () => {
  desk = await openSeededDesk(60, 'custodian');
  page = desk.page;
}, 120_000);

afterAll(() => desk?.close());

/** Loads that read the whole archive: polled longer than vitest's default second on a busy machine. */
const SLOW = { timeout: 15_000 };
/** Confirms the open Popconfirm; a click while it is still opening can miss, so until it has closed. */
async function confirm() {
  const popup = page.locator('.ant-popconfirm:visible');
  await popup.waitFor();
  for (let attempt = 1; attempt <= 3 && (await popup.count()) > 0; attempt++) {
    await popup
      .getByRole('button', { name: /确\s*定/ })
      .click()
      .catch(() => undefined);
    await popup.waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => undefined);
  }
}
const cabinetRows = () => page.locator('.ant-table-row', { has: page.locator('td', { hasText: /›/ }) });

test('the old free-text places become cabinets, and this month’s inspection starts cabinet by cabinet', async () => {
  await page.getByRole('menuitem', { name: '库位管理' }).click();
  await clickButton(page, '旧位置转入');
  const dialog = page.getByRole('dialog');
  const apply = dialog.getByRole('button', { name: /执行转入（\d+ 盒）/ });
  await expect.poll(() => apply.isEnabled(), SLOW).toBe(true);
  await apply.click();
  await dialog.getByText(/已转入 \d+ 盒档案/).waitFor();
  await dialog.locator('.ant-modal-footer').getByRole('button').click();
  await dialog.waitFor({ state: 'detached' });

  await page.getByRole('menuitem', { name: '保管' }).click();
  await page.getByRole('tab', { name: '检查盘点' }).click();
  await page.getByRole('checkbox', { name: /按档案柜分段检查/ }).check();
  await clickButton(page, '开始本月检查');
  await confirm();
  // The started inspection's tag (the stocktake's checkbox says 按柜分段 too).
  await page.locator('.ant-tag', { hasText: '按柜分段' }).waitFor();
  await expect.poll(() => cabinetRows().count(), SLOW).toBeGreaterThan(1);
  expect(await page.getByText('未开始').count()).toBeGreaterThan(1);
});

test('a box of another cabinet scanned at this one is 存放位置错误, shown with where it belongs', async () => {
  // The second cabinet first: its list is frozen, and one of its boxes is taken to the first.
  await cabinetRows().nth(1).click();
  await clickButton(page, '开始检查本柜');
  await confirm();
  const scanSecond = page.getByPlaceholder(/扫描档案条码：别柜的档案/);
  await scanSecond.waitFor();
  const second = (await cabinetRows().nth(1).locator('td').first().textContent())!;
  const stray = (await page.locator('.ant-table-row .mono').first().textContent())!;
  expect(stray).toMatch(/^[A-Z]{2}-\d{4}-\d{4}$/);

  await cabinetRows().nth(0).click();
  const first = (await cabinetRows().nth(0).locator('td').first().textContent())!;
  await clickButton(page, '开始检查本柜');
  await confirm();
  const scan = page.getByPlaceholder(new RegExp(`在 ${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} 前扫描`));
  await scan.fill(stray);
  await scan.press('Enter');
  const check = page.getByRole('dialog', { name: `检查 ${stray}` });
  await check.getByText(`存放位置错误：该档案在 ${first} 被发现`).waitFor();
  expect(await check.textContent()).toContain(second);
  // Typed once the dialog is open, as a clerk does: the cursor lands in the note when it is.
  await expect.poll(() => check.getByLabel('情况说明').evaluate((el) => el === document.activeElement), SLOW).toBe(true);
  await page.screenshot({ path: 'test-results/e2e-inspection-wrong-place.png', fullPage: true });
  await check.getByLabel('情况说明').fill('在别的柜中发现，已归位');
  await check.getByLabel('跟进责任人').fill('档案管理员');
  await check.getByLabel('情况说明').press('Enter');
  await check.waitFor({ state: 'detached' });

  // Back on its own cabinet, the box is marked with both places and the finding.
  await cabinetRows().nth(1).click();
  // The items' row (the findings list below names the box too): only it says where the box belongs.
  const row = page.locator('.ant-table-row', { hasText: stray }).filter({ hasText: '应在' });
  await expect.poll(() => row.textContent(), SLOW).toContain(`在 ${first} 发现`);
  await expect.poll(() => row.textContent(), SLOW).toContain('存放位置错误');
  await page.screenshot({ path: 'test-results/e2e-inspection-by-cabinet.png', fullPage: true });
  // The walk is not done until every cabinet is: completing says how many boxes remain.
  await expect.poll(() => page.getByText(/还有 \d+ 盒档案未检查，不能完成本次检查/).count(), SLOW).toBe(1);
});
