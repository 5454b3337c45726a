import { screen, waitFor } from '@testing-library/react';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupStand } from '../../electron/server/services/backup-job';
import { installTestBridge, type TestBridge } from '../support/bridge';
import { PASSPHRASE } from '../support/app';
import { renderApp } from '../support/feature';
import { createBox } from '../support/fixtures';

/** Issue #22: the Backups screen shows a running backup's or re-key's phase and progress, and why 立即备份 waits. */
let bridge: TestBridge;
let holdAt: BackupStand['step']['step'] | null = 'copy';
let release: () => void = () => undefined;
beforeEach(async () => {
  holdAt = 'copy';
  bridge = await installTestBridge({
    jobGate: (at) => {
      if (at.phase !== holdAt) return Promise.resolve();
      holdAt = null;
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    },
  });
  await bridge.signInAs('custodian');
});
afterEach(() => {
  release();
  bridge.close();
});

describe('备份进度', { timeout: 120_000 }, () => {
  it('shows a backup another desk started: its phase, its bar, and the button disabled with the reason', async () => {
    const usb = join(bridge.app.dir, 'usb');
    mkdirSync(usb);
    const handle = await bridge.app.as('custodian');
    await bridge.app.ok('backup-settings-update', { folders: [usb], keep: 30, dailyAt: '18:00', onClose: true }, handle);
    await createBox(bridge.app, { title: '进度测试档案' });
    const backup = bridge.app.ok('backup-run', {}, handle);
    await waitFor(() => expect(holdAt).toBeNull(), { timeout: 20_000 });
    window.location.hash = '#/backups';
    renderApp();

    expect(await screen.findByText('正在备份：复制档案库', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: '备份进度' })).toBeInTheDocument();
    const button = screen.getByRole('button', { name: /立即备份/ });
    expect(button).toBeDisabled();
    expect(screen.getByText('正在备份，完成后才能再次备份')).toBeInTheDocument();

    // Let the copy go on to the check: the bar is full, the phase says 校验.
    holdAt = 'verify';
    release();
    expect(await screen.findByText('正在备份：校验备份副本', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: '备份进度' })).toHaveAttribute('aria-valuenow', '100');
    release();
    await backup;
    await waitFor(() => expect(screen.queryByText(/正在备份/)).not.toBeInTheDocument(), { timeout: 10_000 });
    expect(screen.getByRole('button', { name: /立即备份/ })).toBeEnabled();
  });

  it('shows a re-key under way: its step, its bar of bytes, and that changes cannot be saved meanwhile', async () => {
    const admin = await bridge.app.as('admin');
    await createBox(bridge.app, { title: '换密钥进度测试档案' });
    const rekey = bridge.app.ok('database-rekey', { passphrase: PASSPHRASE, confirm: true }, admin);
    await waitFor(() => expect(holdAt).toBeNull(), { timeout: 20_000 });
    window.location.hash = '#/backups';
    renderApp();

    expect(await screen.findByText('正在更换数据库密钥：复制档案库', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: '更换密钥进度' })).toBeInTheDocument();
    expect(screen.getByText(/完成前可以照常查看和查询，但不能保存任何修改/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /立即备份/ })).toBeDisabled();
    release();
    await rekey;
    await waitFor(() => expect(screen.queryByText(/正在更换数据库密钥/)).not.toBeInTheDocument(), { timeout: 10_000 });
  });
});
