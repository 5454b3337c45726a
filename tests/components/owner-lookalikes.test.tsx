import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogueRoutes } from '../../renderer/features/catalogue/routes';
import { importRoutes } from '../../renderer/features/import/routes';
import { renderFeature } from '../support/feature';
import type { TestBridge } from '../support/bridge';
import { createOwner } from '../support/fixtures';
import { bridgeSignedInAs, ownerInput } from './catalogue-fixtures';

let bridge: TestBridge;
beforeEach(async () => {
  bridge = await bridgeSignedInAs('custodian');
});
afterEach(() => bridge.close());

const CUIYU = '翠鸟（成都）餐饮管理有限公司';

function renderAt(hash: string) {
  window.location.hash = hash;
  renderFeature(catalogueRoutes, importRoutes);
  return userEvent.setup({ delay: null });
}

/** The confirmation, found by its title (antd's confirm does not name its dialog). */
const sameNameWarning = async () =>
  (await screen.findByText('已有同名的租户/客户', { selector: '.ant-modal-confirm-title' }, { timeout: 10_000 })).closest('.ant-modal') as HTMLElement;

const ownerNames = async () => (await bridge.app.ok('owner-list', { query: '' }, await bridge.app.as('custodian'))).rows.map((o) => o.name).sort();

describe('the owner form and a name folding to an existing owner', { timeout: 120_000 }, () => {
  it('still says a phone is not one, then warns that the name is an existing owner and saves only when told', async () => {
    await createOwner(bridge.app, ownerInput({ name: CUIYU }));
    const user = renderAt('#/owners');
    await user.click(await screen.findByRole('button', { name: /新建租户\/客户/ }, { timeout: 20_000 }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('名称'), '翠鸟(成都)餐饮管理  有限公司');
    await user.type(within(dialog).getByLabelText('联系电话'), '电话未知');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await within(dialog).findByText('电话只能是数字，可带 +，数字间可用空格或 - ( ) 分隔')).toBeInTheDocument();

    await user.clear(within(dialog).getByLabelText('联系电话'));
    await user.type(within(dialog).getByLabelText('联系电话'), "'+86 138-0000-1111");
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    const warning = await sameNameWarning();
    expect(
      within(warning).getByText(`“翠鸟(成都)餐饮管理 有限公司”与已有的“${CUIYU}”是同一名称（只是括号全角/半角、空格或不可见字符不同），保存后会成为两条记录。`),
    ).toBeInTheDocument();
    expect(await ownerNames()).toEqual([CUIYU]);

    await user.click(within(warning).getByRole('button', { name: /仍然保存/ }));
    await waitFor(async () => expect(await ownerNames()).toEqual(['翠鸟(成都)餐饮管理 有限公司', CUIYU].sort()), { timeout: 10_000 });
    const created = (await bridge.app.ok('owner-list', { query: '管理 有限' }, await bridge.app.as('custodian'))).rows[0]!;
    expect(created.phone).toBe('+8613800001111');
  });

  it('offers to open the existing owner instead', async () => {
    const cuiyu = await createOwner(bridge.app, ownerInput({ name: CUIYU }));
    const user = renderAt('#/owners');
    await user.click(await screen.findByRole('button', { name: /新建租户\/客户/ }, { timeout: 20_000 }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('名称'), '翠鸟\u200B【成都】餐饮管理有限公司');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    const warning = await sameNameWarning();
    await user.click(within(warning).getByRole('button', { name: `打开已有的“${CUIYU}”` }));
    await waitFor(() => expect(window.location.hash).toBe(`#/owners/${cuiyu}`));
    expect(await ownerNames()).toEqual([CUIYU]);
  });

  it('renaming an owner to its own name written another way does not warn about itself', async () => {
    const cuiyu = await createOwner(bridge.app, ownerInput({ name: CUIYU }));
    const user = renderAt(`#/owners/${cuiyu}`);
    await user.click(await screen.findByRole('button', { name: /编\s*辑/ }, { timeout: 20_000 }));
    const dialog = await screen.findByRole('dialog');
    await user.clear(within(dialog).getByLabelText('名称'));
    await user.type(within(dialog).getByLabelText('名称'), '翠鸟(成都)餐饮管理有限公司');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(async () => expect(await ownerNames()).toEqual(['翠鸟(成都)餐饮管理有限公司']), { timeout: 10_000 });
    expect(screen.queryAllByText('已有同名的租户/客户')).toEqual([]);
  });
});

describe('the box import dry run and look-alike owners', { timeout: 120_000 }, () => {
  it('lists each owner it will create, says which it matched, and imports as the custodian chose', async () => {
    const cuiyu = await createOwner(bridge.app, ownerInput({ name: CUIYU }));
    const yipin = await createOwner(bridge.app, ownerInput({ name: '上海一品餐饮有限公司' }));
    const csv = [
      '档案编号,类别,题名,租户名称,卷号',
      'ZH-2024-0001,租户档案,租赁合同,翠鸟(成都)餐饮管理有限公司,1',
      'ZH-2024-0002,租户档案,装修图纸,翠鸟（成都）餐饮管理有限公可,2',
      'ZH-2024-0003,租户档案,租赁合同,上海二品餐饮有限公司,1',
      'ZH-2024-0004,租户档案,租赁合同,杭州华联商厦有限公司,1',
    ].join('\r\n');
    const user = renderAt('#/boxes/import');
    await screen.findByText('选择档案盒的 Excel（.xlsx）或 CSV 文件', {}, { timeout: 20_000 });
    await user.upload(document.querySelector<HTMLInputElement>('input[type=file]')!, new File([csv], 'sheetjs.csv', { type: 'text/csv' }));

    const card = (await screen.findByText('租户/客户：将新建 3 个', {}, { timeout: 10_000 })).closest('.ant-card') as HTMLElement;
    expect(within(card).getByText('有 2 个名称与已有租户/客户只差一个字，请逐个确认是同一单位（合并）还是另一单位（新建）后再导入。')).toBeInTheDocument();
    const rowOf = (name: string) => within(card).getByText(name).closest('tr')!;
    expect(within(rowOf('翠鸟(成都)餐饮管理有限公司')).getByText(`匹配到已有租户“${CUIYU}”`)).toBeInTheDocument();
    expect(within(rowOf('翠鸟（成都）餐饮管理有限公可')).getByText(`相近：“${CUIYU}”`)).toBeInTheDocument();
    expect(within(rowOf('上海二品餐饮有限公司')).getByText('相近：“上海一品餐饮有限公司”')).toBeInTheDocument();
    expect(within(rowOf('杭州华联商厦有限公司')).getByText('新建')).toBeInTheDocument();

    const run = screen.getByRole('button', { name: /导入 4 行档案盒/ });
    expect(run).toBeDisabled();
    await user.click(within(rowOf('翠鸟（成都）餐饮管理有限公可')).getByRole('radio', { name: `合并到已有“${CUIYU}”` }));
    expect(run).toBeDisabled();
    await user.click(within(rowOf('上海二品餐饮有限公司')).getByRole('radio', { name: '新建（不是同一单位）' }));
    expect(run).toBeEnabled();
    await user.click(run);
    expect(await screen.findByText('已导入 4 个档案，新建 2 个租户/客户', {}, { timeout: 10_000 })).toBeInTheDocument();

    const custodian = await bridge.app.as('custodian');
    expect(await ownerNames()).toEqual([CUIYU, '上海一品餐饮有限公司', '上海二品餐饮有限公司', '杭州华联商厦有限公司'].sort());
    expect((await bridge.app.ok('owner-get', { id: cuiyu }, custodian)).boxes.map((b) => b.code)).toEqual(['ZH-2024-0001', 'ZH-2024-0002']);
    expect((await bridge.app.ok('owner-get', { id: yipin }, custodian)).boxes).toEqual([]);
  });
});
