import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TestBridge } from '../support/bridge';
import { captureDownloads } from '../support/downloads';
import { renderFeature } from '../support/feature';
import { catalogueRoutes } from '../../renderer/features/catalogue/routes';
import { bridgeSignedInAs } from './catalogue-fixtures';

/** Issue #22: a big export's button counts the rows its worker has written, then the file is saved. */
let bridge: TestBridge;
beforeEach(async () => {
  bridge = await bridgeSignedInAs('custodian');
});
afterEach(() => bridge.close());

it('the catalogue export button says how many of the boxes are written while the file is made', async () => {
  bridge.app.runtime.requireDb().$client.exec(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000)
       INSERT INTO boxes (code, kind, title, confidentiality, retention_class, created_by)
       SELECT printf('ZH-2020-%05d', i), 'tenant', '批量档案 第' || i || '号', 'internal', 'y10', 1 FROM n`,
  );
  const downloads = captureDownloads();
  const user = userEvent.setup({ delay: null });
  window.location.hash = '#/boxes';
  renderFeature(catalogueRoutes);

  await user.click(await screen.findByRole('button', { name: /导出/ }, { timeout: 20_000 }));
  await user.click(await screen.findByText('Excel（.xlsx）'));
  expect(await screen.findByRole('button', { name: /已写入 [\d,]+ \/ 30,000 行/ }, { timeout: 30_000 })).toBeInTheDocument();
  await waitFor(() => expect(downloads.saved).toHaveLength(1), { timeout: 60_000 });
  downloads.restore();
  expect(downloads.saved[0]!.name).toMatch(/^档案目录-\d{8}-\d{6}\.xlsx$/);
  expect(await screen.findByRole('button', { name: /导出$/ })).toBeInTheDocument();
}, 90_000);
