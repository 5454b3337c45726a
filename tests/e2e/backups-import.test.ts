import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addDays, localDate } from '../../electron/server/services/local-date';
import { PASSPHRASE, PASSWORD } from '../support/app';
import { createSetUpApp } from '../support/fixtures';
import { lendingCast } from '../support/lending';
import { launchChromium, newPage, removeData, startShell, type RunningShell } from './support/shell';
import { buttonName, clickButton, setUpCabinets, signIn, tableRow } from './support/ui';

/**
 * Issue #7's "done when", as the custodian does it through the web shell: the office's Excel
 * registers moved in, labels for a shelf, backups on two media, and a restore on a new PC.
 */
let shell: RunningShell;
let newPc: RunningShell | undefined;
let browser: Browser;
let page: Page;
let media: string;
const folders = { usb: '', disk: '' };
let backupFile = '';

beforeAll(async () => {
  const app = await createSetUpApp();
  await lendingCast(app);
  app.runtime.close();
  copyFileSync(join(app.dir, 'machine.key'), join(app.dir, 'data.machine.key'));
  shell = await startShell(join(app.dir, 'data'));
  media = mkdtempSync(join(tmpdir(), 'archive-desk-media-'));
  folders.usb = mkdtempSync(join(media, 'U盘-'));
  folders.disk = mkdtempSync(join(media, '移动硬盘-'));
  browser = await launchChromium();
  page = await newPage(browser);
  page.setDefaultTimeout(15_000);
  await page.goto(shell.url);
});

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  await newPc?.stop();
  if (shell) removeData(shell);
  if (newPc) removeData(newPc);
  if (media) rmSync(media, { recursive: true, force: true });
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Excel keeps a date cell as a day number; exceljs writes and reads it as UTC midnight. */
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function workbook(headers: string[], rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The catalogue's button to the import page, then the kind, then the file dropped in. */
async function upload(kind: string, fileName: string, buffer: Buffer) {
  await page.getByRole('menuitem', { name: '档案目录' }).click();
  await clickButton(page, '从 Excel 导入');
  await page.getByRole('heading', { name: '从 Excel 导入' }).waitFor();
  await page.locator('.ant-segmented-item', { hasText: kind }).click();
  await page.getByText(`选择${kind}的 Excel（.xlsx）或 CSV 文件`).waitFor();
  await page.locator('input[type=file]').setInputFiles({ name: fileName, mimeType: XLSX, buffer });
  await page.getByText(`文件：${fileName}`).waitFor();
}

const SHELF = ['WX-2019-001', 'WX-2019-002', 'WX-2021-007'];
const ON_LOAN = 'WX-2021-007';

test('the custodian moves the Excel box register in: the dry run names the bad row in Chinese, it is skipped, the catalogue holds the other 4', async () => {
  await signIn(page, 'custodian', PASSWORD);
  // The register's places must be in the location tree; the boxes stand on the shelves it names.
  await setUpCabinets(page, '一号库房', 'C-03', 2, 5, 8);
  const register = await workbook(
    ['档案编号', '类别', '题名', '租户名称', '铺位号', '卷号', '起始年度', '保管期限', '库房', '柜号', '层'],
    [
      ['WX-2019-001', '租户档案', '星巴克装修及经营资料', '星巴克咖啡', 'L1-012', 1, 2019, '30年', '一号库房', 'C-03', '2'],
      ['WX-2019-002', '租户档案', '星巴克装修及经营资料', '星巴克咖啡', 'L1-012', 2, 2020, '30年', '一号库房', 'C-03', '2'],
      ['WX-2021-007', '客户档案', '万达影城租赁合同', '万达影城', 'L4-001', 1, 2021, '永久', '一号库房', 'C-03', '3'],
      ['WX-2022-010', '人事档案', '2022年员工入职资料', '', '', 1, '二〇二二', '30年', '一号库房', 'C-03', '4'],
      ['WX-2023-003', '工作日志', '2023年前台工作日志', '', '', 1, 2023, '10年', '一号库房', 'C-04', '1'],
    ],
  );
  await upload('档案盒', '档案目录登记.xlsx', register);
  await page.getByText('共 5 行，发现 1 处问题（1 行）', { exact: false }).waitFor();
  const problem = tableRow(page, '年度应为四位数字，而不是“二〇二二”');
  await expect.poll(() => problem.locator('td').allTextContents()).toEqual(['5', '起始年度', '年度应为四位数字，而不是“二〇二二”', '']);
  // Nothing goes in while a row with a problem is neither fixed nor skipped.
  const run = page.getByRole('button', { name: buttonName('导入 4 行档案盒') });
  expect(await page.getByRole('button', { name: buttonName('导入 5 行档案盒') }).isDisabled()).toBe(true);
  await page.getByLabel('跳过 5').check();
  await run.click();

  await page.getByText('已导入 4 个档案，新建 2 个租户/客户').waitFor();
  await page.getByRole('heading', { name: '档案目录' }).waitFor();
  await page.getByText('共 4 条').waitFor();
  for (const code of [...SHELF, 'WX-2023-003']) await tableRow(page, code).waitFor();
  expect(await tableRow(page, 'WX-2022-010').count()).toBe(0);
});

test('the paper loan register comes in the same way; the box still out shows 借出', async () => {
  const today = localDate();
  const register = await workbook(
    ['档案盒编号', '借阅人', '借阅部门', '联系电话', '借阅事由', '借出日期', '应还日期', '归还日期', '批准人', '经办人'],
    [
      [
        'WX-2019-001',
        '王芳',
        '财务部',
        '0571-88881234',
        '核对装修押金',
        day(addDays(today, -60)),
        day(addDays(today, -30)),
        day(addDays(today, -40)),
        '李经理',
        '张敏',
      ],
      // Still out and not yet due: a long loan, at most 7 days from the day lent (§4.6.4).
      [ON_LOAN, '赵强', '工程部', '0571-88885678', '复核合同条款', day(addDays(today, -5)), day(addDays(today, 2)), null, '李经理', '张敏'],
    ],
  );
  await upload('借阅记录', '借阅登记簿.xlsx', register);
  await page.getByText('其中 1 条尚未归还，导入后档案标为借出', { exact: false }).waitFor();
  await page.getByText('检查通过：全部 2 行都可以导入。').waitFor();
  await clickButton(page, '导入 2 行借阅记录');
  await page.getByText('已导入 2 条借阅记录，其中 1 条尚未归还（档案已标为借出）').waitFor();

  await page.getByRole('menuitem', { name: '档案目录' }).click();
  await tableRow(page, ON_LOAN).getByText('借出').waitFor();
  await tableRow(page, 'WX-2019-001').getByText('在库').waitFor();
});

test('labels for one cabinet: the catalogue filtered to it prints a PDF with exactly those boxes', async () => {
  await page.getByRole('menuitem', { name: '档案目录' }).click();
  await page.getByLabel('柜号', { exact: true }).fill('C-03');
  await page.getByText('共 3 条').waitFor();
  await clickButton(page, '打印标签');
  await page.getByRole('button', { name: /列表中已载入的 3 个档案$/ }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /列表中已载入的 3 个档案$/ }).click()]);
  const pdf = join(media, 'labels.pdf');
  await download.saveAs(pdf);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const code of SHELF) expect(text).toContain(code);
  expect(text).toContain('星巴克咖啡');
  expect(text).not.toContain('WX-2023-003');
});

