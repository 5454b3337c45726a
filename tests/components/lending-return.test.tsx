import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lendingRoutes } from '../../renderer/features/lending/routes';
import { renderFeature } from '../support/feature';
import type { TestBridge } from '../support/bridge';
import { createBox } from '../support/fixtures';
import { lendingCast, loanOut } from '../support/lending';
import { bridgeSignedInAs } from './catalogue-fixtures';

let bridge: TestBridge;

beforeEach(async () => {
  bridge = await bridgeSignedInAs('custodian');
});
afterEach(() => bridge.close());

describe('loan return', { timeout: 60_000 }, () => {
  it('a box returned 损毁 needs an incident description', async () => {
    const box = await createBox(bridge.app);
    const loan = await loanOut(bridge.app, await lendingCast(bridge.app), box.code);
    window.location.hash = `#/lending/${loan.id}`;
    const user = userEvent.setup({ delay: null });
    renderFeature(lendingRoutes);

    await user.click(await screen.findByText('归还验收', {}, { timeout: 10_000 }));
    const dialog = (await screen.findByText(`归还验收 · ${box.code}`)).closest('.ant-modal') as HTMLElement;
    await user.click(within(dialog).getByText('损毁'));
    await user.type(within(dialog).getByLabelText('责任人'), '王芳{enter}');

    const description = within(dialog).getByLabelText('情况说明').closest('.ant-form-item') as HTMLElement;
    expect(await within(description).findByText('必填')).toBeInTheDocument();
    expect((await bridge.app.ok('loan-get', { id: loan.id }, await bridge.app.as('custodian'))).status).toBe('out');
  });
});
