import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { addDays, localDate } from '../../electron/server/services/local-date';
import { PASSWORD } from '../support/app';
import { createBox, createSetUpApp, validSettings } from '../support/fixtures';
import { lendingCast, loanOut } from '../support/lending';
import { launchChromium, newPage, removeData, startShell, type RunningShell } from './support/shell';
import { buttonName, clickButton, signIn, signOut } from './support/ui';
import { motionEnded } from './support/settle';

const OUT = resolve(__dirname, '..', '..', 'test-results', 'reminders');
let shell: RunningShell;
let browser: Browser;
let desk: Page;
const today = localDate();
let overdue: { id: number; loanNo: string; boxCode: string; dueDate: string | null };
let tomorrow: { id: number; loanNo: string; boxCode: string; dueDate: string | null };
let other: { boxCode: string };
let ending: { code: string };

/**
 * Issue #17 in a browser, over the host's LAN address as the office's desks reach it: loans lent
 * days ago (through the services, with the clock set back) are now overdue or due tomorrow; the
 * clerk's desk shows the count, opens 催还 and prints 王芳's notice; the custodian, at another desk,
 * takes the overdue box back and the clerk's count drops without a reload. Screens are kept as PNGs.
 */
beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const app = await createSetUpApp();
  const cast = await lendingCast(app);
  await app.ok('settings-update', validSettings({ deskPhone: '0571-8765 4321' }), cast.admin);
  const auditorId = (await app.ok('session-current', {}, cast.auditor))!.id;
  const box = async (title: string) => (await createBox(app, { title })).code;
  const [y, m] = today.split('-').map(Number);
  ending = await createBox(app, {
    kind: 'other',
    title: `${y - 10} 年工作日志`,
    retentionClass: 'y10',
    retentionStart: `${y - 10}-${String(m).padStart(2, '0')}-01`,
  });
  const held = await createBox(app, {
    kind: 'other',
    title: '合同纠纷材料',
    retentionClass: 'y10',
    retentionStart: `${y - 10}-${String(m).padStart(2, '0')}-02`,
  });
  await app.ok('hold-place', { boxId: held.id, reason: '合同纠纷诉讼中' }, cast.custodian);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${addDays(today, -3)}T10:00:00`));
  overdue = await loanOut(app, cast, await box('2019 年租户押金台账'), { days: 1 });
  other = await loanOut(app, cast, await box('消防检查记录'), {
    borrower: { kind: 'person', name: '李雷', department: '工程部', phone: '13900002222' },
    days: 2,
  });
  vi.setSystemTime(new Date(`${addDays(today, -2)}T10:00:00`));
  tomorrow = await loanOut(app, cast, await box('员工花名册'), { days: 3 });
  await loanOut(app, cast, await box('审计底稿'), { borrower: { kind: 'user', userId: auditorId }, days: 3 });
  vi.useRealTimers();
  app.runtime.close();
  copyFileSync(join(app.dir, 'machine.key'), join(app.dir, 'data.machine.key'));
  [shell, browser] = await Promise.all([startShell(join(app.dir, 'data')), launchChromium()]);
  desk = await newPage(browser);
  desk.setDefaultTimeout(10_000);
  await desk.goto(shell.url);
});

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  if (shell) removeData(shell);
});

/** The title on the 借阅 menu entry's badge: what the desk has to chase today. */
const navBadge = (page: Page) => page.locator('.main-sider .ant-menu-item', { hasText: '借阅' }).locator('.ant-badge-count');

test('the clerk sees the count on the menu, opens 催还 and prints 王芳’s notice', async () => {
  await signIn(desk, 'clerk', PASSWORD);
  await expect.poll(() => navBadge(desk).getAttribute('title')).toBe('已逾期 2 笔，明天到期 2 笔');
  expect(await navBadge(desk).textContent()).toContain('4');
  await desk.getByRole('menuitem', { name: /借阅/ }).click();
  await clickButton(desk, '催还');
  await desk.getByRole('heading', { name: '催还' }).waitFor();
  const wang = desk.locator('.ant-table-row', { hasText: '王芳' });
  await wang.getByText(overdue.boxCode).waitFor();
  expect(await wang.textContent()).toContain('逾期 2 天');
  expect(await wang.textContent()).toContain('明天到期');
  await desk.getByText(`${today}：已逾期 2 笔，明天（${addDays(today, 1)}）到期 2 笔，涉及 3 位借阅人`).waitFor();
  await desk.screenshot({ path: join(OUT, 'e2e-reminders.png'), fullPage: true });

  const download = desk.waitForEvent('download');
  await wang.getByRole('button', { name: /打印催还通知单 王芳/ }).click();
  const pdf = join(OUT, 'e2e-notice.pdf');
  await (await download).saveAs(pdf);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const expected of ['催还通知单', '王芳', '财务部', overdue.boxCode, tomorrow.boxCode, overdue.dueDate!, tomorrow.dueDate!, '逾期 2 天', '0571-87654321'])
    expect(text).toContain(expected);
  expect(text).not.toContain(other.boxCode);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUT, 'e2e-notice-1')]);
  expect(existsSync(join(OUT, 'e2e-notice-1.png'))).toBe(true);
});

test('the custodian takes the overdue box back at another desk; the clerk’s count drops without a reload', async () => {
  const second = await newPage(browser);
  second.setDefaultTimeout(10_000);
  await second.goto(shell.url);
  await signIn(second, 'custodian', PASSWORD);
  await second.getByRole('button', { name: /^我的提醒/ }).click();
  await second.getByText('借阅台：已逾期 2 笔，明天到期 2 笔').waitFor();
  await second.getByText(/保管期限到期 1 盒/).waitFor();
  await second.getByText(/到期但已冻结 1 盒，请复核冻结/).waitFor();
  await second.screenshot({ path: join(OUT, 'e2e-custodian-reminders.png') });
  await second.getByText(/保管期限到期 1 盒/).click();
  await second.locator('.ant-table-row', { hasText: ending.code }).waitFor();
  await second.locator('.ant-popover').waitFor({ state: 'hidden' });
  await second.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
  await second.getByText('冻结中的档案（1 盒）', { exact: false }).waitFor();
  expect(await second.locator('.ant-table-row', { hasText: '合同纠纷诉讼中' }).count()).toBe(1);
  await second.screenshot({ path: join(OUT, 'e2e-retention-month.png'), fullPage: true });

  await second.goto(`${shell.url.split('#')[0]}#/lending/${overdue.id}`);
  await second.getByRole('heading', { name: `借阅单 ${overdue.loanNo}` }).waitFor();
  await clickButton(second, '归还验收');
  await second
    .getByRole('dialog')
    .getByRole('button', { name: buttonName('归还验收') })
    .click();
  await second.locator('.ant-descriptions').getByText('已归还').first().waitFor();

  // The clerk's desk hears the return on its live stream: the badge and the list follow.
  await expect.poll(() => navBadge(desk).getAttribute('title')).toBe('已逾期 1 笔，明天到期 2 笔');
  await desk.getByText(/已逾期 1 笔，明天（.*）到期 2 笔/).waitFor();
  expect(await desk.locator('.ant-table-row', { hasText: '王芳' }).textContent()).not.toContain(overdue.boxCode);
  await desk.screenshot({ path: join(OUT, 'e2e-reminders-after-return.png'), fullPage: true });
  await second.close();
});

test('a borrower with an account sees their own loan due tomorrow; the admin sets the desk phone', async () => {
  await signOut(desk);
  await signIn(desk, 'auditor', PASSWORD);
  await desk.getByRole('button', { name: '我的提醒 1' }).click();
  await desk.getByText(/您借阅的 .*（审计底稿）明天（.*）到期/).waitFor();
  // The popover fades in: let it settle before the picture.
  await motionEnded(desk);
  await desk.screenshot({ path: join(OUT, 'e2e-own-reminder.png') });
  await signOut(desk);

  await signIn(desk, 'admin', PASSWORD);
  await desk.getByRole('menuitem', { name: '系统设置' }).click();
  const phone = desk.getByLabel('值班电话（档案室）');
  await expect.poll(() => phone.inputValue()).toBe('057187654321');
  await phone.fill('8001');
  await clickButton(desk, '保存设置');
  await desk.getByText('请填写手机号（如 138 0000 1111）或带区号的座机号（如 0571-88881234）').waitFor();
  await desk.screenshot({ path: join(OUT, 'e2e-settings-phone.png'), fullPage: true });
  await phone.fill('138 0000 1111');
  await clickButton(desk, '保存设置');
  await desk.getByText('设置已保存').waitFor();
});
