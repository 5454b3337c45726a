import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, newPage, seedArchive, startShell, type RunningShell } from './support/shell';
import { buttonName, clickButton, SEED_OWN_PASSWORD, signInSeeded, signOut, tableRow } from './support/ui';
import { motionEnded } from './support/settle';

let shell: RunningShell;
let browser: Browser;
let page: Page;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'archive-desk-custody-e2e-'));
  // A realistic archive (deterministic from seed 1): boxes in stock, some past their retention.
  await seedArchive(join(work, 'data'), 200);
  [shell, browser] = await Promise.all([startShell(join(work, 'data')), launchChromium()]);
  page = await newPage(browser);
  page.setDefaultTimeout(15_000);
  await page.goto(shell.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  rmSync(work, { recursive: true, force: true });
});

const changed = new Set<string>();
const signInAs = (username: string) => signInSeeded(page, username, changed);

async function as(username: string) {
  if (await page.getByRole('button', { name: '用户菜单' }).isVisible()) await signOut(page);
  await signInAs(username);
}

const go = (hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

/** Clicks the button that opens antd's Modal.confirm, then its OK (named like the action). */
async function confirmed(dialog: Locator, name: string) {
  await dialog.getByRole('button', { name: buttonName(name) }).click();
  const confirm = page.locator('.ant-modal-confirm');
  await confirm.getByRole('button', { name: buttonName(name) }).click();
  await confirm.waitFor({ state: 'detached' });
}

async function decideAsManager(hash: string) {
  await as('manager');
  await go(hash);
  await clickButton(page, '批准');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: buttonName('批准') })
    .click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

async function downloadedPdf(button: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), clickButton(page, button)]);
  return readFileSync((await download.path())!);
}

test('transfer: the custodian scans two boxes, the manager approves, both sides sign at the desk, the boxes are 已移交', async () => {
  await signInAs('custodian');
  await go('#/boxes?status=in_stock');
  await page.locator('.ant-table-row .mono').first().waitFor();
  const codes = (await page.locator('.ant-table-row .mono').allTextContents()).slice(0, 2);

  await page.getByRole('menuitem', { name: '保管' }).click();
  await clickButton(page, '新建移交单');
  await page.getByRole('heading', { name: '新建档案移交单' }).waitFor();
  const scan = page.getByPlaceholder('扫描或输入档案编号后回车');
  for (const code of codes) {
    await scan.fill(code);
    await scan.press('Enter');
    await tableRow(page, code).waitFor();
  }
  await page.getByLabel('接收部门').fill('行政人事部');
  await page.getByLabel('移交原因', { exact: true }).fill('员工调动，人事档案移交');
  await clickButton(page, '提交审批');
  await page.getByRole('heading', { name: /移交单 YJ-\d{4}-\d{4}/ }).waitFor();
  const detail = await page.evaluate(() => window.location.hash);

  await decideAsManager(detail);
  await as('custodian');
  await go(detail);
  await clickButton(page, '当场签收');
  const dialog = page.getByRole('dialog', { name: /移交签收/ });
  await dialog.getByLabel('账户', { exact: true }).fill('custodian');
  await dialog.getByLabel('本人密码').fill(SEED_OWN_PASSWORD);
  await dialog.getByLabel('姓名', { exact: true }).fill('赵敏');
  // Draw the receiver's signature once the dialog has finished opening.
  await motionEnded(page);
  const pad = (await dialog.locator('canvas').boundingBox())!;
  await page.mouse.move(pad.x + 20, pad.y + pad.height / 2);
  await page.mouse.down();
  for (let x = 20; x < pad.width - 20; x += 10) await page.mouse.move(pad.x + x, pad.y + pad.height / 2 + 25 * Math.sin(x / 18));
  await page.mouse.up();
  await confirmed(dialog, '当场签收');
  await page.getByText('签收完成，档案已移交').waitFor();

  await expect.poll(() => page.locator('.ant-tag', { hasText: '已移交' }).count()).toBe(2);
  expect(await page.getByRole('img', { name: '赵敏 签名' }).count()).toBe(1);
  const pdf = await downloadedPdf('打印');
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});

test('destruction: an expired box is proposed from the retention report, approved, and destroyed with two different supervisors', async () => {
  await as('custodian');
  await go('#/custody/retention');
  const row = page
    .locator('.ant-table-row')
    .filter({ has: page.locator('.ant-checkbox-input:not([disabled])') })
    .first();
  await row.waitFor();
  const code = (await row.locator('.mono').textContent())!;
  await row.locator('.ant-checkbox-input').check();
  await page.getByRole('button', { name: /对选中的 1 盒提出销毁/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: buttonName('提出销毁') })
    .click();
  await page.getByRole('heading', { name: /销毁清册 XH-\d{4}-\d{4}/ }).waitFor();
  const detail = await page.evaluate(() => window.location.hash);

  await decideAsManager(detail);
  await as('custodian');
  await go(detail);
  await clickButton(page, '执行销毁');
  const dialog = page.getByRole('dialog', { name: /执行销毁 · / });
  await dialog.getByLabel('执行人').fill('李强');
  await dialog.getByLabel('监销人（一）').fill('王芳');
  await dialog.getByLabel('监销人（二）').fill('王芳');
  // Refused before the irreversible question is asked.
  await dialog.getByRole('button', { name: buttonName('执行销毁') }).click();
  await dialog.getByText('两名监销人必须是不同的人（王芳 填了两次）').waitFor();
  expect(await page.locator('.ant-modal-confirm').count()).toBe(0);
  await dialog.getByLabel('监销人（二）').fill('张伟');
  await confirmed(dialog, '执行销毁');
  await page.getByText('销毁已记录').waitFor();
  await tableRow(page, code).getByText('已销毁').waitFor();

  // The destroyed box's record stays and points to the register.
  await tableRow(page, code).getByRole('link', { name: code }).click();
  await page.getByRole('link', { name: /XH-\d{4}-\d{4}/ }).waitFor();
});

test('monthly inspection: the reminder shows until done; a scan marks the box present and opens its check', async () => {
  await as('custodian');
  await go('#/custody/transfers');
  await page.getByText(/本月（\d{4}-\d{2}）的档案检查尚未开始/).waitFor();
  await page.getByRole('tab', { name: '检查盘点' }).click();
  await clickButton(page, '开始本月检查');
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  const scan = page.getByPlaceholder(/在架位前扫描档案条码/);
  await scan.waitFor();
  const first = (await page.locator('.ant-table-row .mono').first().textContent())!;
  await scan.fill(first);
  await scan.press('Enter');
  const dialog = page.getByRole('dialog', { name: `检查 ${first}` });
  await dialog.getByLabel('情况说明').press('Enter');
  await dialog.waitFor({ state: 'detached' });
  await page
    .getByText(/已查 1 \/ \d+ 盒，有问题 0 盒/)
    .first()
    .waitFor();
  await go('#/custody/transfers');
  await page.getByText(/本月（\d{4}-\d{2}）的档案检查尚未完成/).waitFor();
});
