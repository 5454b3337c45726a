import { utilityProcess, type UtilityProcess } from 'electron';
import type { CallRequest } from '../../server/dispatch';
import { ServerLink, type HostServices } from '../../server/process/link';
import { SERVER_GONE, type ServerStartOptions, type ToHost } from '../../server/process/protocol';
import type { Result } from '../../core/contract/errors';
import type { Topic } from '../../core/contract/define';

/** A server that keeps dying is left down (every call answers SERVER_GONE) rather than restarted for ever. */
const RESTARTS = { max: 3, withinMs: 60_000 };

export interface ServerProcess {
  call(request: CallRequest): Promise<Result<unknown>>;
  /** Asks the server to finish (its on-close backup included) and resolves once its process has ended. */
  stop(): Promise<void>;
  pid(): number | undefined;
}

/**
 * Runs the server (electron/shells/server/main.ts, bundled as server.cjs) in a utility process and
 * keeps it running: one that ends unasked answers its calls in flight SERVER_GONE and is started
 * again, so the next call is served (a restarted server has no sessions: the user signs in again).
 */
export function startServerProcess(
  entry: string,
  options: Omit<ServerStartOptions, 'protector' | 'printer'>,
  host: HostServices,
  /** The server's pushes (a write's topics), from whichever process runs now. */
  onChanged: (topics: Topic[]) => void = () => undefined,
): ServerProcess {
  let child: UtilityProcess | null = null;
  let link: ServerLink | null = null;
  let stopping: Promise<void> | null = null;
  /** When it ended unasked within the last RESTARTS.withinMs. */
  const deaths: number[] = [];

  function spawn(): void {
    const proc = utilityProcess.fork(entry, [], { serviceName: 'Archive Desk server', stdio: 'inherit' });
    const own = new ServerLink(
      { post: (message) => proc.postMessage(message), onMessage: (listener) => proc.on('message', (message: ToHost) => listener(message)) },
      host,
    );
    own.onChanged(onChanged);
    child = proc;
    link = own;
    proc.once('exit', (code) => {
      own.gone();
      if (child === proc) {
        child = null;
        link = null;
      }
      if (stopping) return;
      const now = Date.now();
      const recent = [...deaths.splice(0).filter((at) => now - at < RESTARTS.withinMs), now];
      deaths.push(...recent);
      console.error(`the archive server process ended (code ${code}); ${recent.length > RESTARTS.max ? 'not restarted: it keeps ending' : 'restarting it'}`);
      if (recent.length <= RESTARTS.max) spawn();
    });
    void own.start(options);
  }

  spawn();
  return {
    call: (request) => (link && !stopping ? link.call(request) : Promise.resolve(SERVER_GONE)),
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        const proc = child;
        if (!proc || !link) return resolve();
        proc.once('exit', () => resolve());
        void link.close();
      });
      return stopping;
    },
    pid: () => child?.pid,
  };
}
