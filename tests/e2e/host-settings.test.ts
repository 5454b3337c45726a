import { X509Certificate } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PASSWORD } from '../support/app';
import { createSetUpApp } from '../support/fixtures';
import { lendingCast } from '../support/lending';
import { launchChromium, newPage, removeData, startShell, type RunningShell } from './support/shell';
import { buttonName, clickButton, pick, signIn } from './support/ui';

/**
 * Issue #15 as the administrator does it: 系统设置 → 网络共享 on the archive PC's own window turns
 * host mode on (the address and fingerprint shown are the ones a desk sees), a desk signs in at
 * that address, the admin sees it in 在线会话, and 关闭网络共享 cuts it off with a clear message.
 */
let shell: RunningShell;
let browser: Browser;
let admin: Page;
let desk: Page;
let port: number;

/** A port nothing listens on now (the host's own choice of port is the admin's, in the form). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const app = await createSetUpApp();
  await lendingCast(app);
  app.runtime.close();
  copyFileSync(join(app.dir, 'machine.key'), join(app.dir, 'data.machine.key'));
  [shell, browser] = await Promise.all([startShell(join(app.dir, 'data'), { via: 'loopback' }), launchChromium()]);
  admin = await newPage(browser);
  desk = await newPage(browser);
  for (const page of [admin, desk]) page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  if (shell) removeData(shell);
});

const card = () => admin.locator('.ant-card', { hasText: '网络共享' }).first();

test('the admin turns 网络共享 on; the card shows the address and the fingerprint of the certificate served', async () => {
  await admin.goto(shell.url);
  await signIn(admin, 'admin', PASSWORD);
  await admin.getByRole('menuitem', { name: '系统设置' }).click();
  await card().getByText('未开启').waitFor();
  // 所有网卡: the only choice that includes this machine's loopback, where the test's desk connects
  // from (the offered cards are the outward ones; the suite's other tests serve 127.0.0.2 by --lan).
  await pick(admin, card(), '网卡地址', '所有网卡');
  port = await freePort();
  await card().getByLabel('端口', { exact: true }).fill(String(port));
  // The test's desk is this machine itself: its network is added to the ones offered.
  const offered = await card()
    .getByLabel(/^允许的网络 \d+$/)
    .count();
  await clickButton(admin, '添加网络');
  await card()
    .getByLabel(`允许的网络 ${offered + 1}`, { exact: true })
    .fill('127.0.0.0/8');
  await clickButton(admin, '开启网络共享');
  await admin.getByText('网络共享已开启').waitFor();
  await card().getByText('运行中').waitFor();
  await card()
    .getByText(new RegExp(`^https://[^/]+:${port}/$`))
    .first()
    .waitFor();
  const fingerprint = new X509Certificate(readFileSync(join(shell.dataDir, 'host-cert.pem'))).fingerprint256;
  expect(await card().textContent()).toContain(fingerprint);
});

test('a desk opens that address and signs in; the admin sees it in 在线会话', async () => {
  await desk.goto(`https://127.0.0.1:${port}/`);
  await desk.getByText('档案主机').first().waitFor();
  await desk.getByLabel('本机名称').fill('财务部电脑');
  await signIn(desk, 'clerk', PASSWORD);
  await desk.getByRole('menuitem', { name: '借阅' }).waitFor();

  const sessions = admin.locator('.ant-card', { hasText: '在线会话' });
  const row = sessions.locator('.ant-table-row', { hasText: '财务部电脑' });
  await row.waitFor();
  expect(await row.textContent()).toContain('127.0.0.1');
  // The admin's own session is the local window's.
  expect(await sessions.locator('.ant-table-row', { hasText: '本机' }).count()).toBeGreaterThanOrEqual(1);
});

test('关闭网络共享 asks first, then signs the desk out and the desk says the host is gone', async () => {
  await clickButton(admin, '关闭网络共享');
  await admin.locator('.ant-popconfirm').getByText('其他电脑上所有前台会立即退出登录').waitFor();
  await admin
    .locator('.ant-popconfirm')
    .getByRole('button', { name: buttonName('关闭网络共享') })
    .click();
  await admin.getByText('网络共享已关闭').waitFor();
  await card().getByText('未开启').waitFor();
  await desk.getByText('与档案主机的连接已中断，正在重试…').waitFor({ timeout: 10_000 });
});
