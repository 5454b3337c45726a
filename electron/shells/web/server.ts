import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Topic } from '../../core/contract/define';
import type { Dispatch } from '../../server/dispatch';
import { badRequest, fail, refuse, send } from '../http/answer';
import { rendererAssets, setSecurityHeaders } from '../http/assets';
import { parseEnvelope, readBody } from '../http/body';
import { sessionHeader } from '../http/call-headers';
import { answerClientError } from '../http/client-error';
import { type EventStream, openEventStream } from '../http/event-stream';
import { requestPath } from '../http/request-path';
import { serverOptions, TIMEOUTS, type Timeouts } from '../http/server-options';

export { MAX_BODY_BYTES } from '../http/body';

const LOOPBACK = '127.0.0.1';

export interface WebShellOptions {
  dispatch: Dispatch;
  rendererDir: string;
  port?: number;
  token?: string;
  timeouts?: Timeouts;
  /** Where a failure outside the dispatcher is told (the dispatcher logs its own). */
  log?: (err: unknown) => void;
  /** The writes made anywhere (this window, desks on the LAN), for GET /api/events; absent: no live stream. */
  onChanged?: (listener: (topics: readonly Topic[]) => void) => () => void;
}

export interface WebShell {
  server: Server;
  url: string;
  token: string;
  close(): Promise<void>;
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

async function handleCall(req: IncomingMessage, res: ServerResponse, name: string, options: { dispatch: Dispatch; token: string }) {
  if (req.method !== 'POST') return refuse(res, 405, { code: 'UNKNOWN_CALL' });
  if (!tokenMatches(req.headers['x-archive-token'], options.token)) return refuse(res, 403, { code: 'FORBIDDEN' });
  const body = await readBody(req);
  // The rest of an oversized body is not waited for: the connection closes after the answer.
  if (body === null) return refuse(res, 413, { code: 'PAYLOAD_TOO_LARGE' }, { connection: 'close' });
  const envelope = parseEnvelope(body);
  if (!envelope) return refuse(res, 400, badRequest('v.json'));
  // The renderer sends its session in a header on both shells; a body handle is what older pages send.
  send(res, 200, await options.dispatch({ name, payload: envelope.payload, handle: sessionHeader(req) ?? envelope.handle }));
}

/**
 * The browser shell: the built renderer plus a bridge to the same dispatcher Electron uses,
 * on 127.0.0.1 only, every call guarded by a random per-run token. No request can stop it: every
 * failure is an answer (a typed error) or a closed connection.
 */
export function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? console.error;
  const assets = rendererAssets(options.rendererDir);
  const streams = new Set<EventStream>();
  let port = 0;

  /** The own window's live updates: the token is the guard (only this PC's window has it), no session. */
  const openEvents = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET') return refuse(res, 405, { code: 'UNKNOWN_CALL' });
    if (!tokenMatches(req.headers['x-archive-token'], token)) return refuse(res, 403, { code: 'FORBIDDEN' });
    if (!options.onChanged) return refuse(res, 404, { code: 'UNKNOWN_CALL' });
    let unsubscribe = () => {};
    const stream = openEventStream(res, { onClose: () => (streams.delete(stream), unsubscribe()) });
    streams.add(stream);
    unsubscribe = options.onChanged((topics) => stream.send('changed', { topics }));
  };

  const route = (req: IncomingMessage, res: ServerResponse) => {
    setSecurityHeaders(res);
    if (!hostAllowed(req, port)) return refuse(res, 421, { code: 'FORBIDDEN' });
    const target = requestPath(req.url);
    if (!target) return refuse(res, 400, badRequest('v.url'));
    if (!target.path.startsWith('/api/')) return assets(req, res);
    if (target.path === '/api/events') return openEvents(req, res);
    handleCall(req, res, target.decoded.slice('/api/'.length), { dispatch: options.dispatch, token }).catch((err: unknown) => fail(res, err, log));
  };
  const server = createServer(serverOptions(options.timeouts ?? TIMEOUTS), (req, res) => {
    try {
      route(req, res);
    } catch (err) {
      fail(res, err, log);
    }
  });
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
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // Open live streams would hold close() for ever: they end, and their connections with them.
            for (const stream of streams) stream.close();
          }),
      });
    });
  });
}
