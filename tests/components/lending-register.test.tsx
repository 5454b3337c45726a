import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lendingRoutes } from '../../renderer/features/lending/routes';
import { renderFeature } from '../support/feature';
import type { TestBridge } from '../support/bridge';
import { captureDownloads, readText } from '../support/downloads';
import { createBox } from '../support/fixtures';
import { lendingCast, loanOut } from '../support/lending';
import { bridgeSignedInAs } from './catalogue-fixtures';

let bridge: TestBridge;

beforeEach(async () => {
  bridge = await bridgeSignedInAs('clerk');
});
afterEach(() => bridge.close());

describe('the loan register on the lending desk', { timeout: 60_000 }, () => {
  it("exports this month's loans as CSV with the audit chain head", async () => {
    const box = await createBox(bridge.app, { title: '万象城租户押金档案' });
    const loan = await loanOut(bridge.app, await lendingCast(bridge.app), box.code);
    const downloads = captureDownloads();
    window.location.hash = '#/lending';
    const user = userEvent.setup({ delay: null });
    renderFeature(lendingRoutes);

    await user.click(await screen.findByRole('button', { name: /借阅登记簿/ }, { timeout: 10_000 }));
    await user.click(await screen.findByRole('button', { name: /导出 CSV/ }));
    await waitFor(() => expect(downloads.saved).toHaveLength(1), { timeout: 20_000 });
    downloads.restore();

    const [file] = downloads.saved;
    expect(file.name).toMatch(/\.csv$/);
    const text = await readText(file.blob);
    expect(text).toContain(loan.loanNo);
    expect(text).toContain(box.code);
    expect(text).toContain('审计链');
    expect(await screen.findByText(new RegExp(`已保存：${file.name}`), {}, { timeout: 10_000 })).toBeInTheDocument();
  });
});
