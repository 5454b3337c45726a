import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addDays, localDate } from '../../electron/server/services/local-date';
import { PASSWORD } from '../support/app';
import { createSetUpApp } from '../support/fixtures';
import { boxWithDocuments, lendingCast } from '../support/lending';
import { launchChromium, newPage, removeData, startShell, type RunningShell } from './support/shell';
import { motionEnded } from './support/settle';
import { buttonName, handOutLoan, clickButton, signIn, signOut, tableRow } from './support/ui';

let shell: RunningShell;
let browser: Browser;
let page: Page;
let box: { id: number; code: string };
let loanNo = '';

/**
 * The accounts and a box with contents are made through the services (as in the unit tests), then
 * the web shell opens that data folder: the machine key goes beside it, where the shell looks.
 */
beforeAll(async () => {
  const app = await createSetUpApp();
  const cast = await lendingCast(app);
  box = await boxWithDocuments(app, cast.custodian);
  app.runtime.close();
  copyFileSync(join(app.dir, 'machine.key'), join(app.dir, 'data.machine.key'));
  [shell, browser] = await Promise.all([startShell(join(app.dir, 'data')), launchChromium()]);
  page = await newPage(browser);
  page.setDefaultTimeout(10_000);
  await page.goto(shell.url);
});

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  if (shell) removeData(shell);
});

const dialog = () => page.getByRole('dialog');
const heading = (name: string | RegExp) => page.getByRole('heading', { name });

async function as(username: string, then: () => Promise<void>) {
  await signIn(page, username, PASSWORD);
  await then();
  await signOut(page);
}

/** 借阅台, then the loan's row, reached through one of the dashboard cards. */
async function openLoanFromCard(card: string) {
  await page.getByRole('menuitem', { name: '借阅' }).click();
  await page.locator('.lend-card', { hasText: card }).click();
  await tableRow(page, loanNo).getByText(loanNo).click();
  await heading(`借阅单 ${loanNo}`).waitFor();
}

async function scanIntoRequestForm() {
  await page.getByRole('menuitem', { name: '借阅' }).click();
  await clickButton(page, '借阅登记');
  await heading('借阅登记').waitFor();
  await page.getByLabel('档案编号', { exact: true }).fill(box.code);
  await page.keyboard.press('Enter');
  await page.getByText('在库').waitFor();
}

test('the clerk registers a loan to an account by scanning the box; a second loan of it is refused in Chinese', async () => {
  await as('clerk', async () => {
    await scanIntoRequestForm();
    await page.getByText('本单位账户').click();
    // The account field takes the cursor; typing part of a username and Enter picks the account.
    await page.keyboard.type('auditor');
    await page.locator('.ant-select-item-option', { hasText: 'auditor-测试' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByLabel('借阅目的').fill('核对装修押金');
    await page.getByLabel('申请摘抄/复制').check();
    await clickButton(page, '提交申请');
    const title = heading(/^借阅单 JY-/);
    await title.waitFor();
    loanNo = (await title.textContent())!.replace('借阅单 ', '');
    await expect.poll(() => page.getByText('待审批').first().isVisible()).toBe(true);

    await scanIntoRequestForm();
    await page.getByLabel('姓名').fill('王芳');
    await page.getByLabel('部门', { exact: true }).fill('财务部');
    await page.getByLabel('电话').fill('0571-88881234');
    await page.getByLabel('借阅目的').fill('再借一次');
    await clickButton(page, '提交申请');
    // Under the box code, where the scan went in.
    const boxField = page.locator('.ant-form-item', { has: page.getByLabel('档案编号', { exact: true }) });
    await boxField.locator('.ant-form-item-explain-error', { hasText: `该档案已有进行中的借阅 ${loanNo}` }).waitFor();
  });
});

test('the manager approves with the copy permission; the clerk hands it out and asks to renew; the manager approves the renewal', async () => {
  await as('manager', async () => {
    await openLoanFromCard('待审批');
    await clickButton(page, '批准');
    await dialog().getByLabel('同意摘抄/复制').click();
    await dialog().getByLabel('审批意见').fill('同意，可复印装修资料');
    await dialog()
      .getByRole('button', { name: buttonName('批准') })
      .click();
    await page.locator('.ant-descriptions').getByText('已批准').waitFor();
  });
  await as('clerk', async () => {
    await handOutLoan(page, loanNo);
    await clickButton(page, '申请续借');
    await dialog().getByLabel('续借天数').fill('2');
    await dialog().getByLabel('续借理由').fill('审计尚未结束');
    await dialog()
      .getByRole('button', { name: buttonName('申请续借') })
      .click();
    await page.getByRole('cell', { name: '审计尚未结束' }).waitFor();
  });
  await as('manager', async () => {
    await openLoanFromCard('续借待批');
    await clickButton(page, '批准续借');
    await dialog()
      .getByRole('button', { name: buttonName('批准续借') })
      .click();
    // The renewal is approved and the loan's due date moved on by its 2 days.
    await tableRow(page, '审计尚未结束').getByText('已批准').waitFor();
    await page.locator('.ant-descriptions').getByText(addDays(localDate(), 5)).waitFor();
  });
});

test("the custodian takes it back damaged; the incident, the box's history and the borrower's show it; the slip names who and when; the incident is closed", async () => {
  await as('custodian', async () => {
    await openLoanFromCard('借出中');
    await clickButton(page, '归还验收');
    // A click while the dialog zooms in can miss the option.
    await motionEnded(page);
    await dialog().getByText('损毁').click();
    await dialog().getByLabel('情况说明').fill('封面水渍，两页粘连');
    await dialog().getByLabel('责任人').fill('auditor-测试');
    await dialog().getByLabel('后续处理').fill('晾干后重新装订');
    await dialog()
      .getByRole('button', { name: buttonName('归还验收') })
      .click();
    await page.locator('.ant-descriptions').getByText('已归还').first().waitFor();
    await page.getByText('封面水渍，两页粘连').waitFor();

    const download = page.waitForEvent('download');
    await clickButton(page, '打印借阅单');
    const pdf = join(shell.dataDir, '..', 'slip.pdf');
    await (await download).saveAs(pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const expected of ['借阅登记表', loanNo, box.code, 'auditor-测试', 'manager-测试', addDays(localDate(), 5)]) expect(text).toContain(expected);

    await page.getByRole('link', { name: box.code }).click();
    const incidents = page.locator('.ant-card', { hasText: '损毁/缺失事故' });
    await incidents.getByText('封面水渍，两页粘连').waitFor();
    await expect.poll(() => incidents.getByText('未结').isVisible()).toBe(true);
    const loans = page.locator('.ant-card', { hasText: '借阅记录' });
    await loans.getByRole('link', { name: loanNo }).waitFor();
    await incidents.getByRole('button', { name: buttonName('结案') }).click();
    await dialog().getByLabel('处理结果').fill('已晾干重新装订');
    await dialog()
      .getByRole('button', { name: buttonName('确认结案') })
      .click();
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: buttonName('确认结案') })
      .click();
    await incidents.getByText('已结案').waitFor();
    await incidents.getByText(/已晾干重新装订/).waitFor();

    await loans.getByRole('link', { name: 'auditor-测试' }).click();
    await heading('auditor-测试 的借阅记录').waitFor();
    await tableRow(page, loanNo).getByText('已归还').waitFor();
  });
});
