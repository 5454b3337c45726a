import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openApp, type E2eApp } from './support/shell';
import { buttonName, clickButton, pick, signIn, signOut, tableRow } from './support/ui';

const ADMIN_PASSWORD = 'Admin-passw0rd-2026';
const INITIAL_PASSWORD = 'Initial-passw0rd';
const RESET_PASSWORD = 'Reset-passw0rd-2026';
const CUSTODIAN_PASSWORD = 'Custodian-passw0rd';
const AUDITOR_PASSWORD = 'Auditor-passw0rd-26';
const PASSPHRASE = '请妥善保管的恢复口令-2026';
const BOX_TITLE = '2025年消防巡查记录';
const LOCKED_MESSAGE = /账户已锁定，请 \d+ 分钟后再试/;

let app: E2eApp;
let page: Page;

beforeAll(async () => {
  app = await openApp();
  page = app.page;
  // The page's clock runs as usual until the idle test jumps it ahead.
  await page.clock.install();
});

afterAll(() => app?.close());

const rowWith = (text: string) => tableRow(page, text);
const passwordField = () => page.getByLabel('密码', { exact: true });
const lockScreen = () => page.getByRole('dialog', { name: '已锁定' });

async function createAccount(username: string, displayName: string, role: string): Promise<void> {
  await clickButton(page, '新增账户');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill(displayName);
  await pick(page, dialog, '角色', role);
  await dialog.getByLabel('初始密码').fill(INITIAL_PASSWORD);
  await dialog.getByLabel('再次输入密码').fill(INITIAL_PASSWORD);
  await page.keyboard.press('Enter');
  await expect.poll(() => rowWith(username).count()).toBe(1);
}

/** A refused sign-in clears the password field; waiting for that means main has answered. */
async function refusedSignIn(username: string, password: string): Promise<void> {
  await signIn(page, username, password);
  await expect.poll(() => passwordField().inputValue()).toBe('');
  expect(await page.getByRole('menuitem').count()).toBe(0);
}

async function changeOwnPassword(current: string, next: string): Promise<void> {
  await page.getByLabel('当前密码').fill(current);
  await page.getByLabel('新密码', { exact: true }).fill(next);
  await page.getByLabel('再次输入新密码').fill(next);
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem').first().waitFor();
}

test('first run: setup, and the admin creates a custodian and an auditor', async () => {
  // A desk on the network finds the host not set up, and cannot set it up from there.
  await page.goto(app.shell.url);
  await page.getByText('档案主机尚未完成初始设置').waitFor();
  // Setup happens at the archive PC itself: its own window, the loopback address.
  await page.goto(app.shell.loopbackUrl);
  await page.getByLabel('站点名称').fill('万象广场运营部');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('姓名').fill('系统管理员');
  await passwordField().fill(ADMIN_PASSWORD);
  await page.getByLabel('再次输入密码').fill(ADMIN_PASSWORD);
  await page.getByLabel('恢复口令', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('再次输入恢复口令').fill(PASSPHRASE);
  await clickButton(page, '完成设置');
  await page.getByRole('button', { name: buttonName('登录') }).waitFor();

  // The rest as an office desk: the host's LAN address, whose 重试 now finds the archive ready.
  await page.goto(app.shell.url);
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await createAccount('chen', '陈档案', '档案管理员');
  await createAccount('shen', '沈审计', '审计');
  await signOut(page);
});

test('five wrong passwords lock the account; while locked the right one is refused too', async () => {
  for (let attempt = 1; attempt <= 4; attempt++) {
    await refusedSignIn('chen', `wrong-password-${attempt}`);
    await expect.poll(() => page.getByText('用户名或密码错误').count()).toBe(1);
  }
  await refusedSignIn('chen', 'wrong-password-5');
  await expect.poll(() => page.getByText(LOCKED_MESSAGE).count()).toBe(1);

  await refusedSignIn('chen', INITIAL_PASSWORD);
  await expect.poll(() => page.getByText(LOCKED_MESSAGE).count()).toBe(1);
});

test('the admin resets the password, which lifts the lock', async () => {
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await expect
    .poll(() =>
      rowWith('chen')
        .getByText(/锁定至/)
        .count(),
    )
    .toBe(1);
  await rowWith('chen')
    .getByRole('button', { name: /重置密码/ })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('新密码', { exact: true }).fill(RESET_PASSWORD);
  await dialog.getByLabel('再次输入新密码').fill(RESET_PASSWORD);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByText('已重置 陈档案 的密码').count()).toBe(1);
  await expect
    .poll(() =>
      rowWith('chen')
        .getByText(/锁定至/)
        .count(),
    )
    .toBe(0);
  await signOut(page);

  await signIn(page, 'chen', RESET_PASSWORD);
  await changeOwnPassword(RESET_PASSWORD, CUSTODIAN_PASSWORD);
});

