import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { localDate } from '../../electron/server/services/local-date';
import { launchChromium, seedArchive, startShell, type RunningShell } from './support/shell';
import { SEED_OWN_PASSWORD, signInSeeded, signOut, tableRow } from './support/ui';
import { CUSTODIAN_SCREENS } from './support/screens';
import { motionEnded, settled, trackApiCalls } from './support/settle';

/**
 * Issue #19's walk: every screen each role opens, in zh-CN, on a seeded archive, reads in Chinese:
 * no stored code (in_stock), field name (handedOutAt), bare id (#12) or English word left. Then
 * the audit viewer and its Excel export read a hand-out, an incident and a hold in words.
 */
let work: string;
let shell: RunningShell;
let browser: Browser;
let page: Page;
const changed = new Set<string>();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'archive-desk-wording-e2e-'));
  await seedArchive(join(work, 'seeded'), 60);
  [shell, browser] = await Promise.all([startShell(join(work, 'seeded')), launchChromium()]);
  const context = await browser.newContext({
    viewport: { width: 1366, height: 860 },
    locale: 'zh-CN',
    ignoreHTTPSErrors: true,
    acceptDownloads: true,
    reducedMotion: 'reduce',
  });
  page = await context.newPage();
  trackApiCalls(page);
  page.setDefaultTimeout(15_000);
  await page.goto(shell.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** ASCII a zh-CN screen rightly shows: the language switch, file formats, the code-pattern tokens, the certificate's words, seeded user names. */
const ALLOWED = new Set(['English', 'CSV', 'Excel', 'xlsx', 'PDF', 'KIND', 'YYYY', 'https', 'PEM', 'admin', 'custodian', 'clerk', 'manager', 'auditor']);

/** The screen's words outside monospaced cells (box codes, hashes, numbers), and what in them is not Chinese. */
async function untranslated(route: string): Promise<string[]> {
  await page.evaluate((hash) => (location.hash = hash), `#/${route}`);
  await settled(page);
  const text = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent && !parent.closest('.mono, script, style')) parts.push(node.textContent ?? '');
    }
    return parts.join('\n');
  });
  const suspects = [
    ...(text.match(/\b[a-z]+_[a-z_]+\b/g) ?? []),
    ...(text.match(/\b[a-z]+[A-Z][A-Za-z]*\b/g) ?? []),
    ...(text.match(/#\d+/g) ?? []),
    ...(text.match(/\b[A-Za-z]{3,}\b/g) ?? []).filter((w) => !ALLOWED.has(w)),
  ];
  return [...new Set(suspects)].map((s) => `${route}: ${s}`);
}

const SCREENS: Record<string, string[]> = {
  custodian: CUSTODIAN_SCREENS,
  manager: ['overview', 'lending', 'lending/1', 'custody', 'custody/destructions', 'custody/retention'],
  clerk: ['boxes', 'lending', 'lending/new', 'custody/transfers'],
  auditor: ['audit', 'custody/inspection', 'lending/999999', 'no-such-screen'],
  admin: ['users', 'audit', 'settings', 'backups'],
};

test('every screen of every role reads in Chinese', async () => {
  const found: string[] = [];
  for (const [role, routes] of Object.entries(SCREENS)) {
    await signInSeeded(page, role, changed);
    for (const route of routes) found.push(...(await untranslated(route)));
    await signOut(page);
  }
  expect(found).toEqual([]);
}, 300_000);

/** A call as a desk makes it, for the work the audit entries below record. */
async function call<T>(handle: string | null, name: string, payload: unknown): Promise<T> {
  const res = await page.request.post(`${shell.url}api/${name}`, { data: { payload }, headers: handle ? { 'x-archive-session': handle } : {} });
  const result = (await res.json()) as { ok: boolean; value: T; error?: unknown };
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value;
}
const login = async (username: string) => (await call<{ handle: string }>(null, 'session-login', { username, password: SEED_OWN_PASSWORD })).handle;

test('the audit viewer and its Excel export read a hand-out, an incident and a hold in words', async () => {
  const [custodian, manager] = [await login('custodian'), await login('manager')];
  const { rows } = await call<{ rows: { id: number; code: string }[] }>(custodian, 'box-list', { status: 'in_stock', limit: 2 });
  const [lent, held] = rows;
  const loan = await call<{ id: number; loanNo: string }>(custodian, 'loan-request', {
    boxCode: lent.code,
    borrower: { kind: 'person', name: '王芳', department: '财务部', phone: '0571-88881234' },
    purpose: '核对租户押金',
    loanType: 'short',
    days: 3,
    copyRequested: false,
    note: '',
  });
  await call(manager, 'loan-decide', { id: loan.id, approve: true, copyAllowed: false, reason: '' });
  await call(custodian, 'loan-hand-out', { id: loan.id });
  await call(custodian, 'loan-return', {
    id: loan.id,
    condition: 'damaged',
    missingDocumentIds: [],
    incident: { description: '封面破损', responsible: '王芳', followUp: '修补' },
  });
  await call(custodian, 'hold-place', { boxId: held.id, reason: '押金纠纷' });
  const today = localDate();

  await signInSeeded(page, 'auditor', changed);
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await tableRow(page, `损毁/缺失事件 ${lent.code} · ${today}`).waitFor();
  await tableRow(page, `冻结 ${held.code} · ${today}`).waitFor();
  await tableRow(page, `借阅 ${loan.loanNo}`).filter({ hasText: '借出' }).first().getByText('借出', { exact: true }).click();
  const drawer = page.getByRole('dialog');
  const boxStatus = drawer.locator('tr', { hasText: '档案状态' });
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's locator; the text as the page shows it
  expect(await boxStatus.innerText()).toMatch(/档案状态\s+在库\s+借出/);
  await motionEnded(page);
  await page.screenshot({ path: 'test-results/e2e-audit-hand-out.png' });
  await page.keyboard.press('Escape');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 Excel/ }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(readFileSync((await download.path())!)).buffer);
  const sheet = workbook.getWorksheet('审计日志')!;
  const header = (sheet.getRow(1).values as string[]).slice(1);
  const cells: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) cells.push(Object.fromEntries(header.map((h, i) => [h, (row.values as unknown[])[i + 1]])));
  });
  const handOut = cells.find((c) => c.操作 === '借出' && c.对象 === `借阅 ${loan.loanNo}`)!;
  expect(String(handOut.变更内容)).toContain('状态：已批准 → 借出中');
  expect(String(handOut.变更内容)).toContain('档案状态：在库 → 借出');
  expect(String(handOut.变更内容)).toContain('经办人：— → 陈档案');
  const incident = cells.find((c) => c.操作 === '登记损毁/缺失事件' && c.档案编号 === lent.code)!;
  expect(incident.对象).toBe(`损毁/缺失事件 ${lent.code} · ${today}`);
  expect(String(incident.变更内容)).toContain('事件类别：损毁');
  const hold = cells.find((c) => c.操作 === '冻结档案' && c.档案编号 === held.code)!;
  expect(hold.对象).toBe(`冻结 ${held.code} · ${today}`);
  expect(String(hold.变更内容)).toContain('冻结原因：押金纠纷');
  // Nothing in the whole export is named by a bare id.
  expect(cells.filter((c) => /#\d/.test(String(c.对象)))).toEqual([]);
  await download.saveAs('test-results/e2e-audit-export.xlsx');
  await signOut(page);
}, 120_000);
