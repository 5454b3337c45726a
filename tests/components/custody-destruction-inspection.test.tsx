import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { custodyRoutes } from '../../renderer/features/custody/routes';
import { renderFeature } from '../support/feature';
import type { TestBridge } from '../support/bridge';
import { custodyCast, expiredBox } from '../support/custody';
import { createBox } from '../support/fixtures';
import { positionAt } from '../support/locations';
import { bridgeSignedInAs } from './catalogue-fixtures';

let bridge: TestBridge;
beforeEach(async () => {
  bridge = await bridgeSignedInAs('custodian');
});
afterEach(() => bridge.close());

const WAIT = { timeout: 10_000 };

function open(hash: string) {
  window.location.hash = hash;
  const user = userEvent.setup({ delay: null });
  renderFeature(custodyRoutes);
  return user;
}

describe('destruction execution', { timeout: 120_000 }, () => {
  it('names one supervisor twice: refused under the second supervisor before the irreversible confirmation, nothing destroyed; two people: destroyed', async () => {
    const cast = await custodyCast(bridge.app);
    const box = await expiredBox(bridge.app);
    const proposal = await bridge.app.ok('destruction-propose', { boxCodes: [box.code], reason: '保管期限已满' }, cast.custodian);
    await bridge.app.ok('destruction-decide', { id: proposal.id, approve: true, reason: '' }, cast.manager);
    const user = open(`#/custody/destructions/${proposal.id}`);

    await user.click(await screen.findByRole('button', { name: /执行销毁/ }, WAIT));
    const dialog = (await screen.findByText(`执行销毁 · ${proposal.registerNo}`, {}, WAIT)).closest('.ant-modal') as HTMLElement;
    await user.type(within(dialog).getByLabelText('执行人'), '李强');
    await user.type(within(dialog).getByLabelText('监销人（一）'), '王芳');
    await user.type(within(dialog).getByLabelText('监销人（二）'), '王芳');
    const confirm = async () => {
      await user.click(within(dialog).getByRole('button', { name: /执行销毁/ }));
      const box = (await screen.findByText('销毁后档案状态变为“已销毁”，不能撤销。确定记录销毁？', {}, WAIT)).closest('.ant-modal') as HTMLElement;
      await user.click(within(box).getByRole('button', { name: /执行销毁/ }));
    };
    await user.click(within(dialog).getByRole('button', { name: /执行销毁/ }));
    const second = within(dialog).getByLabelText('监销人（二）').closest('.ant-form-item') as HTMLElement;
    expect(await within(second).findByText('两名监销人必须是不同的人（王芳 填了两次）', {}, WAIT)).toBeInTheDocument();
    expect(screen.queryByText('销毁后档案状态变为“已销毁”，不能撤销。确定记录销毁？')).toBeNull();
    expect((await bridge.app.ok('box-get', { id: box.id }, cast.auditor)).box.status).toBe('pending_destruction');

    await user.clear(within(dialog).getByLabelText('监销人（二）'));
    await user.type(within(dialog).getByLabelText('监销人（二）'), '张伟');
    await confirm();
    expect(await screen.findByText('销毁已记录', {}, WAIT)).toBeInTheDocument();
    expect((await bridge.app.ok('destruction-get', { id: proposal.id }, cast.auditor)).supervisors).toEqual(['王芳', '张伟']);
    expect((await bridge.app.ok('box-get', { id: box.id }, cast.auditor)).box.status).toBe('destroyed');
  });
});

describe('monthly inspection', { timeout: 120_000 }, () => {
  it('starts the month, a scan opens the box’s check, Enter records it in order; a finding needs its owner', async () => {
    const shelf = (n: number) => positionAt(bridge.app, '一号档案室', 'A01', n, 1);
    const [first, second] = [
      await createBox(bridge.app, { title: '一号盒', locationId: await shelf(1) }),
      await createBox(bridge.app, { title: '二号盒', locationId: await shelf(2) }),
    ];
    const user = open('#/custody/inspection');

    expect(await screen.findByText(/本月（\d{4}-\d{2}）的档案检查尚未开始/, {}, WAIT)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /开始本月检查/ }));
    await user.click(await screen.findByRole('button', { name: /确\s*定|OK/ }, WAIT));
    const scan = await screen.findByLabelText(/在架位前扫描档案条码/, {}, WAIT);

    await user.type(scan, `${first.code}{enter}`);
    const check = async (code: string) => (await screen.findByText(`检查 ${code}`, {}, WAIT)).closest('.ant-modal') as HTMLElement;
    const firstDialog = await check(first.code);
    expect(within(firstDialog).getByText('一号盒')).toBeInTheDocument();
    await user.type(within(firstDialog).getByLabelText('情况说明'), '{enter}');
    // This month's card, not the history table below it.
    const current = () => within(screen.getByText(/^月度检查 \d{4}-\d{2}$/).closest('.ant-card') as HTMLElement);
    expect(await current().findByText(/已查 1 \/ 2 盒/, {}, WAIT)).toBeInTheDocument();
    // With a box left the month cannot be completed: the button says why instead of asking first.
    const completeButton = () => current().getByRole('button', { name: /完成本次检查/ });
    expect(completeButton()).toBeDisabled();
    expect(current().getByText('还有 1 盒档案未检查，不能完成本次检查')).toBeInTheDocument();

    await user.type(scan, `${second.code}{enter}`);
    const secondDialog = await check(second.code);
    await user.click(within(secondDialog).getAllByText('否')[1]);
    await user.type(within(secondDialog).getByLabelText('情况说明'), '缺消防验收单{enter}');
    const owner = within(secondDialog).getByLabelText('跟进责任人').closest('.ant-form-item') as HTMLElement;
    expect(await within(owner).findByText('有问题时请填写跟进责任人', {}, WAIT)).toBeInTheDocument();
    await user.type(within(secondDialog).getByLabelText('跟进责任人'), '李强{enter}');
    expect(await current().findByText(/已查 2 \/ 2 盒，有问题 1 盒/, {}, WAIT)).toBeInTheDocument();
    const followUps = await bridge.app.ok('follow-up-list', { status: 'open', limit: 10 }, await bridge.app.as('manager'));
    expect(followUps.map((f) => [f.boxCode, f.owner, f.findings])).toEqual([[second.code, '李强', ['incomplete']]]);
    expect(completeButton()).toBeEnabled();
    await user.click(completeButton());
    await user.click(await screen.findByRole('button', { name: /确\s*定|OK/ }, WAIT));
    expect(await current().findByText('本次检查已完成', {}, WAIT)).toBeInTheDocument();
  });
});
