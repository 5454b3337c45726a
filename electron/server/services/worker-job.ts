import { parentPort, type Worker } from 'node:worker_threads';
import { AppError, type AppErrorPayload } from '../../core/contract/errors';
import { startWorker, type WorkerName } from './worker-start';

/**
 * One long job in a worker thread, told as messages: the job (key included: never in argv, the
 * environment or a file), each step it reaches, then its result or its failure. After each step
 * the worker waits for the main thread's go, so a test can hold a job between its steps and the
 * main thread can do its part (an export's audit entry) at a step. Every message names its job.
 */
type FromMain<J> = { type: 'run'; id: number; job: J } | { type: 'go'; id: number };
type ToMain<S, R> =
  | { type: 'step'; id: number; step: S }
  | { type: 'done'; id: number; result: R }
  | { type: 'failed'; id: number; error: AppErrorPayload | null; message: string };

export interface JobHooks<S> {
  /** Each step as the worker reaches it. */
  onStep(step: S): void;
  /** Awaited before the worker is let on past a step. */
  gate?: (step: S) => Promise<void>;
}

export interface RunningWorkerJob<R> {
  result: Promise<R>;
  /** Ends the worker thread (the app's close); `result` then rejects. */
  stop(): Promise<void>;
}

/**
 * A worker that finished its job waits here for the next of its kind: starting one costs a few
 * hundred milliseconds (its code is loaded again), more than many imports and exports take. Idle
 * workers are unref'd, so they never keep the process alive.
 */
const IDLE_PER_KIND = 2;
const idle = new Map<WorkerName, Worker[]>();
let lastId = 0;

function takeWorker(name: WorkerName): Worker {
  let worker = idle.get(name)?.pop();
  if (!worker) {
    const started = startWorker(name);
    // One that dies while idle is not handed out again.
    started.once('exit', () =>
      idle.set(
        name,
        (idle.get(name) ?? []).filter((w) => w !== started),
      ),
    );
    worker = started;
  }
  worker.ref();
  return worker;
}

function putBack(name: WorkerName, worker: Worker): void {
  const waiting = idle.get(name) ?? [];
  if (waiting.length >= IDLE_PER_KIND) {
    void worker.terminate();
    return;
  }
  worker.unref();
  waiting.push(worker);
  idle.set(name, waiting);
}

/** Main side: runs the job on a worker of its kind, relays its steps, resolves with its result or rejects with its AppError. */
export function runInWorker<J, S, R>(name: WorkerName, job: J, hooks: JobHooks<S>): RunningWorkerJob<R> {
  const worker = takeWorker(name);
  const id = ++lastId;
  let stopped = false;
  const result = new Promise<R>((resolve, reject) => {
    const settle = (ok: boolean) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (ok && !stopped) putBack(name, worker);
      else void worker.terminate();
    };
    const onMessage = (message: ToMain<S, R>) => {
      if (message.id !== id) return;
      if (message.type === 'step') {
        hooks.onStep(message.step);
        void (hooks.gate?.(message.step) ?? Promise.resolve()).then(
          () => worker.postMessage({ type: 'go', id } satisfies FromMain<J>),
          (err: unknown) => {
            settle(false);
            reject(err);
          },
        );
        return;
      }
      // A job that failed in a way the app knows leaves a sound worker; anything else, a fresh one next time.
      settle(message.type === 'done' || message.error !== null);
      if (message.type === 'done') resolve(message.result);
      else reject(message.error ? new AppError(message.error.code, { params: message.error.params }) : new Error(`${name}: ${message.message}`));
    };
    const onError = (err: Error) => {
      settle(false);
      reject(err);
    };
    const onExit = (code: number) => {
      settle(false);
      reject(new Error(`${name} exited with ${code}`));
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
  });
  worker.postMessage({ type: 'run', id, job } satisfies FromMain<J>);
  return {
    result,
    stop: async () => {
      stopped = true;
      await worker.terminate();
    },
  };
}

/** Worker side: runs each job it is sent, one at a time; `step` says where it stands and waits for the go. */
export function serveWorkerJob<J, S, R>(run: (job: J, step: (step: S) => Promise<void>) => Promise<R>): void {
  const port = parentPort!;
  const send = (message: ToMain<S, R>) => port.postMessage(message);
  const goes = new Map<number, () => void>();
  port.on('message', (message: FromMain<J>) => {
    if (message.type === 'go') {
      goes.get(message.id)?.();
      goes.delete(message.id);
      return;
    }
    const { id } = message;
    const step = (at: S) => {
      send({ type: 'step', id, step: at });
      return new Promise<void>((resolve) => goes.set(id, resolve));
    };
    run(message.job, step).then(
      (result) => send({ type: 'done', id, result }),
      (err: unknown) =>
        send({
          type: 'failed',
          id,
          error: err instanceof AppError ? err.toPayload() : null,
          message: err instanceof Error ? (err.stack ?? err.message) : String(err),
        }),
    );
  });
}
