import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CallInput, CallName, CallOutput } from '../../electron/core/contract';
import type { Result } from '../../electron/core/contract/errors';
import { machineKeyProtector } from '../../db/machine-key';
import { createDispatcher } from '../../electron/server/dispatch';
import { handlerTable } from '../../electron/server/handlers';
import { Runtime, type RuntimeOptions } from '../../electron/server/runtime';
import { chromiumPrinter } from '../../electron/shells/web/print-chromium';
import type { Role } from '../../electron/core/enums';

export const MIGRATIONS = resolve(__dirname, '../../db/migrations');
export const PASSPHRASE = '测试恢复口令-correct horse';
export const PASSWORD = 'Passw0rd!2026';
/** What the admin gives a new account; its holder then chooses PASSWORD. */
export const INITIAL_PASSWORD = 'Initial-passw0rd';

export interface TestApp {
  dir: string;
  runtime: Runtime;
  dispatch: ReturnType<typeof createDispatcher>;
  /** Calls through the handler table as the given session handle (or none). */
  call<N extends CallName>(name: N, input: CallInput<N> | unknown, handle?: string | null): Promise<Result<CallOutput<N>>>;
  /** Like call, but fails the test on an error result. */
  ok<N extends CallName>(name: N, input: CallInput<N>, handle?: string | null): Promise<CallOutput<N>>;
  /** Creates (once) and signs in a user of that role; returns the session handle. */
  as(role: Role): Promise<string>;
  close(): void;
}

/** A real app over a real encrypted database in a fresh temp folder, set up with an admin. */
export async function createTestApp(
  options: { setup?: boolean; jobGate?: RuntimeOptions['jobGate']; hostClient?: RuntimeOptions['hostClient']; machine?: RuntimeOptions['machine'] } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'archive-desk-'));
  const runtime = new Runtime({
    dataDir: join(dir, 'data'),
    protector: machineKeyProtector(join(dir, 'machine.key')),
    migrationsFolder: MIGRATIONS,
    printer: chromiumPrinter(),
    jobGate: options.jobGate,
    hostClient: options.hostClient,
    machine: options.machine,
  });
  runtime.start();
  const dispatch = createDispatcher(runtime, handlerTable, () => undefined);
  const handles = new Map<Role, string>();

  const call = (async (name: CallName, input: unknown, handle: string | null = null) => dispatch({ name, payload: input, handle })) as TestApp['call'];
  const ok = (async (name: CallName, input: unknown, handle: string | null = null) => {
    const result = await dispatch({ name, payload: input, handle });
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  }) as TestApp['ok'];

  const as = async (role: Role): Promise<string> => {
    const known = handles.get(role);
    if (known) return known;
    const admin = handles.get('admin') ?? (await ok('session-login', { username: 'admin', password: PASSWORD })).handle;
    handles.set('admin', admin);
    if (role !== 'admin') {
      await ok('user-create', { username: role, displayName: `${role}-测试`, role, password: INITIAL_PASSWORD }, admin);
      const { handle } = await ok('session-login', { username: role, password: INITIAL_PASSWORD });
      // An admin-set password must be changed before anything else.
      await ok('session-change-password', { current: INITIAL_PASSWORD, next: PASSWORD, nextConfirm: PASSWORD }, handle);
      handles.set(role, handle);
    }
    return handles.get(role)!;
  };

  if (options.setup !== false) {
    await ok('app-setup', {
      siteName: '万象广场运营部',
      admin: { username: 'admin', displayName: '系统管理员', password: PASSWORD },
      passphrase: PASSPHRASE,
      passphraseConfirm: PASSPHRASE,
    });
  }

  return {
    dir,
    runtime,
    dispatch,
    call,
    ok,
    as,
    close: () => {
      void runtime.printer.close();
      runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
