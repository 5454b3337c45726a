import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PASSWORD } from '../support/app';
import { createSetUpApp } from '../support/fixtures';
import { setUpRegisterPlaces } from '../support/locations';
import { lendingCast } from '../support/lending';
import { launchChromium, newPage, removeData, startShell, type RunningShell } from './support/shell';
import { buttonName, clickButton, pick, signIn, tableRow } from './support/ui';

/**
 * Issue #19/#20 as the custodian sees it: an office register written by openpyxl, with title rows
 * above the header and a hidden sheet in front; the dry run says which sheet and row it read, lets
 * another be picked, and shows the rows as they will be saved.
 */
let shell: RunningShell;
let browser: Browser;
let page: Page;
let corpus: string;

beforeAll(async () => {
  corpus = mkdtempSync(join(tmpdir(), 'import-corpus-'));
  const made = spawnSync('/usr/bin/python3', [resolve(__dirname, '../fixtures/office-sheets.py'), corpus], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`office-sheets.py failed (is python3-openpyxl installed?): ${made.stderr}`);
  const app = await createSetUpApp();
  await lendingCast(app);
  await setUpRegisterPlaces(app);
  app.runtime.close();
  copyFileSync(join(app.dir, 'machine.key'), join(app.dir, 'data.machine.key'));
  [shell, browser] = await Promise.all([startShell(join(app.dir, 'data')), launchChromium()]);
  page = await newPage(browser);
  page.setDefaultTimeout(15_000);
  await page.goto(shell.url);
});

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  if (shell) removeData(shell);
  rmSync(corpus, { recursive: true, force: true });
});

test('the dry run names the sheet and header row it took, lets the custodian pick others, and shows the rows as read', async () => {
  await signIn(page, 'custodian', PASSWORD);
  await page.getByRole('menuitem', { name: '档案目录' }).click();
  await clickButton(page, '从 Excel 导入');
  await page.getByRole('heading', { name: '从 Excel 导入' }).waitFor();
  await page.locator('input[type=file]').setInputFiles({
    name: 'boxes-openpyxl.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: readFileSync(join(corpus, 'boxes-openpyxl.xlsx')),
  });
  await page.getByText('文件：boxes-openpyxl.xlsx（3 行，Excel 工作簿）').waitFor();
  await page.getByText('以第 3 行作为列标题：序号 | 档案编号 | 类别', { exact: false }).waitFor();
  await page.getByText('检查通过：全部 3 行都可以导入。').waitFor();
  const first = tableRow(page, 'ZH-2019-0001');
  await expect
    .poll(() => first.locator('td').allTextContents())
    .toEqual(['4', 'ZH-2019-0001', '海底捞餐饮有限公司', 'L3', '餐饮', '1', '2019', '2023', '一号档案室 › C03 › 第2层 › 05']);

  // The title row as the header matches nothing: the columns are missing, not the rows bad.
  const layout = page.locator('.ant-card', { hasText: '工作表与标题行' });
  await pick(page, layout, '列标题所在行', '第 1 行：万达广场租户档案目录');
  await page.getByText('以第 1 行作为列标题：万达广场租户档案目录', { exact: false }).waitFor();
  await page.getByText('找不到“题名”列，请在列对应中指定').waitFor();
  expect(await page.getByRole('button', { name: /导\s*入\s*\d+\s*行\s*档\s*案\s*盒$/ }).isDisabled()).toBe(true);

  await pick(page, layout, '工作表', '旧目录（隐藏）');
  await page.getByText('文件：boxes-openpyxl.xlsx（1 行，Excel 工作簿）').waitFor();
  await tableRow(page, 'OLD-0001').waitFor();
  await pick(page, layout, '工作表', '档案目录');
  await page.getByText('以第 3 行作为列标题', { exact: false }).waitFor();

  await page.getByRole('button', { name: buttonName('导入 3 行档案盒') }).click();
  await page.getByText('已导入 3 个档案，新建 2 个租户/客户').waitFor();
  await tableRow(page, 'ZH-2019-0003').waitFor();
});
