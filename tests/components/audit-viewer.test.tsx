import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TestBridge } from '../support/bridge';
import { PASSWORD } from '../support/app';
import { boxUpdateFrom, createBox, validLoanInput } from '../support/fixtures';
import { lendingCast, loanOut } from '../support/lending';
import { localDate } from '../../electron/server/services/local-date';
import { boxInput, bridgeSignedInAs } from './catalogue-fixtures';
import { renderApp } from '../support/feature';
import { positionAt } from '../support/locations';
import { captureDownloads, readText } from '../support/downloads';

let bridge: TestBridge;

beforeEach(async () => {
  window.location.hash = '';
  bridge = await bridgeSignedInAs('auditor');
});
afterEach(() => bridge.close());

const renderAudit = () => {
  window.location.hash = '#/audit';
  renderApp();
};

const tableRows = () => Array.from(document.querySelectorAll<HTMLElement>('.audit-table .ant-table-row'));

/** Two boxes made and one edited through the real calls, as the custodian. */
async function recordSomeWork() {
  const custodian = await bridge.app.as('custodian');
  const [a01, a02] = [await positionAt(bridge.app, '一号档案室', 'A01', 1, 1), await positionAt(bridge.app, '一号档案室', 'A02', 1, 1)];
  const first = await bridge.app.ok('box-create', boxInput({ code: 'QT-AUD-001', title: '2024年物业巡查记录', locationId: a01 }), custodian);
  await bridge.app.ok('box-create', boxInput({ code: 'QT-AUD-002', title: '2024年对外发函' }), custodian);
  await bridge.app.ok('box-update', boxUpdateFrom(first.box, { title: '2024年物业巡查记录（更正）', locationId: a02, moveReason: '归架' }), custodian);
}

