import { screen, waitFor, within } from '@testing-library/react';
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

/** A box lent out and returned damaged: one open incident on it. */
async function damagedReturn() {
  const box = await createBox(bridge.app);
  const loan = await loanOut(bridge.app, await lendingCast(bridge.app), box.code);
  const back = await bridge.app.ok(
    'loan-return',
    { id: loan.id, condition: 'damaged', missingDocumentIds: [], incident: { description: '封面水渍', responsible: '王芳', followUp: '' } },
    await bridge.app.as('custodian'),
  );
  return { box, loan, incident: back.incidents[0] };
}

function renderAt(hash: string) {
  window.location.hash = hash;
  const user = userEvent.setup({ delay: null });
  renderFeature(lendingRoutes);
  return user;
}

// Each test renders the whole shell and signs users in: slow under a parallel run.
describe('closing an incident', { timeout: 120_000 }, () => {
  // The box page's list is the same component; closing from there runs in the e2e (jsdom renders that page slowly).
  it('from the loan: asks for the resolution, confirms, then shows it closed', async () => {
    const { box, loan, incident } = await damagedReturn();
    const user = renderAt(`#/lending/${loan.id}`);

    const card = (await screen.findByText('损毁/缺失事故', {}, { timeout: 10_000 })).closest('.ant-card') as HTMLElement;
    expect(within(card).getByText('封面水渍')).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: /结\s*案/ }));
    const dialog = (await screen.findByText('事故结案')).closest('.ant-modal') as HTMLElement;

    await user.click(within(dialog).getByRole('button', { name: '确认结案' }));
    const field = within(dialog).getByLabelText('处理结果').closest('.ant-form-item') as HTMLElement;
    expect(await within(field).findByText('必填')).toBeInTheDocument();

    // Pasted: typing into antd's auto-sizing textarea re-measures it on every key, slowly under jsdom.
    await user.click(within(dialog).getByLabelText('处理结果'));
    await user.paste('已修复，责任人书面说明');
    await user.click(within(dialog).getByRole('button', { name: '确认结案' }));
    // The confirmation names its title twice (dialog label and visible title), within one dialog.
    const confirm = (await screen.findAllByText('确定结案？'))[0].closest('.ant-modal') as HTMLElement;
    const custodian = await bridge.app.as('custodian');
    expect((await bridge.app.ok('incident-list', { boxId: box.id }, custodian)).rows[0].status).toBe('open');
    await user.click(within(confirm).getByRole('button', { name: '确认结案' }));

    await waitFor(() => expect(within(card).getByText('已结案')).toBeInTheDocument(), { timeout: 10_000 });
    expect(within(card).getByText(/已修复，责任人书面说明/)).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: /结\s*案/ })).toBeNull();
    expect((await bridge.app.ok('incident-list', { boxId: box.id }, custodian)).rows[0]).toMatchObject({
      id: incident.id,
      status: 'closed',
      resolution: '已修复，责任人书面说明',
    });
  });

  it('cancelling the confirmation leaves the incident open', async () => {
    const { loan, incident } = await damagedReturn();
    const user = renderAt(`#/lending/${loan.id}`);

    const card = (await screen.findByText('损毁/缺失事故', {}, { timeout: 10_000 })).closest('.ant-card') as HTMLElement;
    await user.click(within(card).getByRole('button', { name: /结\s*案/ }));
    const dialog = (await screen.findByText('事故结案')).closest('.ant-modal') as HTMLElement;
    await user.click(within(dialog).getByLabelText('处理结果'));
    await user.paste('已修复');
    await user.click(within(dialog).getByRole('button', { name: '确认结案' }));
    // The confirmation names its title twice (dialog label and visible title), within one dialog.
    const confirm = (await screen.findAllByText('确定结案？'))[0].closest('.ant-modal') as HTMLElement;
    await user.click(within(confirm).getByRole('button', { name: /取\s*消/ }));

    await waitFor(() => expect(screen.queryByText('确定结案？')).toBeNull());
    expect((await bridge.app.ok('loan-get', { id: loan.id }, await bridge.app.as('custodian'))).incidents[0]).toMatchObject({
      id: incident.id,
      status: 'open',
    });
  });
});
