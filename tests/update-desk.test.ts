import type { UpdateSource, UpdaterState } from '../electron/core/contract/updates';
import { UpdateDesk } from '../electron/server/runtime/update-desk';
import type { Updater } from '../electron/server/updater';

/**
 * 退出并安装 while a backup or an export runs: the update is agreed for the next quit at once, the
 * quit-and-install itself waits until the long work has ended.
 */
function fakeUpdater() {
  const asked: string[] = [];
  let state: UpdaterState = { currentVersion: '0.1.0', phase: 'downloaded', checkedAt: null, version: '0.2.0', error: null, agreed: false };
  const updater: Updater = {
    available: true,
    state: () => Promise.resolve(state),
    check: (source: UpdateSource) => (asked.push(`check ${source.kind}`), Promise.resolve(state)),
    install: (when) => {
      asked.push(`install ${when}`);
      state = { ...state, agreed: true };
      return Promise.resolve(state);
    },
  };
  return { updater, asked };
}

const folder: UpdateSource = { kind: 'folder', path: 'D:\\updates' };

describe('UpdateDesk', () => {
  it('installs at once when nothing long is running', async () => {
    const { updater, asked } = fakeUpdater();
    const desk = new UpdateDesk(updater, { source: () => folder, busy: () => false });
    expect(await desk.install('now')).toMatchObject({ agreed: true, waitingForWork: false });
    expect(asked).toEqual(['install now']);
  });

  it('waits for a running backup before quitting to install, agreed for the quit meanwhile', async () => {
    const { updater, asked } = fakeUpdater();
    let busy = true;
    const desk = new UpdateDesk(updater, { source: () => folder, busy: () => busy });
    expect(await desk.install('now')).toMatchObject({ agreed: true, waitingForWork: true });
    expect(asked).toEqual(['install quit']);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(asked).toEqual(['install quit']);
    busy = false;
    await vi.waitFor(() => expect(asked).toEqual(['install quit', 'install now']), { timeout: 3000 });
    expect((await desk.status()).waitingForWork).toBe(false);
  });

  it('checks nothing without a source, and nothing at start while the archive is closed', async () => {
    const { updater, asked } = fakeUpdater();
    const none = new UpdateDesk(updater, { source: () => ({ kind: 'none' }), busy: () => false });
    await none.check();
    none.checkAtStart();
    const closed = new UpdateDesk(updater, {
      source: () => {
        throw new Error('NOT_READY');
      },
      busy: () => false,
    });
    closed.checkAtStart();
    expect(asked).toEqual([]);
  });
});
