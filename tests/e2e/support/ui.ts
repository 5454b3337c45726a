import type { Locator, Page } from 'playwright-core';
import { SEED_PASSWORD } from '../../../scripts/seed-archive';

const escapeRegex = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A button's accessible name: antd may space two CJK characters and prefix an icon's label. */
export const buttonName = (text: string) => new RegExp(`(^|\\s)${Array.from(text).map(escapeRegex).join('\\s*')}$`);

export async function clickButton(page: Page, text: string): Promise<void> {
  await page
    .getByRole('button', { name: buttonName(text) })
    .first()
    .click();
}

/** Opens an antd Select by its label (within a dialog or form) and picks the option with that text. */
export async function pick(page: Page, within: Locator, label: string, option: string): Promise<void> {
  const select = within.getByLabel(label, { exact: true });
  // Wait out the opening animation (a click during it lands on what is beneath and closes the list),
  // and never take an option from a list still closing.
  const settled = page.locator('.ant-select-dropdown:visible:not([class*="-enter"]):not([class*="-appear"]):not([class*="-leave"])');
  await select.click();
  for (let attempt = 1; ; attempt++) {
    try {
      await settled.locator('.ant-select-item-option', { hasText: option }).first().click({ timeout: 5_000 });
      return;
    } catch (err) {
      // On a loaded machine the list can close under the pointer: open it again, at most twice.
      if (attempt === 3) throw err;
      if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await select.click();
    }
  }
}

/** Waits for the login screen first: the setup form before it has a 用户名 field too. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByRole('button', { name: buttonName('登录') }).waitFor();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await clickButton(page, '登录');
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '用户菜单' }).click();
  await page.getByText('退出登录').click();
}

export const tableRow = (page: Page, text: string) => page.locator('.ant-table-row', { hasText: text });

/** The clerk opens an approved loan from 借阅 by its number and hands it out (出借, then 确定). */
export async function handOutLoan(page: Page, loanNo: string): Promise<void> {
  await page.getByRole('menuitem', { name: '借阅' }).click();
  await tableRow(page, loanNo).getByText(loanNo).click();
  await clickButton(page, '出借');
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: buttonName('确定') })
    .click();
  await page.locator('.ant-descriptions').getByText('借出中').waitFor();
}

/** The seed script's accounts (admin, custodian, clerk, manager, auditor) all start with this password. */
export { SEED_PASSWORD };
/** What a seeded account chooses at its first sign-in: an admin-set password must be replaced. */
export const SEED_OWN_PASSWORD = 'Archive-Desk-2026-own';

/**
 * Signs a seeded account in; at its first sign-in (not in `changed`) it replaces the initial
 * password with SEED_OWN_PASSWORD and is added to `changed`. The admin is never asked to.
 */
export async function signInSeeded(page: Page, username: string, changed: Set<string>): Promise<void> {
  await page.getByRole('button', { name: buttonName('登录') }).waitFor();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(changed.has(username) ? SEED_OWN_PASSWORD : SEED_PASSWORD);
  await clickButton(page, '登录');
  const change = page.getByLabel('当前密码');
  const menu = page.getByRole('button', { name: '用户菜单' });
  await Promise.race([change.waitFor(), menu.waitFor()]);
  if (await change.isVisible()) {
    await change.fill(SEED_PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill(SEED_OWN_PASSWORD);
    await page.getByLabel('再次输入新密码').fill(SEED_OWN_PASSWORD);
    await page.keyboard.press('Enter');
    await menu.waitFor();
    changed.add(username);
  }
}

/** 库位管理 as the custodian uses it: a new room, then a run of cabinets in it (C-01 × count, shelves × positions). */
export async function setUpCabinets(page: Page, room: string, first: string, count: number, shelves: number, positions: number): Promise<void> {
  await page.getByRole('menuitem', { name: '库位管理' }).click();
  await clickButton(page, '新建库房');
  await page.getByRole('dialog').getByLabel('名称').fill(room);
  await page.keyboard.press('Enter');
  await page.getByText(`已新建库房 ${room}`).waitFor();
  await page.locator('.ant-tree-treenode', { hasText: room }).getByRole('button', { name: '新建档案柜' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('第一个柜号').fill(first);
  await dialog.getByLabel('柜数').fill(String(count));
  await dialog.getByLabel('每柜层数').fill(String(shelves));
  await dialog.getByLabel('每层位数').fill(String(positions));
  await page.keyboard.press('Enter');
  await page.getByText(`已新建 ${count} 个档案柜（自 ${first}）`).waitFor();
}
