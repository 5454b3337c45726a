// `npm run test:electron`: the installed app's path in the real Electron binary, driven through
// its own window as a user would (not part of `npm test`: the binary cannot be downloaded
// everywhere; the release workflow runs it). First-run setup, sign-in, one loan requested,
// approved and handed out, its slip printed by main's printToPDF and read back with pdftotext,
// quit (the on-close backup), reopen, the backup there and verified. Exits 2, not 0, where this
// machine has no Electron binary. Data goes to a temp folder (XDG_CONFIG_HOME, APPDATA).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ElectronApplication, Page } from 'playwright-core';
import { validBoxInput } from '../tests/support/box-input';
import { buttonName, handOutLoan, clickButton, signIn, signOut, tableRow } from '../tests/e2e/support/ui';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const PASSWORD = 'Electron-e2e-2026';
const PASSPHRASE = '桌面版冒烟恢复口令-e2e';

function check(condition: unknown, message: string): void {
  if (!condition) {
    console.error(`✗ ${message}`);
    process.exit(1);
  }
  console.log(`✓ ${message}`);
}

if (!existsSync(join(root, 'node_modules', 'electron', 'path.txt'))) {
  console.log('✗ No Electron binary on this machine (its download was skipped): the desktop app was NOT tested.');
  process.exit(2);
}
const executablePath: string = require('electron');
check(spawnSync(npm, ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0, 'the app is built');
if (!existsSync(join(root, 'dist', 'native', 'better_sqlite3.node'))) {
  const addon = spawnSync(process.execPath, [join(root, 'scripts', 'electron-addon.mjs')], { cwd: root, stdio: 'inherit' });
  check(addon.status === 0, 'the SQLite addon for Electron is built');
}

const { _electron } = require('playwright-core') as typeof import('playwright-core');
const home = mkdtempSync(join(tmpdir(), 'archive-desk-e2e-'));
const backups = join(home, '备份 U盘');
mkdirSync(backups);
const env = { ...process.env, XDG_CONFIG_HOME: home, APPDATA: home } as Record<string, string>;
// Chromium will not run as root with its sandbox (the Linux job's container); elsewhere it stays on.
const launch = () => _electron.launch({ executablePath, args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root], env });
/** A call through the preload's bridge, the path every screen's call takes. */
const call = async <T>(page: Page, name: string, payload: unknown = {}, handle: string | null = null): Promise<T> => {
  const result = await page.evaluate(
    ([n, p, h]) => (window as unknown as { archiveDesk: Record<string, (p: unknown, h: unknown) => Promise<unknown>> }).archiveDesk[n](p, h),
    [name, payload, handle] as const,
  );
  const r = result as { ok: boolean; value: T; error?: unknown };
  if (!r.ok) throw new Error(`${name} failed: ${JSON.stringify(r.error)}`);
  return r.value;
};

