import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, seedArchive, startShell, type RunningShell } from './support/shell';
import { buttonName, signInSeeded, signOut } from './support/ui';
import { CUSTODIAN_SCREENS } from './support/screens';
import { motionEnded, settled, trackApiCalls } from './support/settle';

/**
 * WCAG 2.1 AA as axe-core reads it, on every screen a role can open: no serious or critical
 * finding. The page is opened with its CSP bypassed only so that axe's script can be injected.
 */
const ROOT = resolve(__dirname, '..', '..');
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let work: string;
let shells: RunningShell[] = [];
let browser: Browser;

interface Finding {
  screen: string;
  rule: string;
  impact: string;
  nodes: string[];
}

/** The archive PC's own window for first-run setup (a desk on the network cannot set the host up), else a desk. */
async function open(shell: RunningShell, where: 'desk' | 'host' = 'desk'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', bypassCSP: true, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  trackApiCalls(page);
  page.setDefaultTimeout(15_000);
  await page.goto(where === 'host' ? shell.loopbackUrl : shell.url);
  return page;
}

async function findings(page: Page, screen: string): Promise<Finding[]> {
  // Lists and details load after the frame: wait until they are in and nothing moves.
  await settled(page);
  // Screens change by hash in one document: axe stays loaded once injected.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations.map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ screen, ...v }));
}

const changed = new Set<string>();
const signInAs = (page: Page, username: string) => signInSeeded(page, username, changed);

/**
 * Keyboard order: the skip link is the first tab stop and lands on the screen; the main menu comes
 * before the header and the screen; a list of boxes is one tab stop, not one per row.
 */
async function keyboardReachesMenuAndContent(page: Page) {
  await page.evaluate(() => (location.hash = '#/boxes'));
  await page.locator('.ant-table-row').nth(5).waitFor();
  const order = await page.evaluate(() => {
    const stops = [...document.querySelectorAll<HTMLElement>('a[href], button, input, [tabindex]')].filter(
      (el) => el.tabIndex >= 0 && !el.hasAttribute('disabled'),
    );
    return {
      first: stops[0]?.textContent,
      menuBeforeHeader: stops.findIndex((el) => el.closest('nav')) < stops.findIndex((el) => el.closest('header')),
      rowStops: stops.filter((el) => el.classList.contains('ant-table-row')).length,
    };
  });
  expect(order).toEqual({ first: '跳到主要内容', menuBeforeHeader: true, rowStops: 1 });
  await page.getByRole('button', { name: '跳到主要内容' }).focus();
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#main-content')))).toBe(true);
}

async function visit(page: Page, route: string): Promise<Finding[]> {
  await page.evaluate((hash) => (location.hash = hash), `#/${route}`);
  return findings(page, route);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'archive-desk-a11y-e2e-'));
  await seedArchive(join(work, 'seeded'), 60);
  [shells, browser] = await Promise.all([Promise.all([startShell(join(work, 'seeded')), startShell(join(work, 'fresh'))]), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const shell of shells) await shell.stop();
  rmSync(work, { recursive: true, force: true });
});

test('first-run setup has no serious or critical finding', async () => {
  const page = await open(shells[1], 'host');
  await page.getByLabel('站点名称').waitFor();
  expect(await findings(page, 'setup')).toEqual([]);
});

test('sign-in and every screen of the custodian and the admin have no serious or critical finding', async () => {
  const page = await open(shells[0]);
  await page.getByRole('button', { name: buttonName('登录') }).waitFor();
  const found = await findings(page, 'sign-in');

  await signInAs(page, 'custodian');
  await keyboardReachesMenuAndContent(page);
  for (const route of CUSTODIAN_SCREENS) found.push(...(await visit(page, route)));

  await signOut(page);
  await signInAs(page, 'admin');
  for (const route of ['users', 'audit', 'settings']) found.push(...(await visit(page, route)));

  expect(found).toEqual([]);
}, 300_000);

test('set to reduce motion, the system gets dialogs that appear without animating (WCAG 2.3.3); otherwise they zoom in', async () => {
  const animationsOnOpening = async (reducedMotion: 'reduce' | 'no-preference') => {
    const page = await open(shells[0]);
    await page.emulateMedia({ reducedMotion });
    await signInAs(page, 'custodian');
    await page.evaluate(() => (location.hash = '#/owners'));
    await page.evaluate(() => {
      const started: string[] = [];
      (window as unknown as { started: string[] }).started = started;
      // The dialog's own (a list's loading spinner behind it keeps turning: it says work is going on).
      document.addEventListener('animationstart', (e) => (e.target as Element).closest('.ant-modal-root') && started.push(e.animationName));
    });
    await page.getByRole('button', { name: /新建租户\/客户/ }).click();
    await page.getByRole('dialog').getByLabel('名称').waitFor();
    await motionEnded(page);
    const started = await page.evaluate(() => (window as unknown as { started: string[] }).started);
    await page.context().close();
    return started;
  };
  expect(await animationsOnOpening('reduce')).toEqual([]);
  expect(await animationsOnOpening('no-preference')).not.toEqual([]);
}, 120_000);
