import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createQueryClient } from '../../renderer/app/Root';
import type { TestBridge } from '../support/bridge';
import { createBox } from '../support/fixtures';
import { lendingCast, loanOut } from '../support/lending';
import { renderApp } from '../support/feature';
import { bridgeSignedInAs } from './catalogue-fixtures';

let bridge: TestBridge;

beforeEach(async () => {
  bridge = await bridgeSignedInAs('custodian');
});
afterEach(() => bridge.close());

// Issue #22: the box page kept its cached incident list after a damaged return until a reload.
describe('the one refresh rule', { timeout: 120_000 }, () => {
  it('a damaged return shows its incident on the box page, back there without a reload', async () => {
    const box = await createBox(bridge.app);
    const loan = await loanOut(bridge.app, await lendingCast(bridge.app), box.code);
    window.location.hash = `#/boxes/${box.id}`;
    const user = userEvent.setup({ delay: null });
    // jsdom is slow enough for the 30 s staleTime to lapse, which would refetch on its own:
    // data that never goes stale leaves the refresh rule as the only way the page can update.
    const client = createQueryClient();
    client.setDefaultOptions({ ...client.getDefaultOptions(), queries: { ...client.getDefaultOptions().queries, staleTime: Infinity } });
    renderApp(client);

    // The box page loads its loans and (no) incidents first, so both are cached.
    await user.click(await screen.findByRole('link', { name: loan.loanNo }, { timeout: 15_000 }));
    await user.click(await screen.findByText('归还验收', {}, { timeout: 10_000 }));
    const dialog = (await screen.findByText(`归还验收 · ${box.code}`)).closest('.ant-modal') as HTMLElement;
    await user.click(within(dialog).getByText('损毁'));
    await user.click(within(dialog).getByLabelText('情况说明'));
    await user.paste('封面水渍');
    await user.type(within(dialog).getByLabelText('责任人'), '王芳');
    await user.click(within(dialog).getByRole('button', { name: '归还验收' }));
    await waitFor(() => expect(screen.queryByText(`归还验收 · ${box.code}`)).toBeNull(), { timeout: 10_000 });

    window.history.back();
    await waitFor(() => expect(window.location.hash).toBe(`#/boxes/${box.id}`));
    // The loan page has an incidents card too: look only beside the box page's loans card.
    const loans = (await screen.findByText('借阅记录', {}, { timeout: 10_000 })).closest('.ant-card') as HTMLElement;
    const panel = loans.parentElement as HTMLElement;
    const card = (await within(panel).findByText('损毁/缺失事故', {}, { timeout: 10_000 })).closest('.ant-card') as HTMLElement;
    expect(within(card).getByText('封面水渍')).toBeInTheDocument();
    expect(within(card).getByText('损毁')).toBeInTheDocument();
  });
});
