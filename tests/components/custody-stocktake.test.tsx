import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { custodyRoutes } from '../../renderer/features/custody/routes';
import { formatDate } from '../../renderer/ui/format';
import { renderFeature } from '../support/feature';
import type { TestBridge } from '../support/bridge';
import { createBox } from '../support/fixtures';
import { bridgeSignedInAs } from './catalogue-fixtures';

let bridge: TestBridge;
afterEach(() => bridge.close());

const WAIT = { timeout: 10_000 };

function open() {
  window.location.hash = '#/custody/inspection';
  const user = userEvent.setup({ delay: null });
  renderFeature(custodyRoutes);
  return user;
}

const card = () => screen.getByText('全面盘点', { selector: '.ant-card-head-title' }).closest('.ant-card') as HTMLElement;

describe('full stocktake on the inspection screen', { timeout: 120_000 }, () => {
  it('warns that none was ever done and starts one beside the monthly check', async () => {
    bridge = await bridgeSignedInAs('custodian');
    const box = await createBox(bridge.app);
    const user = open();
    expect(await screen.findByText('尚未进行过全面盘点', {}, WAIT)).toBeInTheDocument();
    expect(within(card()).getByText(/每年至少应全面盘点一次/)).toBeInTheDocument();
    await user.click(within(card()).getByRole('button', { name: /开始全面盘点/ }));
    await user.click(await screen.findByRole('button', { name: /确\s*定|OK/ }, WAIT));
    const running = (await screen.findByText(/^全面盘点 \d{4}-\d{2}$/, {}, WAIT)).closest('.ant-card') as HTMLElement;
    expect(within(running).getByText(box.code)).toBeInTheDocument();
    // The monthly check is still to be started on its own.
    expect(screen.getByText(/本月（\d{4}-\d{2}）的档案检查尚未开始/)).toBeInTheDocument();
  });

  it('says when the last one was, warns when it is over a year old, and lists what it found', async () => {
    bridge = await bridgeSignedInAs('manager');
    const custodian = await bridge.app.as('custodian');
    const [kept, lost] = [await createBox(bridge.app, { title: '在架的盒' }), await createBox(bridge.app, { title: '找不到的盒', volume: 2 })];
    const full = await bridge.app.ok('inspection-start', { kind: 'full' }, custodian);
    const item = (code: string) => full.items.find((i) => i.code === code)!.id;
    const check = { present: true, complete: true, correctlyFiled: true, condition: 'good', note: '', followUpOwner: '' } as const;
    await bridge.app.ok('inspection-check', { ...check, itemId: item(kept.code) }, custodian);
    await bridge.app.ok('inspection-check', { ...check, itemId: item(lost.code), present: false, note: '架上未找到', followUpOwner: '李强' }, custodian);
    await bridge.app.ok('inspection-complete', { id: full.id }, custodian);
    // As if it had been completed fourteen months ago.
    const then = new Date();
    then.setMonth(then.getMonth() - 14);
    bridge.app.runtime.requireDb().$client.prepare('UPDATE inspections SET completed_at = ? WHERE id = ?').run(then.toISOString(), full.id);

    open();
    const last = await screen.findByText(/^上次全面盘点：.*共清点 2 盒，发现问题 1 盒$/, {}, WAIT);
    expect(last.textContent).toContain(formatDate(then.toISOString()));
    expect(within(card()).getByText(/已超过一年/)).toBeInTheDocument();
    const found = within(card()).getByText(lost.code).closest('tr') as HTMLElement;
    expect(within(found).getByText('找不到的盒')).toBeInTheDocument();
    expect(within(found).getByText(/架上未找到/)).toBeInTheDocument();
    expect(within(card()).queryByText(kept.code)).toBeNull();
    expect(within(card()).queryByRole('button', { name: /开始全面盘点/ })).toBeNull();
  });
});
