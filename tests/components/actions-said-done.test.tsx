import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TestBridge } from '../support/bridge';
import { createBox, validLoanInput } from '../support/fixtures';
import { lendingCast } from '../support/lending';
import { renderApp } from '../support/feature';
import { bridgeSignedInAs } from './catalogue-fixtures';

let bridge: TestBridge;
afterEach(() => bridge.close());

const toast = (text: string) => screen.findByText(text, { selector: '.ant-message *' }, { timeout: 15_000 });

// Each test renders the whole shell over a real archive: slow under a parallel run.
describe('every completed action says what it did', { timeout: 90_000 }, () => {
  it('出借 says which box went to whom and when it is due', async () => {
    bridge = await bridgeSignedInAs('clerk');
    const cast = await lendingCast(bridge.app);
    const box = await createBox(bridge.app);
    const loan = await bridge.app.ok('loan-request', validLoanInput({ boxCode: box.code }), cast.clerk);
    await bridge.app.ok('loan-decide', { id: loan.id, approve: true, copyAllowed: false, reason: '' }, cast.manager);
    window.location.hash = `#/lending/${loan.id}`;
    const user = userEvent.setup({ delay: null });
    renderApp();

    await user.click(await screen.findByText('出借', { selector: 'button *' }, { timeout: 15_000 }));
    const confirm = await waitFor(() => document.querySelector<HTMLElement>('.ant-popconfirm')!);
    await user.click(within(confirm).getByRole('button', { name: /确\s*定/ }));
    const out = await bridge.app.ok('loan-get', { id: loan.id }, cast.clerk);
    expect(await toast(`已出借：档案 ${box.code} 借给 王芳，应于 ${out.dueDate} 归还（${loan.loanNo}）`)).toBeInTheDocument();
  });

  it('冻结 sits in the box header and, once placed, says so', async () => {
    bridge = await bridgeSignedInAs('custodian');
    const box = await createBox(bridge.app);
    window.location.hash = `#/boxes/${box.id}`;
    const user = userEvent.setup({ delay: null });
    renderApp();

    const header = (await screen.findByText(box.code, { selector: '.cat-box-code' }, { timeout: 15_000 })).closest('.ant-card') as HTMLElement;
    await user.click(await within(header).findByText('冻结', { selector: 'button *' }, { timeout: 15_000 }));
    await user.type(await screen.findByLabelText('冻结原因'), '租金争议{enter}');
    expect(await toast('已冻结该档案（租金争议），冻结期间不能提出销毁')).toBeInTheDocument();
    expect(await within(header).findByText('解除冻结', {}, { timeout: 15_000 })).toBeInTheDocument();
  });
});
