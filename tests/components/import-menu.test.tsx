import { screen } from '@testing-library/react';
import type { TestBridge } from '../support/bridge';
import { renderApp } from '../support/feature';
import { bridgeSignedInAs } from './catalogue-fixtures';

let bridge: TestBridge;
beforeEach(async () => {
  bridge = await bridgeSignedInAs('custodian');
});
afterEach(() => bridge.close());

describe('the import page in the menu', { timeout: 90_000 }, () => {
  it('importing owners highlights 租户/客户 and calls them so', async () => {
    window.location.hash = '#/boxes/import?kind=owners';
    renderApp();

    // The page is up once its kind switch shows; the menu then marks the owners' item, not 档案目录.
    await screen.findByText('借阅记录', {}, { timeout: 15_000 });
    expect(document.querySelector('.ant-menu-item-selected')).toHaveTextContent('租户/客户');
    expect(screen.queryByText(/立档单位/)).toBeNull();
  });
});
