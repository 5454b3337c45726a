import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestBridge } from '../support/bridge';
import { auditRows, createBox } from '../support/fixtures';
import { mountSmallDisk } from '../support/small-disk';
import { renderApp } from '../support/feature';
import { bridgeSignedInAs } from './catalogue-fixtures';

let bridge: TestBridge;
beforeEach(async () => {
  bridge = await bridgeSignedInAs('custodian');
});
afterEach(() => bridge.close());

describe('备份与恢复', { timeout: 180_000 }, () => {
  it('backs up now, shows the last good backup, and restores one after confirmation', async () => {
    const usb = join(bridge.app.dir, 'usb');
    mkdirSync(usb);
    const handle = await bridge.app.as('custodian');
    await bridge.app.ok('backup-settings-update', { folders: [usb], keep: 30, dailyAt: '18:00', onClose: true }, handle);
    await createBox(bridge.app, { title: '备份前的档案' });
    // What a backup killed an hour ago left, under the exact name the app gives its copy in progress.
    const stale = join(usb, '.archive-desk-20250101-090000.db.partial');
    writeFileSync(stale, Buffer.alloc(3 * 1024 * 1024, 1));
    utimesSync(stale, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    window.location.hash = '#/backups';
    const user = userEvent.setup({ delay: null });
    renderApp();

    expect(await screen.findByText(/这台电脑上还没有成功的备份/, {}, { timeout: 10_000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /立即备份/ }));
    expect(await screen.findByText('已备份到 1 个位置', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(await screen.findByText('已删除 1 个之前中断的备份留下的临时文件（共 3.0 MB）')).toBeInTheDocument();
    expect(existsSync(stale)).toBe(false);
    expect(await screen.findByText(/最近一次成功备份/)).toBeInTheDocument();

    await createBox(bridge.app, { title: '备份后的档案' });
    await user.click(screen.getByRole('button', { name: /查看备份/ }));
    await user.click(await screen.findByRole('button', { name: /^恢\s*复$/ }));
    const dialog = await screen.findByRole('dialog');
    // The backup is opened and checked in a worker thread before its counts show.
    expect(await within(dialog).findByText(/档案盒 1 个/, {}, { timeout: 20_000 })).toBeInTheDocument();
    const run = within(dialog).getByRole('button', { name: /^恢\s*复$/ });
    expect(run).toBeDisabled();
    await user.click(within(dialog).getByRole('checkbox', { name: /我已了解，恢复此备份/ }));
    await user.click(run);
    await waitFor(() => expect(auditRows(bridge.app.runtime.requireDb()).at(-1)?.action).toBe('backup-restore'), { timeout: 20_000 });
    // Sessions end with a restore, so the rows are read straight from the restored database.
    const titles = bridge.app.runtime.requireDb().$client.prepare('SELECT title FROM boxes').pluck().all();
    expect(titles).toEqual(['备份前的档案']);
  });

  it('offers a custodian the backups but not the keys or the settings; the admin gets both', async () => {
    window.location.hash = '#/backups';
    const view = renderApp();
    expect(await screen.findByText('备份设置', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /立即备份/ })).toBeInTheDocument();
    expect(screen.queryByText('恢复口令与密钥')).not.toBeInTheDocument();
    expect(screen.queryByText('修改恢复口令')).not.toBeInTheDocument();
    expect(screen.queryByText('更换数据库密钥')).not.toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: /系统设置/ })).not.toBeInTheDocument();
    view.unmount();

    window.location.hash = '#/settings';
    const typed = renderApp();
    expect(await screen.findByText('您的角色无权访问此页面', {}, { timeout: 10_000 })).toBeInTheDocument();
    typed.unmount();

    await bridge.signInAs('admin');
    window.location.hash = '#/backups';
    renderApp();
    expect(await screen.findByText('修改恢复口令', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText('更换数据库密钥')).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: /系统设置/ })).toBeInTheDocument();
  });

  it('says in Chinese which backup disk is full, and that the unfinished copy was removed', async () => {
    // A real disk too small for the archive (a tmpfs, as the robust tests use).
    const small = mountSmallDisk(join(bridge.app.dir, 'full-usb'), 64 * 1024);
    const usb = small.path;
    try {
      await bridge.app.ok('backup-settings-update', { folders: [usb], keep: 30, dailyAt: '18:00', onClose: true }, await bridge.app.as('custodian'));
      window.location.hash = '#/backups';
      const user = userEvent.setup({ delay: null });
      renderApp();
      await user.click(await screen.findByRole('button', { name: /立即备份/ }, { timeout: 10_000 }));
      expect(await screen.findByText('1 个位置备份失败，请查看下表', {}, { timeout: 20_000 })).toBeInTheDocument();
      expect(await screen.findByText(new RegExp(`备份文件夹“${usb}”所在磁盘空间已满，备份未完成，已删除未完成的文件`))).toBeInTheDocument();
      expect(readdirSync(usb)).toEqual([]);
    } finally {
      small.release();
    }
  });

  it('the overdue banner offers 立即备份 only to those who have the button; a manager is told whom to ask', async () => {
    await createBox(bridge.app, { title: '尚未备份的档案' });
    window.location.hash = '#/boxes';
    const first = renderApp();
    expect(await screen.findByText(/这台电脑上还没有成功的备份。请插好 U 盘后点“立即备份”/, {}, { timeout: 10_000 })).toBeInTheDocument();
    first.unmount();

    await bridge.signInAs('manager');
    window.location.hash = '#/boxes';
    renderApp();
    expect(await screen.findByText(/这台电脑上还没有成功的备份。请联系档案管理员或系统管理员备份/, {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByText(/立即备份/)).toBeNull();
  });

  it('import wizard: lists a bad row, imports once it is skipped', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('目录');
    sheet.addRow(['档案编号', '类别', '题名', '保管期限']);
    sheet.addRow(['RZ-2018-01', '工作日志', '2018年工作日志', '10年']);
    sheet.addRow(['RZ-2018-02', '日记', '2018年值班记录', '10年']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    window.location.hash = '#/boxes/import';
    const user = userEvent.setup({ delay: null });
    const { container } = renderApp();
    await screen.findByRole('heading', { name: '从 Excel 导入' }, { timeout: 10_000 });
    const input = container.querySelector<HTMLInputElement>('input[type=file]')!;
    await user.upload(input, new File([bytes], '工作日志.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    expect(await screen.findByText('无法识别的值“日记”', {}, { timeout: 20_000 })).toBeInTheDocument();
    const run = screen.getByRole('button', { name: /导入 2 行/ });
    expect(run).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: '跳过 3' }));
    await user.click(screen.getByRole('button', { name: /导入 1 行/ }));
    expect(await screen.findByText('已导入 1 个档案，新建 0 个租户/客户', {}, { timeout: 20_000 })).toBeInTheDocument();
    const found = await bridge.app.ok('box-list', { query: 'RZ-2018-01' }, await bridge.app.as('custodian'));
    expect(found.rows.map((r) => r.title)).toEqual(['2018年工作日志']);
  });
});
