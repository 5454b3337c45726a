import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lendingRoutes } from '../../renderer/features/lending/routes';
import { renderFeature } from '../support/feature';
import type { TestBridge } from '../support/bridge';
import { createBox, validLoanInput } from '../support/fixtures';
import { bridgeSignedInAs } from './catalogue-fixtures';

let bridge: TestBridge;

beforeEach(async () => {
  bridge = await bridgeSignedInAs('manager');
});
afterEach(() => bridge.close());

describe('loan decision', { timeout: 60_000 }, () => {
  it('a manager approves a request with copy permission, and the detail shows it', async () => {
    const box = await createBox(bridge.app);
    const loan = await bridge.app.ok('loan-request', validLoanInput({ boxCode: box.code, copyRequested: true }), await bridge.app.as('clerk'));
    window.location.hash = `#/lending/${loan.id}`;
    const user = userEvent.setup({ delay: null });
    renderFeature(lendingRoutes);

    await user.click(await screen.findByText('批准', {}, { timeout: 10_000 }));
    const dialog = (await screen.findByText(`批准 · ${loan.loanNo}`)).closest('.ant-modal') as HTMLElement;
    await user.click(within(dialog).getByLabelText('同意摘抄/复制'));
    await user.type(within(dialog).getByLabelText('审批意见'), '同意{enter}');

    const copy = (await screen.findByText('摘抄/复制', {}, { timeout: 10_000 })).closest('th')?.nextElementSibling as HTMLElement;
    expect(await within(copy).findByText('已同意', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getAllByText('已批准').length).toBeGreaterThan(0);
    expect((await bridge.app.ok('loan-get', { id: loan.id }, await bridge.app.as('manager'))).copyAllowed).toBe(true);
  });
});
