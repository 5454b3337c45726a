import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createQueryClient, Root } from '../../renderer/app/Root';
import type { TestBridge } from '../support/bridge';
import { createBox } from '../support/fixtures';
import { lendingCast, loanOut } from '../support/lending';
import { bridgeSignedInAs } from './catalogue-fixtures';

let bridge: TestBridge;

beforeEach(async () => {
  bridge = await bridgeSignedInAs('clerk');
});
afterEach(() => bridge.close());

/** Opens 借阅登记 and scans the box: its code, then the scanner's Enter. */
async function openFormAndScan(code: string) {
  window.location.hash = '#/lending/new';
  const user = userEvent.setup({ delay: null });
  render(<Root queryClient={createQueryClient()} />);
  await user.type(await screen.findByLabelText('档案编号', {}, { timeout: 10_000 }), `${code}{enter}`);
  return user;
}

// Each test signs users in and renders the whole shell: slow under a parallel run.
describe('loan request form', { timeout: 60_000 }, () => {
  it('shows the scanned box and, in Chinese, that the purpose is required', async () => {
    const box = await createBox(bridge.app, { title: '万象城租户押金档案' });
    const user = await openFormAndScan(box.code);

    expect(await screen.findByText('万象城租户押金档案', {}, { timeout: 10_000 })).toBeInTheDocument();
    await user.click(screen.getByText('提交申请'));

    const purpose = screen.getByLabelText('借阅目的').closest('.ant-form-item') as HTMLElement;
    expect(await within(purpose).findByText('必填')).toBeInTheDocument();
    expect((await bridge.app.ok('loan-list', { limit: 10 }, await bridge.app.as('clerk'))).rows).toHaveLength(0);
  });

  it('refuses, visibly, a box that is out on loan', async () => {
    const box = await createBox(bridge.app);
    await loanOut(bridge.app, await lendingCast(bridge.app), box.code);
    await openFormAndScan(box.code);

    expect(await screen.findByText('该档案当前“借出”，不能借出', {}, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('does not let a short loan run 4 days', async () => {
    const box = await createBox(bridge.app);
    const user = await openFormAndScan(box.code);

    await screen.findByText('在库', {}, { timeout: 10_000 });
    const days = screen.getByLabelText('借阅天数');
    await user.clear(days);
    await user.type(days, '4');
    await user.tab();
    expect(days).toHaveValue('3');

    // A long loan may run 7 days; going back to short takes the days down to 3 again.
    await user.click(screen.getByText('长期（≤7天）'));
    await user.clear(days);
    await user.type(days, '6');
    await user.tab();
    expect(days).toHaveValue('6');
    await user.click(screen.getByText('短期（≤3天）'));
    expect(days).toHaveValue('3');
  });
});
