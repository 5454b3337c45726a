import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { spawn, type ChildProcess, execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { machineKeyProtector } from '../../db/machine-key';
import { callNames, type CallName } from '../../electron/core/contract';
import { createDispatcher } from '../../electron/server/dispatch';
import { handlerTable } from '../../electron/server/handlers';
import { lockFile } from '../../electron/server/instance-lock';
import type { FolderProbe } from '../../electron/server/network-folder';
import { Runtime } from '../../electron/server/runtime';
import type { DesktopBridge } from '../../renderer/api/transport';
import { backUpTo } from '../../electron/server/services/backups';
import { MIGRATIONS, PASSPHRASE, PASSWORD, type TestApp } from '../support/app';
import { renderApp } from '../support/feature';
import { createSetUpApp } from '../support/fixtures';

/**
 * The start screen for each fault a real runtime meets: the Chinese explanation, the file or
 * folder involved, and "重试" that opens the archive once the cause is dealt with.
 */
let app: TestApp;
let runtime: Runtime | undefined;
let holder: ChildProcess | undefined;

beforeEach(async () => {
  window.location.hash = '';
  app = await createSetUpApp();
  app.runtime.close();
});
afterEach(() => {
  holder?.kill('SIGKILL');
  runtime?.close();
  delete window.archiveDesk;
  app.close();
});

const dataDir = () => join(app.dir, 'data');

/** A fresh runtime over the (broken) data folder, started, behind window.archiveDesk. */
function startApp(protector = machineKeyProtector(join(app.dir, 'machine.key')), folderProbe?: FolderProbe) {
  runtime = new Runtime({ dataDir: dataDir(), protector, migrationsFolder: MIGRATIONS, folderProbe });
  const status = runtime.start();
  const dispatch = createDispatcher(runtime, handlerTable, () => undefined);
  window.archiveDesk = Object.fromEntries(
    callNames.map((name: CallName) => [
      name,
      (payload: unknown, handle: string | null) => dispatch({ name, payload: structuredClone(payload), handle }).then((r) => structuredClone(r)),
    ]),
  ) as DesktopBridge;
  renderApp();
  return status;
}

describe('the start screen after a fault', { timeout: 60_000 }, () => {
  it('a damaged archive file: says so, names the file, points to the latest verified backup', async () => {
    const file = join(dataDir(), 'archive.db');
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(512, 0x41), 0, 512, 4096 * 5 + 100);
    closeSync(fd);
    expect(startApp().fault?.code).toBe('DB_CORRUPT');
    expect(await screen.findByText('档案库文件已损坏')).toBeInTheDocument();
    expect(screen.getByText(/从最近一次经过校验的备份恢复/)).toBeInTheDocument();
    expect(screen.getByText(file)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '重试' })).toBeInTheDocument();
  });

  it('a missing key file: says where it belongs; once put back, 重试 opens the archive', async () => {
    const keyFile = join(dataDir(), 'archive.keys.json');
    const saved = readFileSync(keyFile);
    rmSync(keyFile);
    expect(startApp().fault?.code).toBe('KEY_FILE_MISSING');
    expect(await screen.findByText('找不到密钥文件')).toBeInTheDocument();
    expect(screen.getByText(keyFile)).toBeInTheDocument();
    writeFileSync(keyFile, saved);
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByLabelText('用户名', {}, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('a key file that cannot be read: says so (not “damaged”), names the file and why; readable again, 重试 opens', async () => {
    const keyFile = join(dataDir(), 'archive.keys.json');
    const saved = readFileSync(keyFile);
    rmSync(keyFile);
    mkdirSync(keyFile);
    expect(startApp().fault?.code).toBe('KEY_FILE_UNREADABLE');
    expect(await screen.findByText('无法读取密钥文件')).toBeInTheDocument();
    expect(screen.getByText(/那里是一个文件夹，不是文件/)).toBeInTheDocument();
    expect(screen.getByText(/请不要删除或替换它/)).toBeInTheDocument();
    expect(screen.queryByText('密钥文件已损坏')).not.toBeInTheDocument();
    expect(screen.getByText(keyFile)).toBeInTheDocument();
    rmSync(keyFile, { recursive: true });
    writeFileSync(keyFile, saved);
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByLabelText('用户名', {}, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('a missing archive file beside its key file: says so, and the backup with its passphrase restores it from this screen', async () => {
    const opened = new Runtime({ dataDir: dataDir(), protector: machineKeyProtector(join(app.dir, 'machine.key')), migrationsFolder: MIGRATIONS });
    opened.start();
    mkdirSync(join(app.dir, 'usb'));
    const backup = backUpTo(opened.requireDb(), join(app.dir, 'usb'), opened.backupContext()).file;
    opened.close();
    const file = join(dataDir(), 'archive.db');
    rmSync(file);
    expect(startApp().fault?.code).toBe('DB_MISSING');
    expect(await screen.findByText('找不到档案库文件')).toBeInTheDocument();
    expect(screen.getByText(/请用下面的表单从最近一次的备份恢复/)).toBeInTheDocument();
    expect(screen.getByText(file)).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText('备份文件完整路径'), backup);
    await user.type(screen.getByLabelText('备份时的恢复口令'), PASSPHRASE);
    await user.click(screen.getByRole('button', { name: '从备份恢复' }));
    expect(await screen.findByLabelText('用户名', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(existsSync(file)).toBe(true);
  });

  it('the data folder removed while open: the next call stops, and the start screen says what happened', async () => {
    expect(startApp().state).toBe('ready');
    const user = userEvent.setup({ delay: null });
    await user.type(await screen.findByLabelText('用户名', {}, { timeout: 10_000 }), 'admin');
    await user.type(screen.getByLabelText('密码'), PASSWORD);
    rmSync(dataDir(), { recursive: true, force: true });
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByText('数据文件夹被移走或删除', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText(dataDir())).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '从备份恢复' })).toBeInTheDocument();
    expect(existsSync(dataDir())).toBe(false);
  });

  it('a data folder on a network share: refuses it, says why and what to do; moved to a local disk, 重试 opens', async () => {
    // The folder as the kernel would list it: mounted over NFS, then (the administrator moved it) a local disk.
    let mountInfo = `22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n98 22 0:51 /archive ${dataDir()} rw,relatime shared:40 - nfs4 nas:/archive rw,vers=4.2\n`;
    const probe: FolderProbe = { platform: 'linux', mountInfo: () => mountInfo, realpath: (p) => p };
    const status = startApp(undefined, probe);
    expect(status.fault).toMatchObject({ code: 'DATA_FOLDER_ON_NETWORK', params: { kind: 'nfs4', dataDir: dataDir() } });
    expect(await screen.findByText('数据文件夹在网络共享上，不能使用')).toBeInTheDocument();
    expect(screen.getByText(/位于网络共享（nfs4）上.*只能由一台电脑写入/)).toBeInTheDocument();
    expect(screen.getByText(dataDir())).toBeInTheDocument();
    // Nothing was opened or locked there.
    expect(existsSync(lockFile(dataDir()))).toBe(false);
    mountInfo = '22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n';
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByLabelText('用户名', {}, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('an archive from a newer version: refuses, and asks for the newer app', async () => {
    const first = new Runtime({ dataDir: dataDir(), protector: machineKeyProtector(join(app.dir, 'machine.key')), migrationsFolder: MIGRATIONS });
    first.start();
    first
      .requireDb()
      .$client.prepare(
        `INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-the-future', (SELECT max(created_at) + 1000 FROM __drizzle_migrations))`,
      )
      .run();
    first.close();
    expect(startApp().fault?.code).toBe('DB_TOO_NEW');
    expect(await screen.findByText('档案库来自更新版本的软件')).toBeInTheDocument();
    expect(screen.getByText(/请安装最新版本的档案前台/)).toBeInTheDocument();
  });

  it('another instance: names its process and lock file, and links to it', async () => {
    holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    writeFileSync(lockFile(dataDir()), JSON.stringify({ pid: holder.pid, url: 'http://127.0.0.1:5199/#token=abc' }));
    expect(startApp().fault?.code).toBe('ALREADY_RUNNING');
    expect(await screen.findByText('档案前台已在运行')).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`进程 ${holder.pid}`))).toBeInTheDocument();
    expect(screen.getByText(lockFile(dataDir()))).toBeInTheDocument();
    expect(screen.getByText('打开已在运行的档案前台').closest('a')).toHaveAttribute('href', 'http://127.0.0.1:5199/#token=abc');
  });

  it('a read-only data folder: says so and names the folder', async () => {
    const dir = dataDir();
    const root = process.getuid?.() === 0;
    if (root) {
      execFileSync('mount', ['--bind', dir, dir]);
      execFileSync('mount', ['-o', 'remount,ro,bind', dir]);
    } else execFileSync('chmod', ['555', dir]);
    try {
      expect(startApp().fault?.code).toBe('DATA_READ_ONLY');
      expect(await screen.findByText('数据文件夹无法写入')).toBeInTheDocument();
      expect(screen.getByText(dir)).toBeInTheDocument();
    } finally {
      if (root) execFileSync('umount', [dir]);
      else execFileSync('chmod', ['755', dir]);
    }
  });

  it('no keychain: asks for the recovery passphrase, and says so when it is wrong', async () => {
    expect(startApp({ kind: 'safeStorage', available: () => false, protect: async () => Buffer.alloc(0), unprotect: () => Buffer.alloc(0) }).lockedReason).toBe(
      'keystore',
    );
    expect(await screen.findByText('本机无法自动解开档案库密钥')).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText('恢复口令'), '这不是正确的恢复口令-xyz{enter}');
    expect(await screen.findByText('恢复口令不正确', {}, { timeout: 15_000 })).toBeInTheDocument();
  });
});
