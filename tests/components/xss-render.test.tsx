import { cleanup, waitFor } from '@testing-library/react';
import { catalogueRoutes } from '../../renderer/features/catalogue/routes';
import { lendingRoutes } from '../../renderer/features/lending/routes';
import { renderFeature } from '../support/feature';
import type { TestBridge } from '../support/bridge';
import { validDocumentInput, validLoanInput, validPayloads } from '../support/fixtures';
import { bridgeSignedInAs, ownerInput } from './catalogue-fixtures';

/** Names typed as markup show as text on every screen that shows them: React escapes, and nothing here bypasses it. */
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(2)>';

let bridge: TestBridge;
const pages: string[] = [];

beforeAll(async () => {
  bridge = await bridgeSignedInAs('custodian');
  const custodian = await bridge.app.as('custodian');
  const owner = await bridge.app.ok('owner-create', ownerInput({ name: SCRIPT, contactPerson: IMG, note: IMG }), custodian);
  const box = await bridge.app.ok(
    'box-create',
    { ...validPayloads['box-create'], code: '', kind: 'tenant', ownerId: owner.id, title: IMG, note: SCRIPT },
    custodian,
  );
  await bridge.app.ok('box-document-add', validDocumentInput(box.box.id, { title: SCRIPT, note: IMG }), custodian);
  const loan = await bridge.app.ok(
    'loan-request',
    validLoanInput({ boxCode: box.box.code, borrower: { kind: 'person', name: SCRIPT, department: IMG, phone: '0571-88881234' }, purpose: IMG, note: SCRIPT }),
    await bridge.app.as('clerk'),
  );
  pages.push(`#/boxes/${box.box.id}`, '#/boxes', `#/owners/${owner.id}`, '#/owners', `#/lending/${loan.id}`, '#/lending');
}, 60_000);
afterAll(() => bridge.close());

describe('hostile names on screen', { timeout: 60_000 }, () => {
  it('show as text on every page that lists or details them, with no element injected', async () => {
    for (const page of pages) {
      window.location.hash = page;
      const { container } = renderFeature(catalogueRoutes, lendingRoutes);
      await waitFor(
        () =>
          expect({ page, text: container.textContent }).toEqual({
            page,
            text: expect.stringMatching(/<script>alert\(1\)<\/script>|<img src=x onerror=alert\(2\)>/),
          }),
        { timeout: 15_000 },
      );
      expect({ page, injected: container.querySelectorAll('script, iframe, object, embed, img[src="x"], [onerror], [onload]').length }).toEqual({
        page,
        injected: 0,
      });
      cleanup();
    }
  });
});
