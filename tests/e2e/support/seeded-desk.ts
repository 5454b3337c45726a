import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, newPage, seedArchive, startShell, type E2eApp } from './shell';
import { signInSeeded } from './ui';

/** A seeded archive of `boxes` boxes on a web shell, and a Chromium page signed in as `username`; close() removes it all. */
export async function openSeededDesk(boxes: number, username: string): Promise<E2eApp> {
  const work = mkdtempSync(join(tmpdir(), 'archive-desk-seeded-e2e-'));
  await seedArchive(join(work, 'data'), boxes);
  const [shell, browser] = await Promise.all([startShell(join(work, 'data')), launchChromium()]);
  const page = await newPage(browser);
  page.setDefaultTimeout(15_000);
  await page.goto(shell.url);
  await signInSeeded(page, username, new Set());
  return {
    shell,
    browser,
    page,
    close: async () => {
      await browser.close();
      await shell.stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
