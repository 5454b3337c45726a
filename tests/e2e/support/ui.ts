import type { Locator, Page } from 'playwright-core';

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A button's accessible name: antd may space two CJK characters and prefix an icon's label. */
export const buttonName = (text: string) => new RegExp(`(^|\\s)${Array.from(text).map(escape).join('\\s*')}$`);

export async function clickButton(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: buttonName(text) }).first().click();
}

/** Opens an antd Select by its label (within a dialog or form) and picks the option with that text. */
export async function pick(page: Page, within: Locator, label: string, option: string): Promise<void> {
  await within.getByLabel(label, { exact: true }).click();
  // Wait out the opening animation: a click during it lands on what is beneath and closes the list.
  const dropdown = page.locator('.ant-select-dropdown:visible:not([class*="-enter"]):not([class*="-appear"])');
  await dropdown.waitFor();
  await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
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
