import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lendingRoutes } from '../../renderer/features/lending/routes';
import { renderFeature } from '../support/feature';
import type { TestBridge } from '../support/bridge';
import { validLoanInput } from '../support/fixtures';
import { boxWithDocuments, lendingCast, type Cast } from '../support/lending';
import { bridgeSignedInAs } from './catalogue-fixtures';

let bridge: TestBridge;
let cast: Cast;
let box: { id: number; code: string; documentIds: number[] };

beforeEach(async () => {
  bridge = await bridgeSignedInAs('clerk');
  cast = await lendingCast(bridge.app);
  box = await boxWithDocuments(bridge.app, cast.custodian);
});
afterEach(() => bridge.close());

/** A request that asked for copying; decided by the manager with or without the consent, and handed out when told. */
async function loan(step: 'requested' | 'approved' | 'out', copyAllowed = true) {
  const requested = await bridge.app.ok('loan-request', validLoanInput({ boxCode: box.code, copyRequested: true }), cast.clerk);
  if (step === 'requested') return requested;
  const approved = await bridge.app.ok('loan-decide', { id: requested.id, approve: true, copyAllowed, reason: '' }, cast.manager);
  return step === 'approved' ? approved : bridge.app.ok('loan-hand-out', { id: requested.id }, cast.clerk);
}

const openLoan = (id: number) => {
  window.location.hash = `#/lending/${id}`;
  renderFeature(lendingRoutes);
};

const copyCard = async () => (await screen.findByText('复制/摘抄登记', {}, { timeout: 15_000 })).closest('.ant-card') as HTMLElement;

async function expectRefused(reason: string) {
  const card = await copyCard();
  const button = within(card).getByText('登记复制/摘抄').closest('button')!;
  expect(button).toBeDisabled();
  expect(document.getElementById(button.getAttribute('aria-describedby')!)).toHaveTextContent(reason);
}

describe('复制/摘抄登记 on the loan page', { timeout: 90_000 }, () => {
  it('registers a copy through the form, says so naming the loan, and lists it', async () => {
    const out = await loan('out');
    const user = userEvent.setup({ delay: null });
    openLoan(out.id);

    await user.click(within(await copyCard()).getByRole('button', { name: '登记复制/摘抄' }));
    const dialog = (await screen.findByText(`登记复制/摘抄 · ${out.loanNo}`)).closest('.ant-modal') as HTMLElement;
    // An empty description is refused under the field, in Chinese, and nothing is saved.
    await user.click(within(dialog).getByRole('button', { name: '确认登记' }));
    const description = within(dialog).getByLabelText('复制/摘抄内容').closest('.ant-form-item') as HTMLElement;
    expect(await within(description).findByText('必填')).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText('复制/摘抄内容'), '消防验收单复印');
    const pages = within(dialog).getByLabelText('页数');
    await user.clear(pages);
    await user.type(pages, '3');
    await user.click(within(dialog).getByRole('button', { name: '确认登记' }));

    expect(await screen.findByText(`已登记 ${out.loanNo} 的复制/摘抄`, {}, { timeout: 10_000 })).toBeInTheDocument();
    const card = await copyCard();
    await waitFor(() => expect(within(card).getByText('消防验收单复印')).toBeInTheDocument());
    const row = within(card).getByText('消防验收单复印').closest('tr') as HTMLElement;
    expect(within(row).getByText('复制')).toBeInTheDocument();
    expect(within(row).getByText('3')).toBeInTheDocument();
    expect(within(row).getByText('王芳')).toBeInTheDocument();
    const saved = await bridge.app.ok('loan-get', { id: out.id }, cast.clerk);
    expect(saved.copies).toMatchObject([{ description: '消防验收单复印', pages: 3, copies: 1, madeBy: '王芳' }]);
  });

  it('keeps the action in view, disabled, on a loan approved without the copy consent', async () => {
    const out = await loan('out', false);
    openLoan(out.id);
    await expectRefused('该借阅未经部门经理同意摘抄/复制（§4.6.2），不能登记复制/摘抄');
  });

  it('keeps the action disabled before the hand-out, naming the loan’s state', async () => {
    const approved = await loan('approved');
    openLoan(approved.id);
    await expectRefused('只有借出中的档案才能登记复制/摘抄，该借阅当前为“已批准”');
  });

  it('shows a pending request’s copy permission as 待审批, not 未同意', async () => {
    const requested = await loan('requested');
    openLoan(requested.id);
    const label = await screen.findByText('摘抄/复制', {}, { timeout: 15_000 });
    const value = label.closest('.ant-descriptions-item-label')!.nextElementSibling as HTMLElement;
    expect(value).toHaveTextContent('待审批');
    expect(screen.queryByText('未同意')).not.toBeInTheDocument();
  });
});