let app: ElectronApplication = await launch();
let page = await app.firstWindow();
page.setDefaultTimeout(20_000);
try {
  await page.getByLabel('站点名称').fill('桌面版测试站');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('姓名').fill('系统管理员');
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('再次输入密码').fill(PASSWORD);
  await page.getByLabel('恢复口令', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('再次输入恢复口令').fill(PASSPHRASE);
  await clickButton(page, '完成设置');
  await page.getByRole('button', { name: buttonName('登录') }).waitFor();
  check(existsSync(join(home, 'Archive Desk', 'data', 'archive.db')), 'first-run setup made the encrypted archive in the user data folder');

  // The cast and a box, through the bridge (the screens for these are covered by tests/e2e).
  const admin = (await call<{ handle: string }>(page, 'session-login', { username: 'admin', password: PASSWORD })).handle;
  const handles: Record<string, string> = {};
  for (const [username, role] of [
    ['clerk', 'clerk'],
    ['manager', 'manager'],
    ['custodian', 'custodian'],
  ] as const) {
    const initial = `${PASSWORD}-initial`;
    await call(page, 'user-create', { username, displayName: `${username}-测试`, role, password: initial }, admin);
    handles[username] = (await call<{ handle: string }>(page, 'session-login', { username, password: initial })).handle;
    await call(page, 'session-change-password', { current: initial, next: PASSWORD, nextConfirm: PASSWORD }, handles[username]);
  }
  await call(page, 'backup-settings-update', { folders: [backups], keep: 30, dailyAt: '23:59', onClose: true }, handles.custodian);
  const { box } = await call<{ box: { code: string } }>(page, 'box-create', validBoxInput(), handles.custodian);
  await call(page, 'session-logout', {}, admin);

  await signIn(page, 'clerk', PASSWORD);
  await page.getByRole('menuitem', { name: '借阅' }).click();
  await clickButton(page, '借阅登记');
  await page.getByLabel('档案编号', { exact: true }).fill(box.code);
  await page.keyboard.press('Enter');
  await page.getByText('在库').waitFor();
  await page.getByLabel('姓名').fill('王芳');
  await page.getByLabel('部门', { exact: true }).fill('财务部');
  await page.getByLabel('电话').fill('0571-88881234');
  await page.getByLabel('借阅目的').fill('核对装修押金');
  await clickButton(page, '提交申请');
  const title = page.getByRole('heading', { name: /^借阅单 JY-/ });
  await title.waitFor();
  const loanNo = (await title.textContent())?.replace('借阅单 ', '') ?? '';
  check(/^JY-\d{4}-\d{4}$/.test(loanNo), `the clerk registered loan ${loanNo} in the window`);
  await signOut(page);

  await signIn(page, 'manager', PASSWORD);
  await page.getByRole('menuitem', { name: '借阅' }).click();
  await page.locator('.lend-card', { hasText: '待审批' }).click();
  await tableRow(page, loanNo).getByText(loanNo).click();
  await clickButton(page, '批准');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: buttonName('批准') })
    .click();
  await page.locator('.ant-descriptions').getByText('已批准').waitFor();
  check(true, 'the manager approved it');
  await signOut(page);

  await signIn(page, 'clerk', PASSWORD);
  await handOutLoan(page, loanNo);
  check(true, 'the clerk handed the box out');

  // The slip as the 打印借阅单 button makes it: the server asks main, main's hidden window prints.
  const { rows } = await call<{ rows: { id: number; loanNo: string }[] }>(page, 'loan-list', { status: 'out' }, handles.clerk);
  const loanId = rows.find((r) => r.loanNo === loanNo)?.id;
  const slip = await call<{ base64: string }>(page, 'loan-slip-pdf', { id: loanId }, handles.clerk);
  const pdf = join(home, 'slip.pdf');
  writeFileSync(pdf, Buffer.from(slip.base64, 'base64'));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const expected of ['借阅登记表', loanNo, box.code, '王芳', 'manager-测试'])
    check(text.includes(expected), `the printed slip (printToPDF) says ${expected}`);
} finally {
  await app.close();
}

const made = readdirSync(backups).filter((n) => /^archive-desk-.*\.db$/.test(n));
check(made.length === 1, `quitting made the day's on-close backup (${made.join(', ')})`);

app = await launch();
page = await app.firstWindow();
page.setDefaultTimeout(20_000);
try {
  await page.getByRole('button', { name: buttonName('登录') }).waitFor();
  check(true, 'the reopened app opens the archive by itself (the key unwrapped by safeStorage)');
  const custodian = (await call<{ handle: string }>(page, 'session-login', { username: 'custodian', password: PASSWORD })).handle;
  const inspected = await call<{ sameKey: boolean; manifest: { counts: Record<string, number> } }>(
    page,
    'backup-inspect',
    { file: join(backups, made[0]) },
    custodian,
  );
  check(inspected.sameKey && inspected.manifest.counts.loans === 1, 'the on-close backup opens with the key and matches its manifest (one loan)');
} finally {
  await app.close();
}
rmSync(home, { recursive: true, force: true });
console.log('✓ the desktop app passed its smoke test in Electron');
