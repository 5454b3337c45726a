import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useSession } from '../../renderer/api/session-store';
import { signOutEverywhere } from '../../renderer/app/session';
import type { TestBridge } from '../support/bridge';
import { createBox, validLoanInput } from '../support/fixtures';
import { lendingCast, loanOut } from '../support/lending';
import { renderApp } from '../support/feature';
import { bridgeSignedInAs } from './catalogue-fixtures';

let bridge: TestBridge;
afterEach(() => bridge.close());

const openLoan = (id: number) => {
  window.location.hash = `#/lending/${id}`;
  renderApp();
};

/**
 * README: "Sign-out clears the previous user's messages and dialogs" (renderer/app/App.tsx): the
 * next person at the desk must not read what the last one was told, nor answer their question.
 */
describe('sign-out clears the previous user’s messages and dialogs', { timeout: 90_000 }, () => {
  it('takes the toast of the last write away when the user signs out', async () => {
    bridge = await bridgeSignedInAs('clerk');
    const cast = await lendingCast(bridge.app);
    const box = await createBox(bridge.app);
    const loan = await bridge.app.ok('loan-request', validLoanInput({ boxCode: box.code }), cast.clerk);
    const user = userEvent.setup({ delay: null });
    openLoan(loan.id);

    await user.click(await screen.findByRole('button', { name: '撤销申请' }, { timeout: 20_000 }));
    await user.click(await screen.findByRole('button', { name: /确\s*定/ }));
    const toast = `已撤销借阅 ${loan.loanNo}`;
    expect(await screen.findByText(toast, {}, { timeout: 10_000 })).toBeInTheDocument();

    // What 退出登录 in the user menu runs, at once: through the menu a slow run can outlast the toast's own 3 s.
    await act(() => signOutEverywhere());
    expect(await screen.findByLabelText('用户名')).toBeInTheDocument();
    // Gone well within the 3 s a toast stays by itself: cleared, not timed out.
    await waitFor(() => expect(screen.queryByText(toast)).not.toBeInTheDocument(), { timeout: 1_000 });
  });

  it('closes a confirmation left open when the session ends, so the next user cannot answer it', async () => {
    bridge = await bridgeSignedInAs('custodian');
    const cast = await lendingCast(bridge.app);
    const box = await createBox(bridge.app);
    const out = await loanOut(bridge.app, cast, box.code);
    await bridge.app.ok(
      'loan-return',
      { id: out.id, condition: 'damaged', missingDocumentIds: [], incident: { description: '封面破损', responsible: '王芳', followUp: '' } },
      cast.custodian,
    );
    const user = userEvent.setup({ delay: null });
    openLoan(out.id);

    await user.click(await screen.findByRole('button', { name: /^结\s*案$/ }, { timeout: 20_000 }));
    const form = (await screen.findByText('事故结案')).closest('.ant-modal') as HTMLElement;
    await user.type(within(form).getByLabelText('处理结果'), '已修补');
    await user.click(within(form).getByRole('button', { name: '确认结案' }));
    expect((await screen.findAllByText('确定结案？')).length).toBeGreaterThan(0);

    // The session ends (signed out elsewhere, or timed out) with the question still open.
    useSession.getState().signOut(true);
    expect(await screen.findByText('登录已超时，请重新登录', {}, { timeout: 10_000 })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryAllByText('确定结案？')).toEqual([]), { timeout: 2_000 });
    expect(screen.queryAllByText('结案后不能撤销，处理结果将记入审计日志。')).toEqual([]);
    // Nothing was answered on the previous user's behalf.
    expect((await bridge.app.ok('loan-get', { id: out.id }, cast.custodian)).incidents[0].status).toBe('open');
  });
});
