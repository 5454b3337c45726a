import { serve } from '../../server/process/serve';
import type { ToServer } from '../../server/process/protocol';
import { createLanHost } from '../host/lan-server';

/** Electron's port to main in a utility process (process.parentPort); absent anywhere else. */
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

/**
 * The server process: Electron main starts this bundle with utilityProcess.fork and talks to it
 * over process.parentPort (electron/server/process/protocol.ts). The database, its lock and the
 * backups live here; main keeps the windows, the keychain and printing.
 */
const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
if (!parentPort) {
  console.error('the Archive Desk server runs as a utility process of the desktop app');
  process.exit(1);
}
serve(
  { post: (message) => parentPort.postMessage(message), onMessage: (listener) => parentPort.on('message', (event) => listener(event.data as ToServer)) },
  () => process.exit(0),
  createLanHost,
);
