import type { Result } from '../../core/contract/errors';
import { createDispatcher, type Dispatch } from '../dispatch';
import { handlerTable } from '../handlers';
import { hostKeyBlob } from '../host/host-tls';
import { publishUrl } from '../instance-lock';
import type { LanHostFactory } from '../network';
import { dataFiles, Runtime } from '../runtime';
import { getSettings } from '../services/settings';
import { getUpdateSource } from '../services/update-source';
import { answerOf, hostClientOf, hostPrinter, hostProtector, hostUpdaterOf } from './host-asks';
import type { HostAsk, MessageEnd, ToHost, ToServer } from './protocol';

interface Started {
  runtime: Runtime;
  dispatch: Dispatch;
  dataDir: string;
}

/** Whether a LAN desk's live stream may go on: its session is still open and not idle too long. */
function sessionAlive(runtime: Runtime, handle: string): boolean {
  try {
    return runtime.isReady() && runtime.sessions.alive(handle, getSettings(runtime.requireDb()).idleMinutes);
  } catch {
    // The data folder went away under it: nobody is signed in any more.
    return false;
  }
}

/** The folder the archive's update source names, if it names one and the archive is open. */
function updateFolderOf(runtime: Runtime): string | null {
  try {
    const source = getUpdateSource(runtime.requireDb());
    return source.kind === 'folder' ? source.path : null;
  } catch {
    return null;
  }
}

/**
 * The server: the runtime, the dispatcher and its services, driven by messages. The shell says
 * where the data is ('start'), relays calls, answers what it was asked, and says 'close' when the
 * app quits; `closed` then runs (a process entry exits there). A shell that can serve on the
 * office network lends its HTTPS server as `lanFactory`: without one, host mode is unavailable.
 */
export function serve(end: MessageEnd<ToHost, ToServer>, closed: () => void = () => undefined, lanFactory?: LanHostFactory): void {
  const asked = new Map<number, (result: Result<unknown>) => void>();
  let nextAsk = 0;
  const ask = (question: HostAsk) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextAsk++;
      asked.set(id, (result) => {
        try {
          resolve(answerOf(result));
        } catch (err) {
          reject(err);
        }
      });
      end.post({ kind: 'ask', id, ask: question });
    });

  let started: Promise<Started> | null = null;
  const whenStarted = () => started ?? Promise.reject(new Error('a message came before start'));

  async function start(options: Extract<ToServer, { kind: 'start' }>['options']): Promise<Started> {
    const hostKey = (kind: Parameters<typeof hostKeyBlob>[1]) => [hostKeyBlob(options.dataDir, kind)].filter((b) => b !== null);
    const protector = await hostProtector(ask, dataFiles(options.dataDir).keyFile, options.protector, hostKey);
    const runtime = new Runtime({
      dataDir: options.dataDir,
      protector,
      migrationsFolder: options.migrationsFolder,
      nativeBinding: options.nativeBinding,
      printer: hostPrinter(ask, options.printer),
      hostClient: hostClientOf(ask, options.hostClient),
      updater: hostUpdaterOf(ask, options.updater),
    });
    const dispatch = createDispatcher(runtime, handlerTable);
    // Lent before start(): the archive opening starts host mode when its settings say so.
    if (lanFactory) {
      runtime.host.lendLanHost(
        lanFactory({
          dispatch,
          changes: runtime.changes,
          sessionAlive: (handle) => sessionAlive(runtime, handle),
          rendererDir: options.rendererDir,
          updateFolder: () => updateFolderOf(runtime),
          log: (err) => console.error('host mode:', err),
        }),
      );
    }
    runtime.changes.subscribe((topics) => end.post({ kind: 'changed', topics: [...topics] }));
    const status = runtime.start();
    runtime.startSchedule();
    // A host the command line asked for that cannot listen is the status's problem, for the shell to say.
    // Never beside another instance on the same data folder: that one is the writer.
    if (options.lan && lanFactory && status.fault?.code !== 'ALREADY_RUNNING')
      await runtime.host.startFromCommandLine(options.lan).catch((err: unknown) => console.error('host mode could not start:', err));
    await runtime.host.settled();
    end.post({ kind: 'ready', status, host: lanFactory ? runtime.host.status() : null });
    // 软件更新 looks at its source once per start, when the archive that keeps it is open.
    runtime.updates.checkAtStart();
    return { runtime, dispatch, dataDir: options.dataDir };
  }

  end.onMessage((message) => {
    switch (message.kind) {
      case 'start':
        if (started) return;
        started = start(message.options);
        started.catch((err: unknown) => console.error('the server could not start:', err));
        return;
      case 'call':
        void whenStarted()
          .then(({ dispatch }) => dispatch({ name: message.name, payload: message.payload, handle: message.handle, client: message.client }))
          // A server that could not start answers every call all the same (the cause is in its log).
          .catch((): Result<unknown> => ({ ok: false, error: { code: 'INTERNAL' } }))
          .then((result) => end.post({ kind: 'result', id: message.id, result }));
        return;
      case 'answer':
        asked.get(message.id)?.(message.result);
        asked.delete(message.id);
        return;
      case 'url':
        void whenStarted().then(({ dataDir }) => publishUrl(dataDir, message.url), console.error);
        return;
      case 'close':
        void whenStarted()
          // The day's backup, if the schedule asks for one at closing, is made here, before 'closed'.
          .then(async ({ runtime }) => {
            await runtime.host.stop();
            runtime.close();
          })
          .catch(console.error)
          .finally(() => {
            end.post({ kind: 'closed' });
            closed();
          });
        return;
    }
  });
}
