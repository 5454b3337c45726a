import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogueRoutes } from '../../renderer/features/catalogue/routes';
import { renderFeature } from '../support/feature';
import type { TestBridge } from '../support/bridge';
import { validLoanInput } from '../support/fixtures';
import { boxInput, bridgeSignedInAs, ownerInput } from './catalogue-fixtures';

let bridge: TestBridge;

beforeEach(async () => {
  bridge = await bridgeSignedInAs('custodian');
});
afterEach(() => bridge.close());

/** A catering tenant's box holding a and b only: c, d and e (catering) are missing. */
async function cateringBoxWithTwoDocuments(): Promise<number> {
  const custodian = await bridge.app.as('custodian');
  const owner = await bridge.app.ok('owner-create', ownerInput({ name: '海底捞火锅', unitNo: 'L5-001', floor: 'L5', businessType: 'catering' }), custodian);
  const detail = await bridge.app.ok('box-create', boxInput({ kind: 'tenant', title: '海底捞火锅租户档案', ownerId: owner.id }), custodian);
  for (const [category, title] of [
    ['a', '租户基本情况记录表'],
    ['b', '消防验收单'],
  ] as const) {
    await bridge.app.ok('box-document-add', { boxId: detail.box.id, docDate: '2024-03-01', title, category, pages: 2, note: '' }, custodian);
  }
  return detail.box.id;
}

describe('box detail', () => {
  it('shows which expected categories the box is missing', async () => {
    const id = await cateringBoxWithTwoDocuments();
    window.location.hash = `#/boxes/${id}`;
    renderFeature(catalogueRoutes);

    const card = (await screen.findByText('应有材料（§4.3.2）', {}, { timeout: 10_000 })).closest('.ant-card') as HTMLElement;
    expect(within(card).getByText('缺 3 类')).toBeInTheDocument();
    const line = (label: string) => within(card).getByText(label).closest('.cat-checklist-line') as HTMLElement;
    expect(within(line('a 租户基本情况记录表')).getByText('已有 1 份')).toBeInTheDocument();
    expect(within(line('c 装修资料、装修竣工验收记录')).getByText('缺失')).toBeInTheDocument();
    expect(within(line('e 油烟管道/四害消杀合同备案、油烟管道清洁记录')).getByText('缺失')).toBeInTheDocument();
    expect(within(line('f 工作联系函')).getByText('可选，暂无')).toBeInTheDocument();

    const contents = screen.getByText('卷内目录').closest('.ant-card') as HTMLElement;
    expect(within(contents).getByText('消防验收单')).toBeInTheDocument();
  });

  it('adds an item to the contents list and counts it in the checklist', async () => {
    const id = await cateringBoxWithTwoDocuments();
    window.location.hash = `#/boxes/${id}`;
    const user = userEvent.setup({ delay: null });
    renderFeature(catalogueRoutes);

    // Text queries, not role queries: jsdom computes roles over the whole antd tree, slowly.
    await user.click(await screen.findByText('添加文件', {}, { timeout: 10_000 }));
    const dialog = (await screen.findByText('添加卷内文件')).closest('.ant-modal') as HTMLElement;
    await user.type(within(dialog).getByLabelText('题名'), '补充表{enter}');

    const contents = (await screen.findByText('补充表', {}, { timeout: 10_000 })).closest('.ant-card') as HTMLElement;
    expect(within(contents).getByText('共 3 件，5 页')).toBeInTheDocument();
    const card = screen.getByText('应有材料（§4.3.2）').closest('.ant-card') as HTMLElement;
    expect(within(card).getByText('已有 2 份')).toBeInTheDocument();
  });
});

describe('box page header', { timeout: 120_000 }, () => {
  it('a held box on loan says both next to its code, with the hold reason', async () => {
    const custodian = await bridge.app.as('custodian');
    const detail = await bridge.app.ok('box-create', boxInput({ title: '2019年对外发函' }), custodian);
    const clerk = await bridge.app.as('clerk');
    const loan = await bridge.app.ok('loan-request', validLoanInput({ boxCode: detail.box.code }), clerk);
    await bridge.app.ok('loan-decide', { id: loan.id, approve: true, copyAllowed: false, reason: '' }, await bridge.app.as('manager'));
    await bridge.app.ok('loan-hand-out', { id: loan.id }, clerk);
    await bridge.app.ok('hold-place', { boxId: detail.box.id, reason: '租户押金纠纷，待法务处理' }, custodian);
    window.location.hash = `#/boxes/${detail.box.id}`;
    renderFeature(catalogueRoutes);

    const beside = (await screen.findByText(detail.box.code, { selector: '.cat-box-code *, .cat-box-code' }, { timeout: 10_000 })).closest(
      '.cat-box-heading',
    ) as HTMLElement;
    expect(beside).not.toBeNull();
    expect(await within(beside).findByText('借出')).toBeInTheDocument();
    expect(await within(beside).findByText(/冻结中/, {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(within(beside).getByText(/租户押金纠纷，待法务处理/)).toBeInTheDocument();
  });
});