test('backups on two media: both folders show their last good backup and each holds a copy and its manifest', async () => {
  await page.getByRole('menuitem', { name: '备份与恢复' }).click();
  await page.getByRole('heading', { name: '备份与恢复' }).waitFor();
  await page.getByLabel('备份文件夹（每行一个）').fill(`${folders.usb}\n${folders.disk}`);
  await clickButton(page, '保存设置');
  await page.getByText('备份设置已保存').waitFor();
  for (const folder of Object.values(folders)) await tableRow(page, folder).getByText('无', { exact: true }).waitFor();

  await clickButton(page, '立即备份');
  await page.getByText('已备份到 2 个位置').waitFor();
  await page.getByText(/^最近一次成功备份：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/).waitFor();
  for (const folder of Object.values(folders)) {
    await tableRow(page, folder)
      .getByText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
      .waitFor();
    const files = readdirSync(folder).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^archive-desk-\d{8}-\d{6}\.db$/);
    expect(files[1]).toBe(`${files[0]}.json`);
    const manifest = JSON.parse(readFileSync(join(folder, files[1]!), 'utf8'));
    expect(manifest).toMatchObject({ format: 'archive-desk-backup', siteName: '万象广场运营部', counts: { boxes: 4, loans: 2 } });
    if (folder === folders.usb) backupFile = join(folder, files[0]!);
  }
});

test('on a new PC: a wrong passphrase is refused in Chinese and leaves nothing; the right one opens the archive with its boxes and the loan still out', async () => {
  newPc = await startShell();
  const pc = await newPage(browser);
  pc.setDefaultTimeout(30_000);
  // The new PC restores at its own window; its desks on the network follow once it is open.
  await pc.goto(newPc.loopbackUrl);
  await pc.locator('.ant-segmented-item', { hasText: '从备份恢复' }).click();
  const restore = pc.locator('.ant-card');
  await restore.getByLabel('备份文件完整路径').fill(backupFile);
  await restore.getByLabel('备份时的恢复口令').fill('不是这个口令-wrong horse');
  await restore.getByRole('button', { name: buttonName('从备份恢复') }).click();
  const passphraseField = restore.locator('.ant-form-item', { has: pc.getByLabel('备份时的恢复口令') });
  await passphraseField.locator('.ant-form-item-explain-error', { hasText: '恢复口令不正确' }).waitFor();
  const leftBehind = existsSync(newPc.dataDir) ? readdirSync(newPc.dataDir).filter((f) => f !== 'archive.lock' && !f.startsWith('host-')) : [];
  // Only the running shell's lock (and the host's certificate): no database, key file or half-copied backup.
  expect(leftBehind).toEqual([]);

  await restore.getByLabel('备份时的恢复口令').fill(PASSPHRASE);
  await restore.getByRole('button', { name: buttonName('从备份恢复') }).click();
  await signIn(pc, 'custodian', PASSWORD);
  await pc.getByRole('menuitem', { name: '档案目录' }).click();
  await pc.getByText('共 4 条').waitFor();
  await tableRow(pc, ON_LOAN).getByText('借出').waitFor();
  await tableRow(pc, ON_LOAN).getByText(ON_LOAN).click();
  const loans = pc.locator('.ant-card', { hasText: '借阅记录' });
  await loans.getByText('赵强').first().waitFor();
  await loans.getByText('借出中').waitFor();
});
