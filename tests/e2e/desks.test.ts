import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PASSWORD } from '../support/app';
import { createSetUpApp } from '../support/fixtures';
import { boxWithDocuments, lendingCast } from '../support/lending';
import { LAN_ADDRESS, launchDesk, removeData, startShell, type RunningShell } from './support/shell';
import { buttonName, clickButton, signIn } from './support/ui';
import { motionEnded } from './support/settle';

/**
 * Issue #15's done-when: two browsers, each a desk on an address other than the host's, work one
 * loan at the same time. The clerk asks, the manager approves from the other browser, the clerk's
 * open loan page shows the decision by itself (no reload, no click), and the clerk hands out.
 * Each browser trusts exactly the host's certificate (its SPKI), as a desk that checked the
 * fingerprint once; a request from a page of another origin is refused.
 */
let shell: RunningShell;
let clerkBrowser: Browser;
let managerBrowser: Browser;
let clerk: Page;
let manager: Page;
let box: { id: number; code: string };

beforeAll(async () => {
  const app = await createSetUpApp();
  const cast = await lendingCast(app);
  box = await boxWithDocuments(app, cast.custodian);
  app.runtime.close();
  copyFileSync(join(app.dir, 'machine.key'), join(app.dir, 'data.machine.key'));
  shell = await startShell(join(app.dir, 'data'));
  [clerkBrowser, managerBrowser] = await Promise.all([launchDesk(shell), launchDesk(shell)]);
  clerk = await (await clerkBrowser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' })).newPage();
  manager = await (await managerBrowser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' })).newPage();
  for (const page of [clerk, manager]) page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await clerkBrowser?.close();
  await managerBrowser?.close();
  await shell?.stop();
  if (shell) removeData(shell);
});

test('the host serves on its LAN address over TLS the browsers verify', async () => {
  expect(new URL(shell.url).protocol).toBe('https:');
  expect(new URL(shell.url).hostname).toBe(LAN_ADDRESS);
  const response = await clerk.goto(shell.url);
  expect(response?.ok()).toBe(true);
  const security = await response!.securityDetails();
  expect(security?.protocol).toMatch(/TLS 1\.[23]/);
  await manager.goto(shell.url);
});

test('clerk asks, manager approves elsewhere, the clerk’s screen updates by itself, the clerk hands out', async () => {
  // The clerk's PC gives itself a name at sign-in; the admin's session list and the audit show it.
  await clerk.getByLabel('本机名称').fill('前台1');
  await Promise.all([signIn(clerk, 'clerk', PASSWORD), signIn(manager, 'manager', PASSWORD)]);

  await clerk.getByRole('menuitem', { name: '借阅' }).click();
  await clickButton(clerk, '借阅登记');
  await clerk.getByLabel('档案编号', { exact: true }).fill(box.code);
  await clerk.keyboard.press('Enter');
  await clerk.getByText('在库').waitFor();
  await clerk.getByLabel('姓名').fill('王芳');
  await clerk.getByLabel('部门', { exact: true }).fill('财务部');
  await clerk.getByLabel('电话').fill('0571-88881234');
  await clerk.getByLabel('借阅目的').fill('核对租户押金');
  await clickButton(clerk, '提交申请');
  const title = clerk.getByRole('heading', { name: /^借阅单 JY-/ });
  await title.waitFor();
  const loanNo = (await title.textContent())!.replace('借阅单 ', '');
  await clerk.locator('.ant-descriptions').getByText('待审批').waitFor();

  // The manager's desk, already open on the lending desk, lists the request without a reload.
  await manager.getByRole('menuitem', { name: '借阅' }).click();
  await manager.locator('.lend-card', { hasText: '待审批' }).click();
  await manager.locator('.ant-table-row', { hasText: loanNo }).getByText(loanNo).click();
  await manager.getByRole('heading', { name: `借阅单 ${loanNo}` }).waitFor();
  await clickButton(manager, '批准');
  await manager.getByRole('dialog').getByLabel('审批意见').fill('同意');
  await manager
    .getByRole('dialog')
    .getByRole('button', { name: buttonName('批准') })
    .click();
  await manager.locator('.ant-descriptions').getByText('已批准').waitFor();

  // Nobody touches the clerk's browser: the decision arrives over the live stream within a second or two.
  await clerk.locator('.ant-descriptions').getByText('已批准').waitFor({ timeout: 3_000 });
  await clickButton(clerk, '出借');
  await clerk
    .locator('.ant-popconfirm')
    .getByRole('button', { name: buttonName('确定') })
    .click();
  await clerk.locator('.ant-descriptions').getByText('借出中').waitFor();
  // And the manager's page follows the hand-out the same way.
  await manager.locator('.ant-descriptions').getByText('借出中').waitFor({ timeout: 3_000 });
});

test('the admin sees each desk by name and address, the audit names the desk, and 结束会话 signs the clerk out', async () => {
  const admin = await (await managerBrowser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' })).newPage();
  admin.setDefaultTimeout(15_000);
  await admin.goto(shell.url);
  await signIn(admin, 'admin', PASSWORD);
  await admin.getByRole('menuitem', { name: '系统设置' }).click();
  const sessions = admin.locator('.ant-card', { hasText: '在线会话' });
  const clerkRow = sessions.locator('.ant-table-row', { hasText: '前台1' });
  await clerkRow.waitFor();
  expect(await clerkRow.textContent()).toContain('127.0.0.1');
  expect(await sessions.locator('.ant-table-row').count()).toBeGreaterThanOrEqual(3);

  await admin.getByRole('menuitem', { name: '审计日志' }).click();
  await admin.locator('.ant-table-row', { hasText: '前台1 · 127.0.0.1' }).first().waitFor();

  await admin.getByRole('menuitem', { name: '系统设置' }).click();
  await clerkRow.getByRole('button', { name: /结束/ }).click();
  await admin.locator('.ant-popconfirm').getByText('结束 clerk-测试 在 前台1 的会话？').waitFor();
  // A click while the confirmation zooms in can miss its button.
  await motionEnded(admin);
  await admin
    .locator('.ant-popconfirm')
    .getByRole('button', { name: buttonName('结束会话') })
    .click();
  await admin.getByText('会话已结束').waitFor();
  await expect.poll(() => sessions.locator('.ant-table-row', { hasText: '前台1' }).count()).toBe(0);
  // The clerk's next step finds the session gone: the desk locks, keeping what was on screen.
  await clerk.getByRole('menuitem', { name: '借阅' }).click();
  await clerk
    .getByText('已锁定')
    .or(clerk.getByRole('button', { name: buttonName('登录') }))
    .first()
    .waitFor();
  await admin.context().close();
});

test('a page of another origin cannot act: no cookie holds the session, and the host answers no cross-origin call', async () => {
  expect(await clerk.context().cookies()).toEqual([]);
  // Another origin in the same browser: the loopback shell's page (as a hostile page elsewhere would be).
  const foreign = await clerk.context().newPage();
  await foreign.goto(shell.loopbackUrl);
  const outcome = await foreign.evaluate(async (url) => {
    try {
      const answer = await fetch(new URL('/api/box-list', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-archive-session': 'guessed' },
        body: JSON.stringify({ payload: {} }),
      });
      return `answered ${answer.status}`;
    } catch {
      return 'blocked';
    }
  }, shell.url);
  expect(outcome).toBe('blocked');
  await foreign.close();
});

test('the host goes down: the desk says so in Chinese and retries; back up, it asks for the password and keeps the page', async () => {
  const port = Number(new URL(shell.url).port);
  await manager.getByRole('heading', { name: /^借阅单 JY-/ }).waitFor();
  await shell.stop();
  await manager.getByText('与档案主机的连接已中断，正在重试…').waitFor({ timeout: 10_000 });
  // Clicking on does not crash or hang the desk: the call is told as not known to be saved.
  await manager.getByRole('menuitem', { name: '借阅' }).click();

  shell = await startShell(shell.dataDir, { lanPort: port });
  await manager.getByRole('button', { name: buttonName('立即重试') }).click();
  // A restarted host knows no session: the desk locks, and the password gives the page back.
  await manager.getByText('已锁定', { exact: true }).first().waitFor({ timeout: 10_000 });
  await manager.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await manager.keyboard.press('Enter');
  await expect.poll(() => manager.getByText('已锁定', { exact: true }).count()).toBe(0);
  await expect.poll(() => manager.getByText('与档案主机的连接已中断，正在重试…').count()).toBe(0);
});
