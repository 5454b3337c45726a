import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestPath } from '../http/request-path';
import { FEED_PREFIX, serveFeed } from '../http/update-feed';

export interface FolderFeed {
  folder: string;
  /** The generic provider's URL for it: http://127.0.0.1:<port>/updates/ */
  url: string;
  close(): Promise<void>;
}

/**
 * An update folder (D:\updates, \\server\share\ArchiveDeskUpdates) as electron-updater can read
 * it. Its generic provider downloads through Electron's `net` module, which speaks HTTP(S) only:
 * a file: URL is refused, and a UNC path has no URL form it accepts. So main serves the folder
 * itself, read-only, on a port of the loopback interface that no other PC can reach, offering the
 * same files the host offers its desks (electron/shells/http/update-feed.ts).
 */
export async function serveFolderFeed(folder: string): Promise<FolderFeed> {
  const server: Server = createServer((req, res) => {
    const target = requestPath(req.url);
    if (!target?.decoded.startsWith(FEED_PREFIX)) {
      res.writeHead(404);
      return void res.end();
    }
    serveFeed(req, res, folder, target.decoded).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    folder,
    url: `http://127.0.0.1:${port}${FEED_PREFIX}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
