import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lendingRoutes } from '../../renderer/features/lending/routes';
import { renderFeature } from '../support/feature';
import type { TestBridge } from '../support/bridge';
import { createBox, validLoanInput } from '../support/fixtures';
import { bridgeSignedInAs } from './catalogue-fixtures';

/** A tab left open while the record moved on elsewhere: the refusal reloads it, so the screen stops offering the old step. */
let bridge: TestBridge;

beforeEach(async () => {
  bridge = await bridgeSignedInAs('clerk');
});
afterEach(() => bridge.close());

describe('a refusal because the record moved on', { timeout: 180_000 }, () => {
  it('出借 in a stale tab after the loan was handed out elsewhere: says so, then shows 借出中 and no 出借', async () => {
    const box = await createBox(bridge.app);
    const clerk = await bridge.app.as('clerk');
    const loan = await bridge.app.ok('loan-request', validLoanInput({ boxCode: box.code }), clerk);
    await bridge.app.ok('loan-decide', { id: loan.id, approve: true, copyAllowed: false, reason: '' }, await bridge.app.as('manager'));
    window.location.hash = `#/lending/${loan.id}`;
    const user = userEvent.setup({ delay: null });
    renderFeature(lendingRoutes);
    const handOut = await screen.findByRole('button', { name: /^出\s*借$/ }, { timeout: 10_000 });

    await bridge.app.ok('loan-hand-out', { id: loan.id }, clerk);
    await user.click(handOut);
    const confirm = (await screen.findByText('确认已将档案交给借阅人？')).closest('.ant-popover') as HTMLElement;
    await user.click(within(confirm).getByRole('button', { name: /确\s*定|OK/ }));

    // The refusal names who moved it on (issue #15: two desks on one loan).
    expect(await screen.findByText('该档案已由 clerk-测试 借出，不能再进行此操作')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: /^出\s*借$/ })).toBeNull(), { timeout: 10_000 });
    expect(screen.getAllByText('借出中').length).toBeGreaterThan(0);
  });
});
