import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkServerIdentity } from 'node:tls';
import { ChangeFeed, type LanHost } from '../electron/server/network';
import { lanHostWith } from '../electron/shells/host/lan-server';
import { testCertificate } from './support/tls-host';
import { writeRelease } from './support/update-feed';

/**
 * Issue #16: the host's LAN server offers its update folder to the desks at /updates/, read-only:
 * the channel file and what it names, nothing else in the folder, nothing outside it, no listing.
 */

const ADDRESS = '127.0.0.2';
let dir: string;
let folder: string | null;
let host: LanHost;
let port: number;
let certPem: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ad-host-updates-'));
  const renderer = join(dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<p>the desk</p>');
  folder = join(dir, 'updates');
  writeRelease(folder, '0.2.0', join(dir, 'marker'));
  writeFileSync(join(folder, 'notes-for-admins.txt'), 'not for the desks');
  writeFileSync(join(dir, 'secret.txt'), 'outside the folder');
  const tls = await testCertificate(ADDRESS);
  certPem = tls.cert;
  host = lanHostWith({
    dispatch: () => Promise.resolve({ ok: true, value: null }),
    changes: new ChangeFeed(),
    sessionAlive: () => false,
    rendererDir: renderer,
    updateFolder: () => folder,
    log: () => undefined,
  });
  ({ port } = await host.start({ address: ADDRESS, port: 0, allow: ['127.0.0.0/8'], names: [], tls: { certPem: tls.cert, keyPem: tls.key } }));
});

afterAll(async () => {
  await host.stop();
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string, method = 'GET'): Promise<{ status: number; text: string; type: string | undefined }> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: ADDRESS,
        port,
        path,
        method,
        ca: certPem,
        agent: false,
        checkServerIdentity: (_name, cert) => checkServerIdentity(ADDRESS, cert),
        headers: { host: `${ADDRESS}:${port}` },
      },
      (res) => {
        let text = '';
        res
          .setEncoding('utf8')
          .on('data', (c: string) => (text += c))
          .on('end', () => done({ status: res.statusCode ?? 0, text, type: res.headers['content-type'] }));
      },
    );
    req.on('error', fail);
    req.end();
  });
}

describe("the host's /updates/", () => {
  it('serves the channel file and the installer it names', async () => {
    const yml = await get('/updates/latest-linux.yml');
    expect(yml.status).toBe(200);
    expect(yml.text).toContain('version: 0.2.0');
    const installer = await get('/updates/ArchiveDesk-0.2.0.AppImage');
    expect(installer.status).toBe(200);
    expect(installer.type).toBe('application/octet-stream');
    expect(installer.text).toContain('installed 0.2.0');
  });

  it('refuses what the release does not name, and lists nothing', async () => {
    for (const path of ['/updates/notes-for-admins.txt', '/updates/', '/updates', '/updates/ArchiveDesk-0.2.0.AppImage.blockmap']) {
      const answer = await get(path);
      expect(answer.text).not.toContain('not for the desks');
      expect(answer.text).not.toContain('ArchiveDesk-0.2.0');
    }
    expect((await get('/updates/notes-for-admins.txt')).status).toBe(404);
  });

  it('refuses a path out of the folder, however it is spelt', async () => {
    for (const path of [
      '/updates/../secret.txt',
      '/updates/..%2fsecret.txt',
      '/updates/%2e%2e/secret.txt',
      '/updates/..%5csecret.txt',
      '/updates/sub%2f..%2f..%2fsecret.txt',
    ]) {
      const answer = await get(path);
      expect(answer.text).not.toContain('outside the folder');
    }
  });

  it('is read-only, and offers nothing while no folder is set', async () => {
    expect((await get('/updates/latest-linux.yml', 'PUT')).status).toBe(405);
    folder = null;
    expect((await get('/updates/latest-linux.yml')).status).toBe(404);
  });
});
