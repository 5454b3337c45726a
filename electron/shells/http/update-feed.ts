import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';

/**
 * An office's update folder, served read-only to electron-updater's generic provider: its channel
 * files (latest.yml; latest-linux.yml, latest-mac.yml on other systems) and the files they name,
 * with their blockmaps. Nothing else in the folder, no listing, one path segment only.
 */

export const FEED_PREFIX = '/updates/';
const CHANNEL_FILE = /^latest(?:-[a-z0-9]+)*\.yml$/;
/** One file name: no separator, no dot segment, nothing hidden. */
const PLAIN_NAME = /^[^/\\\0:]+$/;

/**
 * The names a channel file gives (electron-builder writes `url:` per file and a `path:`). Read as
 * lines rather than parsed as YAML: a name is all that is needed, and nothing in the file runs.
 */
function namedFiles(yml: string): string[] {
  const names: string[] = [];
  for (const line of yml.split(/\r?\n/)) {
    const match = /^\s*(?:-\s*)?(?:url|path):\s*['"]?([^'"#]+?)['"]?\s*$/.exec(line);
    if (match) names.push(match[1]!, `${match[1]!}.blockmap`);
  }
  return names;
}

/** The file `name` stands for in `folder`, if the feed offers it; null otherwise. */
export async function feedFile(folder: string, name: string): Promise<string | null> {
  if (!PLAIN_NAME.test(name) || name.startsWith('.')) return null;
  const entries = await readdir(folder).catch(() => null);
  if (!entries?.includes(name)) return null;
  if (CHANNEL_FILE.test(name)) return join(folder, name);
  for (const channel of entries.filter((entry) => CHANNEL_FILE.test(entry))) {
    const yml = await readFile(join(folder, channel), 'utf8').catch(() => '');
    if (namedFiles(yml).includes(name)) return join(folder, name);
  }
  return null;
}

const notFound = (res: ServerResponse) => {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end('Not found');
};

/** Answers GET/HEAD of FEED_PREFIX + name from `folder`; anything else under the prefix is a 404 or 405. */
export async function serveFeed(req: IncomingMessage, res: ServerResponse, folder: string | null, decodedPath: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'cache-control': 'no-store' });
    return void res.end();
  }
  const file = folder ? await feedFile(folder, decodedPath.slice(FEED_PREFIX.length)) : null;
  const info = file ? await stat(file).catch(() => null) : null;
  if (!file || !info?.isFile()) return notFound(res);
  res.writeHead(200, {
    'content-type': file.endsWith('.yml') ? 'text/yaml; charset=utf-8' : 'application/octet-stream',
    'content-length': info.size,
    // A new release replaces latest.yml under the same name.
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') return void res.end();
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
