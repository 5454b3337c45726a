import { screen } from '@testing-library/react';
import type { TestBridge } from '../support/bridge';
import { createBox, validLoanInput } from '../support/fixtures';
import { lendingCast, loanOut } from '../support/lending';
import { renderApp } from '../support/feature';
import { bridgeSignedInAs } from './catalogue-fixtures';

let bridge: TestBridge;
afterEach(() => {
  vi.useRealTimers();
  bridge.close();
});

const openLoan = (id: number) => {
  window.location.hash = `#/lending/${id}`;
  renderApp();
};

/** The button is there, disabled, and described by the sentence the service refuses it with. */
async function expectRefused(label: string, reason: string) {
  const button = (await screen.findByText(label, {}, { timeout: 15_000 })).closest('button')!;
  expect(button).toBeDisabled();
  const described = document.getElementById(button.getAttribute('aria-describedby')!);
  expect(described).toHaveTextContent(reason);
  expect(described).toBeVisible();
}

// Each test renders the whole shell over a real archive: slow under a parallel run.
describe('actions the rules forbid just now', { timeout: 90_000 }, () => {
  it('a manager sees the approval of their own loan refused, with the reason', async () => {
    bridge = await bridgeSignedInAs('manager');
    const cast = await lendingCast(bridge.app);
    const box = await createBox(bridge.app);
    const loan = await bridge.app.ok('loan-request', validLoanInput({ boxCode: box.code, borrower: { kind: 'user', userId: cast.managerId } }), cast.clerk);
    openLoan(loan.id);

    await expectRefused('批准', '不能审批自己经办或自己借阅的申请，请由另一位部门经理审批');
    await expectRefused('驳回', '不能审批自己经办或自己借阅的申请，请由另一位部门经理审批');
  });

  it('after the due date 申请续借 stays in view, disabled, saying renewals come before it', async () => {
    bridge = await bridgeSignedInAs('clerk');
    const cast = await lendingCast(bridge.app);
    const box = await createBox(bridge.app);
    // Lent for a day, four days ago: only the loan's dates are in the past; the session keeps the real clock.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 4 * 86_400_000);
    const loan = await loanOut(bridge.app, cast, box.code, { days: 1 });
    vi.useRealTimers();
    openLoan(loan.id);

    await expectRefused('申请续借', `续借须在到期日（${loan.dueDate}）之前办理`);
  });
});
