import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

/** electron-builder.yml as electron-builder itself reads it (its loader, then its schema check). */
async function builderConfig() {
  const config = await getConfig(ROOT, null, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('the Windows installer (electron-builder.yml, NSIS)', () => {
  it('is a valid electron-builder configuration that builds an NSIS installer', async () => {
    const config = await builderConfig();
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('speaks Chinese first (SimpChinese, LCID 2052), English second', async () => {
    const { nsis } = await builderConfig();
    expect(nsis?.installerLanguages).toEqual(['zh_CN', 'en_US']);
    expect(nsis?.language).toBe('2052');
    expect(nsis?.unicode).not.toBe(false);
  });

  it('installs for the signed-in user only, never asking for admin rights', async () => {
    const { nsis } = await builderConfig();
    expect(nsis?.perMachine).toBe(false);
    expect(nsis?.selectPerMachineByDefault).not.toBe(true);
    expect(nsis?.allowElevation).toBe(false);
  });

  it('makes a desktop and a Start-menu shortcut', async () => {
    const { nsis } = await builderConfig();
    expect(nsis?.createDesktopShortcut).toBe('always');
    expect(nsis?.createStartMenuShortcut).toBe(true);
    expect(nsis?.shortcutName).toContain('档案前台');
  });

  it('keeps the data folder (archive, key file) on uninstall unless asked with --delete-app-data', async () => {
    const { nsis } = await builderConfig();
    expect(nsis?.deleteAppDataOnUninstall).toBe(false);
  });

  it('publishes for the generic provider, so the release holds latest.yml and the blockmap the updater reads', async () => {
    const { publish } = await builderConfig();
    const providers = (Array.isArray(publish) ? publish : [publish]).filter((p) => p !== null && p !== undefined);
    expect(providers).toHaveLength(1);
    expect(providers[0]).toMatchObject({ provider: 'generic' });
    // Never an Internet address: the app's feed is the office's own (set at run time).
    expect(new URL((providers[0] as { url: string }).url).hostname).toBe('127.0.0.1');
  });
});
