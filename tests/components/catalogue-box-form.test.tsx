import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogueRoutes } from '../../renderer/features/catalogue/routes';
import { renderFeature } from '../support/feature';
import type { TestBridge } from '../support/bridge';
import { boxInput, bridgeSignedInAs, ownerInput } from './catalogue-fixtures';

let bridge: TestBridge;

beforeEach(async () => {
  bridge = await bridgeSignedInAs('custodian');
});
afterEach(() => bridge.close());

function formItem(label: string): HTMLElement {
  return screen.getByLabelText(label).closest('.ant-form-item') as HTMLElement;
}

describe('box form', () => {
  it('starts in the code field and shows a Chinese inline error for an empty title', async () => {
    window.location.hash = '#/boxes/new';
    const user = userEvent.setup({ delay: null });
    renderFeature(catalogueRoutes);

    expect(await screen.findByLabelText('档案编号', {}, { timeout: 10_000 })).toHaveFocus();
    await user.click(screen.getByText('保存'));
    expect(await within(formItem('题名')).findByText('必填')).toBeInTheDocument();
  });

  it('puts a duplicate code on the code field', async () => {
    const custodian = await bridge.app.as('custodian');
    await bridge.app.ok('box-create', boxInput({ code: 'QT-DUP-001', title: '杂项文件' }), custodian);
    const owner = await bridge.app.ok('owner-create', ownerInput({ name: '万达影城', unitNo: 'L6-001', floor: 'L6' }), custodian);
    window.location.hash = `#/boxes/new?ownerId=${owner.id}`;
    const user = userEvent.setup({ delay: null });
    renderFeature(catalogueRoutes);

    await user.type(await screen.findByLabelText('档案编号', {}, { timeout: 10_000 }), 'qt-dup-001');
    await user.type(screen.getByLabelText('题名'), '万达影城租户档案{enter}');

    expect(await within(formItem('档案编号')).findByText('档案编号 QT-DUP-001 已存在', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(within(formItem('题名')).queryByText('必填')).not.toBeInTheDocument();
  });

  it('asks before saving a code that differs from an existing one only by O/0 or I/L/1, and saves it cleaned once confirmed', async () => {
    const custodian = await bridge.app.as('custodian');
    await bridge.app.ok('box-create', boxInput({ code: 'QT-2023-0001', title: '杂项文件' }), custodian);
    const owner = await bridge.app.ok('owner-create', ownerInput({ name: '万达影城', unitNo: 'L6-001', floor: 'L6' }), custodian);
    window.location.hash = `#/boxes/new?ownerId=${owner.id}`;
    const user = userEvent.setup({ delay: null });
    renderFeature(catalogueRoutes);

    // Typed full-width with an en dash, as a Chinese IME may give it.
    await user.type(await screen.findByLabelText('档案编号', {}, { timeout: 10_000 }), 'ｑｔ\u2013２０２３－ｏｏｏ１');
    await user.type(screen.getByLabelText('题名'), '万达影城租户档案{enter}');
    const question = '档案编号 QT-2023-OOO1 与已有的 QT-2023-0001 只差字母 O 和数字 0、字母 I/L 和数字 1，容易看错或扫错。仍要保存吗？';
    const ask = async () => (await screen.findByText(question, {}, { timeout: 10_000 })).closest('.ant-modal') as HTMLElement;
    await user.click(within(await ask()).getByRole('button', { name: /返回修改/ }));
    expect(screen.getByLabelText('档案编号')).toHaveFocus();
    expect((await bridge.app.ok('box-list', { limit: 10 }, custodian)).rows.map((r) => r.code)).toEqual(['QT-2023-0001']);

    await user.click(screen.getByText('保存'));
    await user.click(within(await ask()).getByRole('button', { name: /仍然保存/ }));
    expect(await screen.findByText('万达影城租户档案', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect((await bridge.app.ok('box-list', { limit: 10 }, custodian)).rows.map((r) => r.code).sort()).toEqual(['QT-2023-0001', 'QT-2023-OOO1']);
  }, 120_000);
});
