import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import type { AppErrorPayload, Result } from '../contract/errors';
import type { Dispatch } from '../dispatch';

export const MAX_BODY_BYTES = 16 * 1024 * 1024;
const LOOPBACK = '127.0.0.1';
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface WebShellOptions {
  dispatch: Dispatch;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface WebShell {
  server: Server;
  url: string;
  token: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: Result<unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(JSON.stringify(body));
}

const refuse = (res: ServerResponse, status: number, error: AppErrorPayload) => send(res, status, { ok: false, error });

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

/** Host must be our own loopback address: a page elsewhere cannot rebind a name to reach us. */
function hostAllowed(req: IncomingMessage, port: number): boolean {
  return req.headers.host === `${LOOPBACK}:${port}` || req.headers.host === `localhost:${port}`;
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function handleCall(req: IncomingMessage, res: ServerResponse, name: string, options: Required<Pick<WebShellOptions, 'dispatch' | 'token'>>) {
  if (req.method !== 'POST') return refuse(res, 405, { code: 'UNKNOWN_CALL' });
  if (!tokenMatches(req.headers['x-archive-token'], options.token)) return refuse(res, 403, { code: 'FORBIDDEN' });
  const body = await readBody(req);
  if (body === null) return refuse(res, 413, { code: 'PAYLOAD_TOO_LARGE' });
  let envelope: { payload?: unknown; handle?: unknown };
  try {
    envelope = JSON.parse(body.toString('utf8')) as typeof envelope;
  } catch {
    return refuse(res, 400, { code: 'VALIDATION', issues: [{ path: [], message: 'v.json' }] });
  }
  if (typeof envelope !== 'object' || envelope === null) return refuse(res, 400, { code: 'VALIDATION', issues: [{ path: [], message: 'v.json' }] });
  send(res, 200, await options.dispatch({ name, payload: envelope.payload, handle: envelope.handle }));
}

/**
 * The browser shell: the built renderer plus a bridge to the same dispatcher Electron uses,
 * on 127.0.0.1 only, every call guarded by a random per-run token.
 */
export function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const assets = sirv(options.rendererDir, { dev: false, etag: true, setHeaders: (res) => res.setHeader('content-security-policy', CSP) });
  let port = 0;
  const server = createServer((req, res) => {
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('referrer-policy', 'no-referrer');
    if (!hostAllowed(req, port)) return refuse(res, 421, { code: 'FORBIDDEN' });
    const path = new URL(req.url ?? '/', `http://${LOOPBACK}`).pathname;
    if (path.startsWith('/api/')) {
      handleCall(req, res, decodeURIComponent(path.slice('/api/'.length)), { dispatch: options.dispatch, token }).catch(() => refuse(res, 500, { code: 'INTERNAL' }));
      return;
    }
    assets(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        server,
        token,
        url: `http://${LOOPBACK}:${port}/#token=${token}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
