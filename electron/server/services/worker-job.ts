import { parentPort, type Worker } from 'node:worker_threads';
import { AppError, type AppErrorPayload } from '../../core/contract/errors';
import { startWorker, type WorkerName } from './worker-start';

/**
 * One long job in a worker thread, told as messages: the job (key included: never in argv, the
 * environment or a file), each step it reaches, then its result or its failure. After each step
 * the worker waits for the main thread's go, so a test can hold a job between its steps.
 */
type FromMain<J> = { type: 'run'; job: J } | { type: 'go' };
type ToMain<S, R> = { type: 'step'; step: S } | { type: 'done'; result: R } | { type: 'failed'; error: AppErrorPayload | null; message: string };

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

/** Main side: starts the worker, relays its steps, resolves with its result or rejects with its AppError. */
export function runInWorker<J, S, R>(name: WorkerName, job: J, hooks: JobHooks<S>): RunningWorkerJob<R> {
  const worker: Worker = startWorker(name);
  const result = new Promise<R>((resolve, reject) => {
    worker.on('message', (message: ToMain<S, R>) => {
      if (message.type === 'step') {
        hooks.onStep(message.step);
        void (hooks.gate?.(message.step) ?? Promise.resolve()).then(() => worker.postMessage({ type: 'go' } satisfies FromMain<J>));
        return;
      }
      if (message.type === 'done') resolve(message.result);
      else reject(message.error ? new AppError(message.error.code, { params: message.error.params }) : new Error(`${name}: ${message.message}`));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
  worker.postMessage({ type: 'run', job } satisfies FromMain<J>);
  return { result, stop: async () => void (await worker.terminate()) };
}

/** Worker side: runs the job it is sent; `step` says where it stands and waits for the go. */
export function serveWorkerJob<J, S, R>(run: (job: J, step: (step: S) => Promise<void>) => Promise<R>): void {
  const port = parentPort!;
  const send = (message: ToMain<S, R>) => port.postMessage(message);
  const step = (at: S) => {
    send({ type: 'step', step: at });
    return new Promise<void>((resolve) => port.once('message', () => resolve()));
  };
  port.once('message', (message: FromMain<J>) => {
    if (message.type !== 'run') return;
    run(message.job, step).then(
      (result) => send({ type: 'done', result }),
      (err: unknown) =>
        send({
          type: 'failed',
          error: err instanceof AppError ? err.toPayload() : null,
          message: err instanceof Error ? (err.stack ?? err.message) : String(err),
        }),
    );
  });
}
