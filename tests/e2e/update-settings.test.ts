import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PASSWORD } from '../support/app';
import { createSetUpApp } from '../support/fixtures';
import { launchChromium, newPage, removeData, startShell, type RunningShell } from './support/shell';
import { signIn } from './support/ui';

/**
 * Issue #16, 系统设置 → 软件更新 through the loopback web shell and real Chromium: the admin sets
 * the office's update folder; a relative path or a plain-http host is refused in Chinese and
 * nothing changes; the source saved is the one the page shows after a reload. (The web shell has
 * no updater: the card says updates happen in the desktop app, which reads this same source.)
 */
let shell: RunningShell;
let browser: Browser;
let admin: Page;

beforeAll(async () => {
  const app = await createSetUpApp();
  app.runtime.close();
  copyFileSync(join(app.dir, 'machine.key'), join(app.dir, 'data.machine.key'));
  [shell, browser] = await Promise.all([startShell(join(app.dir, 'data'), { via: 'loopback' }), launchChromium()]);
  admin = await newPage(browser);
  admin.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  if (shell) removeData(shell);
});

const card = () => admin.locator('.ant-card', { hasText: '软件更新' }).first();
const SHOTS = process.env.SCREENSHOT_DIR;

test('the admin sets the update folder; bad sources are refused in Chinese', async () => {
  await admin.goto(shell.url);
  await signIn(admin, 'admin', PASSWORD);
  await admin.getByRole('menuitem', { name: '系统设置' }).click();
  await card().getByText('只在桌面程序中进行', { exact: false }).waitFor();

  await card().getByText('文件夹', { exact: true }).click();
  await card().getByLabel('更新文件夹').fill('updates');
  await card().getByRole('button', { name: '保存来源' }).click();
  await card().getByText('请填写完整的文件夹路径', { exact: false }).waitFor();
  if (SHOTS) await card().screenshot({ path: join(SHOTS, 'update-settings-refused.png') });

  await card().getByText('档案主机', { exact: true }).click();
  await card().getByLabel('档案主机地址').fill('http://192.168.1.10:8443');
  await card().getByRole('button', { name: '保存来源' }).click();
  await card().getByText('必须以 https:// 开头', { exact: false }).waitFor();

  await card().getByText('文件夹', { exact: true }).click();
  await card().getByLabel('更新文件夹').fill('\\\\server\\share\\ArchiveDeskUpdates');
  await card().getByRole('button', { name: '保存来源' }).click();
  await admin.getByText('更新来源已保存').waitFor();
  if (SHOTS) await admin.screenshot({ path: join(SHOTS, 'update-settings.png'), fullPage: true });

  await admin.reload();
  await expect.poll(() => card().getByLabel('更新文件夹').inputValue()).toBe('\\\\server\\share\\ArchiveDeskUpdates');
});
