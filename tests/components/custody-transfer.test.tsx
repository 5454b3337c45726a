import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { custodyRoutes } from '../../renderer/features/custody/routes';
import { renderFeature } from '../support/feature';
import type { TestBridge } from '../support/bridge';
import { approvedTransfer, custodyCast } from '../support/custody';
import { captureDownloads, readText } from '../support/downloads';
import { createBox } from '../support/fixtures';
import { loanOut } from '../support/lending';
import { bridgeSignedInAs } from './catalogue-fixtures';

let bridge: TestBridge;
beforeEach(async () => {
  bridge = await bridgeSignedInAs('custodian');
});
afterEach(() => bridge.close());

/** The "are you sure" dialog antd's Modal.confirm puts up. */
const confirmBox = async () =>
  (await screen.findByText('签收后档案状态变为“已移交”，由接收部门保管，不能撤销。确定签收？', {}, { timeout: 10_000 })).closest('.ant-modal') as HTMLElement;

function open(hash: string) {
  window.location.hash = hash;
  const user = userEvent.setup({ delay: null });
  renderFeature(custodyRoutes);
  return user;
}

describe('new transfer order', { timeout: 120_000 }, () => {
  it('scans boxes into the list, refuses one on loan beside the scan box, and submits the order', async () => {
    const cast = await custodyCast(bridge.app);
    const lent = await createBox(bridge.app, { title: '借出中的档案' });
    await loanOut(bridge.app, cast, lent.code);
    const box = await createBox(bridge.app, { title: '王小明人事档案' });
    const user = open('#/custody/transfers/new');

    const scan = await screen.findByLabelText('扫描或输入档案编号后回车', {}, { timeout: 10_000 });
    await user.type(scan, `${lent.code}{enter}`);
    expect(await screen.findByText(`档案 ${lent.code} 正在借出，归还后才能移交`, {}, { timeout: 10_000 })).toBeInTheDocument();
    await user.clear(scan);
    await user.type(scan, `${box.code.toLowerCase()}{enter}`);
    expect(await screen.findByText('王小明人事档案', {}, { timeout: 10_000 })).toBeInTheDocument();

    // Required fields say so in Chinese before anything is sent.
    await user.click(screen.getByText('提交审批'));
    const reason = screen.getByLabelText('移交原因').closest('.ant-form-item') as HTMLElement;
    expect(await within(reason).findByText('必填', {}, { timeout: 10_000 })).toBeInTheDocument();

    await user.type(screen.getByLabelText('接收部门'), '行政人事部');
    await user.type(screen.getByLabelText('移交原因'), '员工调动');
    await user.click(screen.getByText('提交审批'));
    expect(await screen.findByText(/移交单 YJ-\d{4}-0001/, {}, { timeout: 10_000 })).toBeInTheDocument();
    const { rows } = await bridge.app.ok('transfer-list', { limit: 10 }, cast.auditor);
    expect(rows.map((r) => [r.toDepartment, r.boxCount, r.status])).toEqual([['行政人事部', 1, 'requested']]);
  });

  it('lists a box once when its code is scanned again typed full-width', async () => {
    const box = await createBox(bridge.app, { title: '王小明人事档案' });
    const user = open('#/custody/transfers/new');
    const scan = await screen.findByLabelText('扫描或输入档案编号后回车', {}, { timeout: 10_000 });
    await user.type(scan, `${box.code}{enter}`);
    expect(await screen.findByText('王小明人事档案', {}, { timeout: 10_000 })).toBeInTheDocument();
    const fullWidth = [...box.code].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');
    await user.type(scan, `${fullWidth}{enter}`);
    await waitFor(() => expect(scan).toHaveValue(''), { timeout: 10_000 });
    expect(screen.getAllByText('王小明人事档案')).toHaveLength(1);
  });
});

