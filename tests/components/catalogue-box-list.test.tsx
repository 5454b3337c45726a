import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogueRoutes } from '../../renderer/features/catalogue/routes';
import { renderFeature } from '../support/feature';
import type { TestBridge } from '../support/bridge';
import { boxInput, bridgeSignedInAs } from './catalogue-fixtures';

let bridge: TestBridge;

beforeEach(async () => {
  bridge = await bridgeSignedInAs('clerk');
});
afterEach(() => bridge.close());

describe('catalogue list', () => {
  it('finds a box by a two-character Chinese query while typing', async () => {
    const custodian = await bridge.app.as('custodian');
    await bridge.app.ok('box-create', boxInput({ kind: 'letters', title: '2024年对外发函（万达）' }), custodian);
    await bridge.app.ok('box-create', boxInput({ kind: 'letters', title: '2024年整改通知汇总' }), custodian);
    window.location.hash = '#/boxes';
    const user = userEvent.setup({ delay: null });
    renderFeature(catalogueRoutes);

    expect(await screen.findByText('2024年整改通知汇总', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText('共 2 条')).toBeInTheDocument();
    // A clerk finds and opens boxes; creating them is the custodian's.
    expect(screen.queryByText('新建档案')).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('搜索编号、题名、租户、铺位号…'), '万达');
    expect(await screen.findByText('共 1 条', {}, { timeout: 5_000 })).toBeInTheDocument();
    expect(screen.getByText('2024年对外发函（万达）')).toBeInTheDocument();
    expect(screen.queryByText('2024年整改通知汇总')).not.toBeInTheDocument();
  });
});
