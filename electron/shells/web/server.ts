import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import sirv from 'sirv';
import type { AppErrorPayload, Result } from '../../core/contract/errors';
import type { Dispatch } from '../../server/dispatch';

export const MAX_BODY_BYTES = 16 * 1024 * 1024;
const LOOPBACK = '127.0.0.1';
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/** A client must send its headers, then its whole request, within these, so a slow one cannot hold a socket; 16 MB over loopback takes under a second. */
const TIMEOUTS = { headersMs: 10_000, requestMs: 60_000 };

export interface WebShellOptions {
  dispatch: Dispatch;
  rendererDir: string;
  port?: number;
  token?: string;
  timeouts?: typeof TIMEOUTS;
  /** Where a failure outside the dispatcher is told (the dispatcher logs its own). */
  log?: (err: unknown) => void;
}

export interface WebShell {
  server: Server;
  url: string;
  token: string;
  close(): Promise<void>;
}

/** Serialised before anything is written, so a value JSON cannot hold still ends in a clean 500. */
function send(res: ServerResponse, status: number, body: Result<unknown>, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(text);
}

const refuse = (res: ServerResponse, status: number, error: AppErrorPayload, headers?: Record<string, string>) =>
  send(res, status, { ok: false, error }, headers);
const badRequest = (message: string): AppErrorPayload => ({ code: 'VALIDATION', issues: [{ path: [], message }] });

/** Whatever went wrong while answering: a 500 if nothing was sent yet, else the connection is cut. */
function fail(res: ServerResponse, err: unknown, log: (err: unknown) => void): void {
  log(err);
  if (!res.headersSent) refuse(res, 500, { code: 'INTERNAL' });
  else if (!res.writableEnded) res.destroy();
}

/** Compared as bytes: a header may hold any byte, and a multibyte character makes the byte lengths differ. */
function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Host must be our own loopback address: a page elsewhere cannot rebind a name to reach us. */
function hostAllowed(req: IncomingMessage, port: number): boolean {
  return req.headers.host === `${LOOPBACK}:${port}` || req.headers.host === `localhost:${port}`;
}

/**
 * The path of an origin-form target (`/…`, dot segments resolved) and its decoded form; null for
 * any other form (absolute, `*`, `//host`), a malformed escape, or a `..`, backslash or NUL once decoded.
 */
function requestPath(target: string | undefined): { path: string; decoded: string } | null {
  if (!target?.startsWith('/') || target.startsWith('//')) return null;
  try {
    const path = new URL(target, `http://${LOOPBACK}`).pathname;
    const decoded = decodeURIComponent(path);
    return /(^|\/)\.\.(\/|$)|[\\\0]/.test(decoded) ? null : { path, decoded };
  } catch {
    return null;
  }
}

/** The whole body; null past MAX_BODY_BYTES; rejects if the client goes away before the end. */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) resolve(null);
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('close', () => reject(new Error('the client went away before the end of its request')));
  });
}

/** The call's envelope: a JSON object (its payload and handle are the dispatcher's to check). */
function parseEnvelope(body: Buffer): { payload?: unknown; handle?: unknown } | null {
  try {
    const envelope: unknown = JSON.parse(body.toString('utf8'));
    return typeof envelope === 'object' && envelope !== null && !Array.isArray(envelope) ? envelope : null;
  } catch {
    return null;
  }
}

async function handleCall(req: IncomingMessage, res: ServerResponse, name: string, options: Required<Pick<WebShellOptions, 'dispatch' | 'token'>>) {
  if (req.method !== 'POST') return refuse(res, 405, { code: 'UNKNOWN_CALL' });
  if (!tokenMatches(req.headers['x-archive-token'], options.token)) return refuse(res, 403, { code: 'FORBIDDEN' });
  const body = await readBody(req);
  // The rest of an oversized body is not waited for: the connection closes after the answer.
  if (body === null) return refuse(res, 413, { code: 'PAYLOAD_TOO_LARGE' }, { connection: 'close' });
  const envelope = parseEnvelope(body);
  if (!envelope) return refuse(res, 400, badRequest('v.json'));
  send(res, 200, await options.dispatch({ name, payload: envelope.payload, handle: envelope.handle }));
}

/**
 * A request the HTTP parser refused (bad syntax, headers too large) or one too slow: a typed answer,
 * on the response under way if there is one, else written on the socket; then the socket closes.
 */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  const pending = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || pending?.headersSent) {
    socket.destroy();
    return;
  }
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const error: AppErrorPayload = status === 431 ? { code: 'PAYLOAD_TOO_LARGE' } : badRequest(status === 408 ? 'v.timeout' : 'v.request');
  if (pending) return refuse(pending, status, error, { connection: 'close' });
  const body = JSON.stringify({ ok: false, error });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\ncache-control: no-store\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/**
 * The browser shell: the built renderer plus a bridge to the same dispatcher Electron uses,
 * on 127.0.0.1 only, every call guarded by a random per-run token. No request can stop it: every
 * failure is an answer (a typed error) or a closed connection.
 */
export function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? console.error;
  const timeouts = options.timeouts ?? TIMEOUTS;
  const assets = sirv(options.rendererDir, { dev: false, etag: true, setHeaders: (res) => res.setHeader('content-security-policy', CSP) });
  let port = 0;
  const route = (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('referrer-policy', 'no-referrer');
    if (!hostAllowed(req, port)) return refuse(res, 421, { code: 'FORBIDDEN' });
    const target = requestPath(req.url);
    if (!target) return refuse(res, 400, badRequest('v.url'));
    if (target.path.startsWith('/api/')) {
      handleCall(req, res, target.decoded.slice('/api/'.length), { dispatch: options.dispatch, token }).catch((err: unknown) => fail(res, err, log));
      return;
    }
    assets(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    });
  };
  // Node looks for expired requests every connectionsCheckingInterval (30 s unless told). A request
  // without a Host is refused by hostAllowed, with a typed answer, rather than by Node's bare 400.
  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: Math.min(1000, timeouts.headersMs / 2),
      requireHostHeader: false,
    },
    (req, res) => {
      try {
        route(req, res);
      } catch (err) {
        fail(res, err, log);
      }
    },
  );
  server.on('clientError', answerClientError);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      port = (server.address() as AddressInfo).port;
      // Once listening, a server error (too many open files on accept) is told, not thrown.
      server.removeListener('error', reject);
      server.on('error', log);
      resolve({
        server,
        token,
        url: `http://${LOOPBACK}:${port}/#token=${token}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
