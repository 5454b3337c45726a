import type { CallName } from '../../electron/core/contract';
import { callNames } from '../../electron/core/contract';
import type { Role } from '../../electron/core/enums';
import { useSession } from '../../renderer/api/session-store';
import type { DesktopBridge } from '../../renderer/api/transport';
import { createTestApp, type TestApp } from './app';
import { createSetUpApp } from './fixtures';

export interface TestBridge {
  app: TestApp;
  /** Signs the renderer's session store in as a user of that role (created on first use). */
  signInAs(role: Role): Promise<void>;
  close(): void;
}

/**
 * For component tests: window.archiveDesk backed by the real handler table over a real encrypted
 * database, with payloads structured-cloned as Electron's IPC would. Set up (the default), it is
 * a copy of the file's set-up template, as createSetUpApp's.
 */
export async function installTestBridge(options: Parameters<typeof createTestApp>[0] = {}): Promise<TestBridge> {
  const app = options.setup === false ? await createTestApp(options) : await createSetUpApp({ jobGate: options.jobGate });
  window.archiveDesk = Object.fromEntries(
    callNames.map((name: CallName) => [
      name,
      (payload: unknown, handle: string | null) => app.dispatch({ name, payload: structuredClone(payload), handle }).then((r) => structuredClone(r)),
    ]),
  ) as DesktopBridge;
  return {
    app,
    signInAs: async (role) => {
      const handle = await app.as(role);
      const user = await app.ok('session-current', {}, handle);
      if (user) useSession.getState().signIn(handle, user);
    },
    close: () => {
      useSession.getState().signOut();
      delete window.archiveDesk;
      app.close();
    },
  };
}