describe('sign-off', { timeout: 240_000 }, () => {
  it('refuses the same account on both sides before asking for the irreversible confirmation, then signs off two different accounts', async () => {
    const cast = await custodyCast(bridge.app);
    const box = await createBox(bridge.app);
    const transfer = await approvedTransfer(bridge.app, cast, [box.code]);
    const user = open(`#/custody/transfers/${transfer.id}`);

    await user.click(await screen.findByText('当场签收', {}, { timeout: 10_000 }));
    const dialog = (await screen.findByText(`移交签收 · ${transfer.transferNo}`, {}, { timeout: 10_000 })).closest('.ant-modal') as HTMLElement;
    const sides = within(dialog).getAllByText('账户 + 密码');
    await user.click(sides[1]);
    const accounts = within(dialog).getAllByLabelText('账户', { exact: true });
    const passwords = within(dialog).getAllByLabelText('本人密码');
    for (const i of [0, 1]) {
      await user.type(accounts[i], 'custodian');
      await user.type(passwords[i], 'Passw0rd!2026');
    }
    await user.click(within(dialog).getByRole('button', { name: /当场签收/ }));
    expect(await screen.findByText('移交人和接收人不能是同一个人', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByText('签收后档案状态变为“已移交”，由接收部门保管，不能撤销。确定签收？')).toBeNull();
    expect((await bridge.app.ok('transfer-get', { id: transfer.id }, cast.auditor)).status).toBe('approved');

    await user.clear(accounts[1]);
    await user.type(accounts[1], 'clerk');
    await user.click(within(dialog).getByRole('button', { name: /当场签收/ }));
    await user.click(await within(await confirmBox()).findByRole('button', { name: /当场签收/ }));
    expect(await screen.findByText('签收完成，档案已移交', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect((await bridge.app.ok('box-get', { id: box.id }, cast.auditor)).box.status).toBe('transferred');
  });

  it('asks for a drawn signature when a side signs by name', async () => {
    const cast = await custodyCast(bridge.app);
    const box = await createBox(bridge.app);
    const transfer = await approvedTransfer(bridge.app, cast, [box.code]);
    const user = open(`#/custody/transfers/${transfer.id}`);

    await user.click(await screen.findByText('当场签收', {}, { timeout: 10_000 }));
    const dialog = (await screen.findByText(`移交签收 · ${transfer.transferNo}`, {}, { timeout: 10_000 })).closest('.ant-modal') as HTMLElement;
    await user.type(within(dialog).getByLabelText('账户', { exact: true }), 'custodian');
    await user.type(within(dialog).getByLabelText('本人密码'), 'Passw0rd!2026');
    await user.type(within(dialog).getByLabelText('姓名', { exact: true }), '赵敏');
    await user.click(within(dialog).getByRole('button', { name: /当场签收/ }));
    expect(await within(dialog).findByText('请在签名框内签名', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(document.querySelector('.ant-modal-confirm')).toBeNull();
  });
});

describe('transfer register export', { timeout: 120_000 }, () => {
  it('exports the orders of the status shown as CSV from the list', async () => {
    const cast = await custodyCast(bridge.app);
    const box = await createBox(bridge.app, { title: '王小明人事档案' });
    const t = await approvedTransfer(bridge.app, cast, [box.code]);
    const downloads = captureDownloads();
    const user = open('#/custody/transfers');

    expect(await screen.findByText(t.transferNo, {}, { timeout: 10_000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /导出/ }));
    await user.click(await screen.findByText('CSV', {}, { timeout: 10_000 }));
    await waitFor(() => expect(downloads.saved).toHaveLength(1), { timeout: 20_000 });
    const [file] = downloads.saved;
    downloads.restore();
    expect(file.name).toMatch(/^档案移交登记-.*\.csv$/);
    expect(await screen.findByText(`已导出 ${file.name}`, {}, { timeout: 10_000 })).toBeInTheDocument();
    const csv = await readText(file.blob);
    expect(csv).toContain(`${t.transferNo},已批准，待签收,运营部,行政人事部`);
  });
});
