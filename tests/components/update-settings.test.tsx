import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { callNames, type CallName } from '../../electron/core/contract';
import type { Result } from '../../electron/core/contract/errors';
import type { UpdateStatus } from '../../electron/core/contract/updates';
import type { DesktopBridge } from '../../renderer/api/transport';
import { UpdatePrompt } from '../../renderer/app/updates/UpdatePrompt';
import { UpdatesCard } from '../../renderer/app/updates/UpdatesCard';
import { renderFeature } from '../support/feature';

/**
 * 系统设置 → 软件更新 and the 新版本已下载 prompt against stubbed answers (main's updater is tested
 * in tests/robust/electron-updates.test.ts): what the admin sees, what the forms send, what a
 * refusal says, and which button agrees to what.
 */
type Answer = (payload: unknown) => Result<unknown>;
let answers: Partial<Record<CallName, Answer>>;
let calls: { name: CallName; payload: unknown }[];

beforeEach(() => {
  calls = [];
  answers = {};
  window.archiveDesk = Object.fromEntries(
    callNames.map((name) => [
      name,
      async (payload: unknown) => {
        calls.push({ name, payload });
        return answers[name]?.(payload) ?? { ok: false, error: { code: 'INTERNAL' } };
      },
    ]),
  ) as unknown as DesktopBridge;
});
afterEach(() => {
  delete window.archiveDesk;
});

const sent = (name: CallName) => calls.filter((c) => c.name === name).map((c) => c.payload);

const status = (fields: Partial<UpdateStatus> = {}): UpdateStatus => ({
  available: true,
  currentVersion: '0.1.0',
  source: { kind: 'none' },
  phase: 'idle',
  checkedAt: null,
  version: null,
  error: null,
  agreed: false,
  waitingForWork: false,
  ...fields,
});

function show(element: React.ReactElement, current: UpdateStatus) {
  answers['update-status'] = () => ({ ok: true, value: current });
  renderFeature([{ path: '/', element }]);
  return userEvent.setup({ delay: null });
}

describe('软件更新', { timeout: 60_000 }, () => {
  it('shows the version and that nothing was checked; 检查更新 waits for a source', async () => {
    show(<UpdatesCard />, status());
    expect(await screen.findByText('0.1.0')).toBeInTheDocument();
    expect(screen.getAllByText('尚未检查').length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: '检查更新' })).toBeDisabled();
  });

  it('refuses a relative folder and a plain-http host in Chinese, sending nothing', async () => {
    const user = show(<UpdatesCard />, status());
    await user.click(await screen.findByRole('radio', { name: '文件夹' }));
    await user.type(screen.getByLabelText('更新文件夹'), 'updates');
    await user.click(screen.getByRole('button', { name: '保存来源' }));
    expect(await screen.findByText(/请填写完整的文件夹路径/)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: '档案主机' }));
    await user.type(screen.getByLabelText('档案主机地址'), 'http://192.168.1.10:8443');
    await user.click(screen.getByRole('button', { name: '保存来源' }));
    expect(await screen.findByText(/必须以 https:\/\/ 开头/)).toBeInTheDocument();
    expect(sent('update-source-set')).toEqual([]);
  });

  it('saves a UNC folder as typed and shows how its check went', async () => {
    answers['update-source-set'] = (payload) => ({
      ok: true,
      value: status({ source: payload as UpdateStatus['source'], phase: 'up-to-date', checkedAt: '2026-12-07T08:00:00.000Z' }),
    });
    const user = show(<UpdatesCard />, status());
    await user.click(await screen.findByRole('radio', { name: '文件夹' }));
    await user.type(screen.getByLabelText('更新文件夹'), '\\\\server\\share\\ArchiveDeskUpdates');
    await user.click(screen.getByRole('button', { name: '保存来源' }));
    await waitFor(() => expect(sent('update-source-set')).toEqual([{ kind: 'folder', path: '\\\\server\\share\\ArchiveDeskUpdates' }]));
  });

  it('says a refused download in Chinese, never its code', async () => {
    show(
      <UpdatesCard />,
      status({ source: { kind: 'folder', path: 'D:\\updates' }, phase: 'error', error: 'UPDATE_CHECKSUM', checkedAt: '2026-12-07T08:00:00.000Z' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('校验值（sha512）不符，已丢弃，未安装');
    expect(screen.queryByText(/UPDATE_CHECKSUM/)).toBeNull();
  });

  it('the prompt: 稍后 agrees to install at the next quit', async () => {
    answers['update-install'] = (payload) => ({ ok: true, value: status({ phase: 'downloaded', version: '0.2.0', agreed: true, ...(payload as object) }) });
    const user = show(<UpdatePrompt />, status({ phase: 'downloaded', version: '0.2.0' }));
    expect(await screen.findByText('新版本 0.2.0 已下载')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '稍后' }));
    await waitFor(() => expect(sent('update-install')).toEqual([{ when: 'quit' }]));
  });

  it('the prompt: 退出并安装 asks for the install now', async () => {
    answers['update-install'] = () => ({ ok: true, value: status({ phase: 'downloaded', version: '0.2.0', agreed: true }) });
    const user = show(<UpdatePrompt />, status({ phase: 'downloaded', version: '0.2.0' }));
    await user.click(await screen.findByRole('button', { name: '退出并安装' }));
    await waitFor(() => expect(sent('update-install')).toEqual([{ when: 'now' }]));
  });
});
