import type { Result } from '../../core/contract/errors';
import { createDispatcher, type Dispatch } from '../dispatch';
import { handlerTable } from '../handlers';
import { publishUrl } from '../instance-lock';
import { dataFiles, Runtime } from '../runtime';
import { answerOf, hostClientOf, hostPrinter, hostProtector } from './host-asks';
import type { HostAsk, MessageEnd, ToHost, ToServer } from './protocol';

interface Started {
  runtime: Runtime;
  dispatch: Dispatch;
  dataDir: string;
}

/**
 * The server: the runtime, the dispatcher and its services, driven by messages. The shell says
 * where the data is ('start'), relays calls, answers what it was asked, and says 'close' when the
 * app quits; `closed` then runs (a process entry exits there).
 */
export function serve(end: MessageEnd<ToHost, ToServer>, closed: () => void = () => undefined): void {
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
    const protector = await hostProtector(ask, dataFiles(options.dataDir).keyFile, options.protector);
    const runtime = new Runtime({
      dataDir: options.dataDir,
      protector,
      migrationsFolder: options.migrationsFolder,
      nativeBinding: options.nativeBinding,
      printer: hostPrinter(ask, options.printer),
      hostClient: hostClientOf(ask, options.hostClient),
    });
    const status = runtime.start();
    runtime.startSchedule();
    end.post({ kind: 'ready', status });
    return { runtime, dispatch: createDispatcher(runtime, handlerTable), dataDir: options.dataDir };
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
          .then(({ runtime }) => runtime.close())
          .catch(console.error)
          .finally(() => {
            end.post({ kind: 'closed' });
            closed();
          });
        return;
    }
  });
}
