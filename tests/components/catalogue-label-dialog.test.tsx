import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogueRoutes } from '../../renderer/features/catalogue/routes';
import type { TestBridge } from '../support/bridge';
import { renderFeature } from '../support/feature';
import { boxInput, bridgeSignedInAs } from './catalogue-fixtures';

let bridge: TestBridge;
beforeEach(async () => {
  bridge = await bridgeSignedInAs('clerk');
});
afterEach(() => bridge.close());

const WAIT = { timeout: 10_000 };

/** The box page's label dialog with a size picked from its list. */
async function labelDialogFor(retentionClass: 'permanent' | 'y30', size: string) {
  const { box } = await bridge.app.ok('box-create', boxInput({ title: '2019年对外发函', retentionClass }), await bridge.app.as('custodian'));
  window.location.hash = `#/boxes/${box.id}`;
  const user = userEvent.setup({ delay: null });
  renderFeature(catalogueRoutes);
  await user.click(await screen.findByText('打印标签', {}, WAIT));
  const dialog = (await screen.findByText('打印档案盒标签', {}, WAIT)).closest('.ant-popover') as HTMLElement;
  expect(within(dialog).queryByText(/直热式/)).toBeNull();
  await user.click(within(dialog).getByLabelText('标签规格'));
  await user.click(await screen.findByText(size, { selector: '.ant-select-item-option-content' }, WAIT));
  return dialog;
}

describe('label dialog', { timeout: 120_000 }, () => {
  it('says that direct-thermal roll labels fade', async () => {
    const dialog = await labelDialogFor('y30', '40×30 毫米卷筒标签');
    const notice = (await within(dialog).findByText(/卷筒标签多为直热式热敏纸/, {}, WAIT)).closest('.ant-alert') as HTMLElement;
    expect(notice).toHaveClass('ant-alert-info');
  });

  it('warns more strongly when the box is kept permanently', async () => {
    const dialog = await labelDialogFor('permanent', '60×40 毫米卷筒标签');
    const notice = (await within(dialog).findByText(/有“永久”保管的档案盒/, {}, WAIT)).closest('.ant-alert') as HTMLElement;
    expect(notice).toHaveClass('ant-alert-warning');
  });
});
