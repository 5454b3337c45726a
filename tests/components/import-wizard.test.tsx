import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { importRoutes } from '../../renderer/features/import/routes';
import { lendingRoutes } from '../../renderer/features/lending/routes';
import { renderFeature } from '../support/feature';
import type { TestBridge } from '../support/bridge';
import { captureDownloads, readText } from '../support/downloads';
import { createBox } from '../support/fixtures';
import { lendingCast, loanOut } from '../support/lending';
import { bridgeSignedInAs } from './catalogue-fixtures';

let bridge: TestBridge;

beforeEach(async () => {
  bridge = await bridgeSignedInAs('custodian');
});
afterEach(() => bridge.close());

describe('the import wizard, importing 借阅记录', { timeout: 120_000 }, () => {
  it('offers the template, lists the bad row in Chinese, and imports the rest once it is skipped', async () => {
    const returned = await createBox(bridge.app, { title: '工程部图纸' });
    const out = await createBox(bridge.app, { title: '租赁合同' });
    window.location.hash = '#/boxes/import';
    const user = userEvent.setup({ delay: null });
    renderFeature(importRoutes, lendingRoutes);

    await user.click(await screen.findByText('借阅记录', {}, { timeout: 10_000 }));
    expect(await screen.findByText('选择借阅记录的 Excel（.xlsx）或 CSV 文件')).toBeInTheDocument();

    const downloads = captureDownloads();
    await user.click(screen.getByRole('button', { name: /下载空白模板/ }));
    await waitFor(() => expect(downloads.saved).toHaveLength(1));
    downloads.restore();
    expect(downloads.saved[0]!.name).toBe('借阅登记导入模板.csv');
    expect(await readText(downloads.saved[0]!.blob)).toContain('档案盒编号,借阅人,借阅部门,联系电话,借阅事由,借出日期,应还日期,归还日期,批准人,经办人,备注');

    const csv = [
      '档案盒编号,借阅人,借阅部门,借出日期,应还日期,归还日期,批准人',
      `${returned.code},王小明,工程部,2024-03-05,2024-03-08,2024-03-07,张三`,
      'ZH-NONE-0001,赵六,财务部,2024-04-01,2024-04-03,2024-04-02,张三',
      `${out.code},钱七,财务部,2024-05-06,2024-05-09,,张三`,
    ].join('\r\n');
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    await user.upload(input, new File([csv], '借阅登记.csv', { type: 'text/csv' }));

    expect(await screen.findByText(/文件：借阅登记\.csv（3 行，UTF-8 编码）/, {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText(/其中 1 条尚未归还/)).toBeInTheDocument();
    expect(screen.getByText(/共 3 行，发现 1 处问题（1 行）/)).toBeInTheDocument();
    const problemRow = screen.getByText('档案库中没有编号为“ZH-NONE-0001”的档案').closest('tr')!;
    expect(within(problemRow).getByText('3')).toBeInTheDocument();
    const runButton = screen.getByRole('button', { name: /导入 3 行借阅记录/ });
    expect(runButton).toBeDisabled();

    await user.click(screen.getByRole('checkbox', { name: '跳过 3' }));
    await user.click(screen.getByRole('button', { name: /导入 2 行借阅记录/ }));
    expect(await screen.findByText('已导入 2 条借阅记录，其中 1 条尚未归还（档案已标为借出）', {}, { timeout: 10_000 })).toBeInTheDocument();
    await waitFor(() => expect(window.location.hash).toBe('#/lending'));
    const custodian = await bridge.app.as('custodian');
    expect((await bridge.app.ok('box-get', { id: out.id }, custodian)).box.status).toBe('on_loan');
  });
});

describe('paper loans read in, as the manager sees them on the lending desk', { timeout: 120_000 }, () => {
  it('says who imported how many paper loans from which file, and lists just those, each marked 纸质登记', async () => {
    const cast = await lendingCast(bridge.app);
    const [returned, out, live] = [await createBox(bridge.app), await createBox(bridge.app), await createBox(bridge.app)];
    const liveLoan = await loanOut(bridge.app, cast, live.code);
    const csv = [
      '档案盒编号,借阅人,借阅部门,借出日期,应还日期,归还日期,批准人',
      `${returned.code},王小明,工程部,2024-03-05,2024-03-08,2024-03-07,王经理`,
      `${out.code},钱七,财务部,2024-05-06,2024-05-09,,王经理`,
    ].join('\r\n');
    await bridge.app.ok('import-loans-run', { fileName: '借阅登记2024.csv', base64: Buffer.from(csv).toString('base64') }, cast.custodian);
    const paper = (await bridge.app.ok('loan-list', { imported: true }, cast.manager)).rows;

    await bridge.signInAs('manager');
    window.location.hash = '#/lending';
    const user = userEvent.setup({ delay: null });
    renderFeature(importRoutes, lendingRoutes);

    const notice = await screen.findByText(
      /2 条纸质借阅记录（其中 1 条尚未归还）由 custodian-测试 于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 从“借阅登记2024\.csv”导入/,
      {},
      { timeout: 10_000 },
    );
    expect(await screen.findByText(liveLoan.loanNo)).toBeInTheDocument();
    await user.click(within(notice.closest('.ant-alert') as HTMLElement).getByRole('button', { name: '只看纸质登记' }));
    await waitFor(() => expect(window.location.hash).toBe('#/lending?imported=1'));
    await waitFor(() => expect(screen.queryByText(liveLoan.loanNo)).not.toBeInTheDocument());
    for (const loan of paper) {
      const row = screen.getByText(loan.loanNo).closest('tr')!;
      expect(within(row).getByText('纸质登记')).toBeInTheDocument();
    }
    expect(screen.getByRole('switch', { name: '纸质登记' })).toBeChecked();
  });
});