test('the idle lock keeps a half-filled form and gives it back after the password', async () => {
  // Settings are the admin's: the custodian is not offered them.
  await page.getByRole('menuitem', { name: '档案目录' }).waitFor();
  expect(await page.getByRole('menuitem', { name: '系统设置' }).count()).toBe(0);
  await signOut(page);
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await page.getByRole('menuitem', { name: '系统设置' }).click();
  await page.getByLabel('闲置自动锁定').fill('1');
  await clickButton(page, '保存设置');
  await expect.poll(() => page.getByText('设置已保存').count()).toBeGreaterThan(0);
  await signOut(page);
  await signIn(page, 'chen', CUSTODIAN_PASSWORD);

  await page.getByRole('menuitem', { name: '档案目录' }).click();
  await clickButton(page, '新建档案');
  // The list's search box is labelled 搜索编号、题名…: wait for the form before typing into 题名.
  await page.getByRole('heading', { name: '新建档案' }).waitFor();
  const form = page.locator('.main-content');
  await pick(page, form, '类别', '工作日志');
  await page.getByLabel('题名', { exact: true }).fill(BOX_TITLE);
  await page.getByLabel('备注').fill('二号档案室待上架');

  await page.clock.fastForward('01:30');
  await lockScreen().waitFor();
  expect(await lockScreen().getByLabel('用户名').inputValue()).toBe('chen');
  await page.screenshot({ path: 'test-results/e2e-lock-screen.png' });

  await lockScreen().getByLabel('密码', { exact: true }).fill('not-my-password');
  await lockScreen().getByLabel('密码', { exact: true }).press('Enter');
  await expect.poll(() => lockScreen().getByText('用户名或密码错误').count()).toBe(1);
  await lockScreen().getByLabel('密码', { exact: true }).fill(CUSTODIAN_PASSWORD);
  await lockScreen().getByLabel('密码', { exact: true }).press('Enter');
  await lockScreen().waitFor({ state: 'detached' });

  expect(await page.getByLabel('题名', { exact: true }).inputValue()).toBe(BOX_TITLE);
  expect(await page.getByLabel('备注').inputValue()).toBe('二号档案室待上架');
  // Saved on the new session.
  await clickButton(page, '保存');
  await page.locator('text=/^RZ-\\d{4}-0001$/').first().waitFor();
  await signOut(page);
});

test('the auditor sees the failed sign-ins and the lock in the audit log, and the chain is intact', async () => {
  await signIn(page, 'shen', INITIAL_PASSWORD);
  await changeOwnPassword(INITIAL_PASSWORD, AUDITOR_PASSWORD);
  await page.getByRole('menuitem', { name: '审计日志' }).click();

  const auditRows = page.locator('.audit-table .ant-table-row');
  await rowWith('新建档案').waitFor();
  // The table is virtual (only rows in view exist), so the counts are taken through the filter.
  // Five at the sign-in screen, one on the lock screen; a locked account is refused unchecked.
  await pick(page, page.locator('.main-content'), '操作', '登录失败');
  await expect.poll(() => auditRows.count()).toBe(6);
  expect(await rowWith('陈档案').count()).toBe(6);
  await pick(page, page.locator('.main-content'), '操作', '账户锁定');
  await expect.poll(() => auditRows.count()).toBe(1);
  expect(await rowWith('陈档案').count()).toBe(1);
  await clickButton(page, '清除筛选');
  await rowWith('新建档案').waitFor();

  await clickButton(page, '校验完整性');
  await expect.poll(() => page.getByText(/^审计链完整，共 \d+ 条记录，链头 [0-9a-f]{8}…$/).count()).toBe(1);
  await page.screenshot({ path: 'test-results/e2e-audit.png' });

  await rowWith('新建档案').click();
  const drawer = page.getByRole('dialog');
  await expect.poll(() => drawer.getByText(BOX_TITLE).count()).toBe(1);
  expect(await drawer.getByText('工作日志').count()).toBe(1);
});
