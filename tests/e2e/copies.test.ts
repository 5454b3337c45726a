import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PASSWORD } from '../support/app';
import { createSetUpApp, validLoanInput } from '../support/fixtures';
import { boxWithDocuments, lendingCast } from '../support/lending';
import { launchChromium, newPage, removeData, startShell, type RunningShell } from './support/shell';
import { clickButton, pick, signIn, signOut, tableRow } from './support/ui';
import { motionEnded } from './support/settle';

let shell: RunningShell;
let browser: Browser;
let page: Page;
let loanNo = '';
let loanId = 0;

/**
 * Issue #19 in a browser: a loan out with the manager's copy consent (made through the services),
 * a copy registered on its page by the clerk, and the auditor reading that entry in the log by the
 * loan's number and the people's names. Each screen is kept as a PNG in test-results/.
 */
beforeAll(async () => {
  const app = await createSetUpApp();
  const cast = await lendingCast(app);
  const box = await boxWithDocuments(app, cast.custodian);
  const loan = await app.ok('loan-request', validLoanInput({ boxCode: box.code, copyRequested: true, purpose: '核对消防验收资料' }), cast.clerk);
  await app.ok('loan-decide', { id: loan.id, approve: true, copyAllowed: true, reason: '同意复印消防验收单' }, cast.manager);
  await app.ok('loan-hand-out', { id: loan.id }, cast.clerk);
  ({ loanNo, id: loanId } = loan);
  app.runtime.close();
  copyFileSync(join(app.dir, 'machine.key'), join(app.dir, 'data.machine.key'));
  [shell, browser] = await Promise.all([startShell(join(app.dir, 'data'), { via: 'loopback' }), launchChromium()]);
  page = await newPage(browser);
  page.setDefaultTimeout(10_000);
  await page.goto(shell.url);
});

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  if (shell) removeData(shell);
});

test('the clerk registers a copy on the loan page and sees it listed', async () => {
  await signIn(page, 'clerk', PASSWORD);
  await page.goto(`${shell.url.split('#')[0]}#/lending/${loanId}`);
  await page.getByRole('heading', { name: `借阅单 ${loanNo}` }).waitFor();
  const card = page.locator('.lend-copies');
  await card.getByRole('button', { name: '登记复制/摘抄' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('复制/摘抄内容').fill('消防验收单复印');
  await pick(page, dialog, '涉及的卷内文件', '消防验收单');
  await page.keyboard.press('Escape');
  await dialog.getByLabel('页数').fill('2');
  await dialog.getByLabel('份数').fill('3');
  await clickButton(page, '确认登记');
  await page.getByText(`已登记 ${loanNo} 的复制/摘抄`).waitFor();
  const row = card.locator('.ant-table-row', { hasText: '消防验收单复印' });
  await row.waitFor();
  expect(await row.textContent()).toContain('王芳');
  await page.screenshot({ path: 'test-results/e2e-loan-copies.png', fullPage: true });
  await signOut(page);
});

test('the auditor reads the entry by the loan’s number, with the people named', async () => {
  await signIn(page, 'auditor', PASSWORD);
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  const entry = tableRow(page, '复制/摘抄登记');
  await entry.waitFor();
  expect(await entry.textContent()).toContain(`借阅 ${loanNo}`);
  await tableRow(page, '批准借阅').getByText('批准借阅').click();
  const drawer = page.getByRole('dialog');
  await drawer.getByText('manager-测试').first().waitFor();
  // The drawer slides in: let it settle before the picture.
  await motionEnded(page);
  await page.screenshot({ path: 'test-results/e2e-audit-names.png' });
  await page.keyboard.press('Escape');
  await entry.getByText('复制/摘抄登记').click();
  await drawer.getByText('消防验收单复印').waitFor();
  await motionEnded(page);
  await page.screenshot({ path: 'test-results/e2e-audit-copy.png' });
});