describe('audit viewer', { timeout: 60_000 }, () => {
  it('is in the menu for the auditor and lists the entries real calls made, newest first', async () => {
    await recordSomeWork();
    renderAudit();

    expect(await screen.findByRole('menuitem', { name: /审计日志/ }, { timeout: 20_000 })).toBeInTheDocument();
    expect(await screen.findByText('修改档案', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.getAllByText('新建档案')).toHaveLength(2);
    const first = tableRows()[0];
    expect(within(first).getByText('修改档案')).toBeInTheDocument();
    expect(within(first).getByText('QT-AUD-001')).toBeInTheDocument();
    expect(within(first).getByText('custodian-测试')).toBeInTheDocument();
    // The changed fields' names, translated with the catalogue's labels.
    expect(within(first).getByText('题名、柜号、库位编号')).toBeInTheDocument();
  });

  it('shows from which desk each entry came: 本机 for this PC, name · address for a desk on the network', async () => {
    await recordSomeWork();
    const desk = { transport: 'lan' as const, address: '192.168.1.23', name: '前台1' };
    const login = await bridge.app.dispatch({ name: 'session-login', payload: { username: 'custodian', password: PASSWORD }, handle: null, client: desk });
    if (!login.ok) throw new Error(JSON.stringify(login.error));
    const { handle } = login.value as { handle: string };
    await bridge.app.dispatch({ name: 'box-create', payload: boxInput({ code: 'QT-AUD-003', title: '前台录入' }), handle, client: desk });
    renderAudit();

    expect(await screen.findByRole('columnheader', { name: '来源' }, { timeout: 20_000 })).toBeInTheDocument();
    await waitFor(() => expect(within(tableRows()[0]).getByText('QT-AUD-003')).toBeInTheDocument(), { timeout: 20_000 });
    expect(within(tableRows()[0]).getByText('前台1 · 192.168.1.23')).toBeInTheDocument();
    expect(within(tableRows()[2]).getByText('本机')).toBeInTheDocument();
  });

  it('filters by box code', async () => {
    await recordSomeWork();
    const user = userEvent.setup({ delay: null });
    renderAudit();
    await screen.findByText('修改档案', {}, { timeout: 20_000 });

    await user.type(screen.getByLabelText('档案编号'), 'qt-aud-002');
    await waitFor(() => expect(tableRows()).toHaveLength(1), { timeout: 10_000 });
    expect(within(tableRows()[0]).getByText('QT-AUD-002')).toBeInTheDocument();
    expect(within(tableRows()[0]).getByText('新建档案')).toBeInTheDocument();
    expect(window.location.hash).toContain('boxCode=QT-AUD-002');
  });

  it('shows an edit as a translated before/after table', async () => {
    await recordSomeWork();
    const user = userEvent.setup({ delay: null });
    renderAudit();
    await user.click(await screen.findByText('修改档案', {}, { timeout: 20_000 }));

    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText(/第 \d+ 条记录 · 修改档案/)).toBeInTheDocument();
    const titleRow = within(drawer).getByText('题名').closest('tr')!;
    expect(within(titleRow).getByText('2024年物业巡查记录')).toHaveClass('audit-diff-before');
    expect(within(titleRow).getByText('2024年物业巡查记录（更正）')).toHaveClass('audit-diff-after');
    expect(within(drawer).getByText('柜号')).toBeInTheDocument();
  });

  it('verifies the chain and says it is intact', async () => {
    await recordSomeWork();
    const { entries, headHash } = await bridge.app.ok('audit-head', {}, await bridge.app.as('auditor'));
    const user = userEvent.setup({ delay: null });
    renderAudit();

    await user.click(await screen.findByRole('button', { name: /校验完整性/ }, { timeout: 20_000 }));
    expect(await screen.findByText(`审计链完整，共 ${entries} 条记录，链头 ${headHash.slice(0, 8)}…`, {}, { timeout: 20_000 })).toBeInTheDocument();
  });

  it('exports what the filters select and names the file', async () => {
    await recordSomeWork();
    const downloads = captureDownloads();
    const user = userEvent.setup({ delay: null });
    window.location.hash = '#/audit?boxCode=QT-AUD-001';
    renderApp();

    await user.click(await screen.findByRole('button', { name: /导出 CSV/ }, { timeout: 20_000 }));
    await waitFor(() => expect(downloads.saved).toHaveLength(1), { timeout: 20_000 });
    const [file] = downloads.saved;
    downloads.restore();
    expect(file.name).toMatch(/\.csv$/);
    expect(await screen.findByText(`已导出：${file.name}`)).toBeInTheDocument();
    const csv = await readText(file.blob);
    expect(csv).toContain('QT-AUD-001');
    expect(csv).not.toContain('QT-AUD-002');
  });

  it('names records by their own numbers and people by name, in the drawer too (issue #19)', async () => {
    const cast = await lendingCast(bridge.app);
    const box = await createBox(bridge.app);
    const loan = await bridge.app.ok('loan-request', validLoanInput({ boxCode: box.code }), cast.clerk);
    await bridge.app.ok('loan-decide', { id: loan.id, approve: true, copyAllowed: false, reason: '' }, cast.manager);
    const user = userEvent.setup({ delay: null });
    renderAudit();

    const approval = (await screen.findByText('批准借阅', {}, { timeout: 20_000 })).closest('tr') as HTMLElement;
    expect(within(approval).getByText(`借阅 ${loan.loanNo}`)).toBeInTheDocument();
    expect(screen.queryByText(/借阅 #\d/)).not.toBeInTheDocument();
    await user.click(within(approval).getByText('批准借阅'));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getAllByText(`借阅 ${loan.loanNo}`).length).toBeGreaterThan(0);
    const decidedBy = within(drawer).getByText('审批人').closest('tr') as HTMLElement;
    expect(within(decidedBy).getByText('manager-测试')).toHaveClass('audit-diff-after');
  });

  it('names an incident by its box and day, and shows a hand-out’s box status in words (issue #19)', async () => {
    const cast = await lendingCast(bridge.app);
    const box = await createBox(bridge.app);
    const loan = await loanOut(bridge.app, cast, box.code);
    await bridge.app.ok(
      'loan-return',
      { id: loan.id, condition: 'damaged', missingDocumentIds: [], incident: { description: '封面破损', responsible: '王芳', followUp: '修补' } },
      cast.custodian,
    );
    const user = userEvent.setup({ delay: null });
    renderAudit();

    const opened = (await screen.findByText('登记损毁/缺失事件', {}, { timeout: 20_000 })).closest('tr') as HTMLElement;
    expect(within(opened).getByText(`损毁/缺失事件 ${box.code} · ${localDate()}`)).toBeInTheDocument();
    expect(screen.queryByText(/#\d/)).not.toBeInTheDocument();
    await user.click(within(tableRows().find((r) => within(r).queryByText('借出'))!).getByText('借出'));
    const drawer = await screen.findByRole('dialog');
    const boxStatus = within(drawer).getByText('档案状态').closest('tr') as HTMLElement;
    expect(within(boxStatus).getByText('在库')).toHaveClass('audit-diff-before');
    expect(within(boxStatus).getByText('借出')).toHaveClass('audit-diff-after');
    expect(within(within(drawer).getByText('经办人').closest('tr') as HTMLElement).getByText('clerk-测试')).toBeInTheDocument();
  });

  it('is not offered to a clerk, and its address shows 403', async () => {
    bridge.close();
    bridge = await bridgeSignedInAs('clerk');
    renderAudit();
    expect(await screen.findByText('您的角色无权访问此页面', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: /审计日志/ })).not.toBeInTheDocument();
  });
});
