import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { AppError } from '../../core/contract/errors';
import type { LanHost, LanHostDeps, LanHostFactory, LanListen } from '../../server/network';
import { badRequest, fail, refuse, send } from '../http/answer';
import { rendererAssets, setSecurityHeaders } from '../http/assets';
import { parseEnvelope, readBody } from '../http/body';
import { deskName, isJson, sessionHeader } from '../http/call-headers';
import { answerClientError } from '../http/client-error';
import { PING_MS } from '../http/event-stream';
import { requestPath } from '../http/request-path';
import { FEED_PREFIX, serveFeed } from '../http/update-feed';
import { serverOptions, TIMEOUTS, type Timeouts } from '../http/server-options';
import { allowList, clientAddress } from './allow-list';
import { hostCheck, originMatches } from './host-check';
import { LiveStreams } from './live-streams';
import { refusedPage } from './refused-page';

export interface LanTiming {
  timeouts: Timeouts;
  pingMs: number;
  /** How often the open streams' sessions are looked at (the brief: at most 5 s). */
  sessionCheckMs: number;
}

const TIMING: LanTiming = { timeouts: TIMEOUTS, pingMs: PING_MS, sessionCheckMs: 5000 };

const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

interface Running {
  server: Server;
  /** Every TCP connection, TLS handshake done or not: closeAllConnections() knows only the HTTP ones. */
  sockets: Set<Socket>;
  streams: LiveStreams;
  unsubscribe: () => void;
}

/** A network client refused: the page says so in words for a browser, a typed error for the app's own calls. */
function refuseClient(req: IncomingMessage, res: ServerResponse, address: string | null, apiCall: boolean) {
  const shown = address ?? '?';
  if (apiCall || (req.method !== 'GET' && req.method !== 'HEAD')) {
    return refuse(res, 403, { code: 'HOST_NETWORK_REFUSED', params: { address: shown } }, { connection: 'close' });
  }
  res.writeHead(403, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': PAGE_CSP, connection: 'close' });
  res.end(req.method === 'HEAD' ? undefined : refusedPage(shown));
}

/** The TLS pair refused by Node: which half, as HOST_CERTIFICATE_INVALID's reason says it. */
function certificateError(err: unknown): AppError {
  const message = err instanceof Error ? err.message : '';
  const reason = /key values mismatch/i.test(message) ? 'keyMismatch' : /key/i.test(message) ? 'keyUnreadable' : 'certUnreadable';
  return new AppError('HOST_CERTIFICATE_INVALID', { params: { reason } });
}

/**
 * https.Server hands TLS failures (a handshake timed out, a client speaking plain HTTP) to
 * clientError too: there is no TLS to answer over, so the socket just closes. HTTP errors get
 * their typed answer as on the loopback shell.
 */
function lanClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (/^ERR_(TLS|SSL)_/.test(err.code ?? '')) socket.destroy();
  else answerClientError(err, socket);
}

function listenError(err: unknown, listen: LanListen): unknown {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') return new AppError('HOST_PORT_IN_USE', { params: { port: listen.port } });
  if (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT' || code === 'ENOTFOUND' || code === 'EINVAL') {
    return new AppError('HOST_ADDRESS_UNAVAILABLE', { params: { address: listen.address } });
  }
  return err;
}

/**
 * Host mode's HTTPS server: the same renderer and the same dispatcher as the app's own window, for
 * the desks on the office network. Each request is let in only from an allowed network, for this
 * host's own name, from its own pages (Origin); calls carry their session in a header and reach
 * the dispatcher with the client's address and desk name. No request can stop it.
 */
export function lanHostWith(deps: LanHostDeps, timing: LanTiming = TIMING): LanHost {
  const assets = rendererAssets(deps.rendererDir);
  let current: Running | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  /** start and stop one after another, so a replacement never races the server it replaces. */
  const serial = <T>(step: () => Promise<T>): Promise<T> => {
    const next = queue.then(step);
    queue = next.catch(() => undefined);
    return next;
  };

  async function handleCall(req: IncomingMessage, res: ServerResponse, name: string, address: string) {
    if (req.method !== 'POST') return refuse(res, 405, { code: 'UNKNOWN_CALL' });
    if (!isJson(req)) return refuse(res, 415, badRequest('v.contentType'), { connection: 'close' });
    const body = await readBody(req);
    // The rest of an oversized body is not waited for: the connection closes after the answer.
    if (body === null) return refuse(res, 413, { code: 'PAYLOAD_TOO_LARGE' }, { connection: 'close' });
    const envelope = parseEnvelope(body);
    if (!envelope) return refuse(res, 400, badRequest('v.json'));
    // The session comes from its header only: a LAN desk has no token, and a body is not where it looks.
    const client = { transport: 'lan' as const, address, name: deskName(req) };
    send(res, 200, await deps.dispatch({ name, payload: envelope.payload, handle: sessionHeader(req), client }));
  }

  function openEvents(req: IncomingMessage, res: ServerResponse, address: string, streams: LiveStreams) {
    if (req.method !== 'GET') return refuse(res, 405, { code: 'UNKNOWN_CALL' });
    const handle = sessionHeader(req);
    if (handle === null || !deps.sessionAlive(handle)) return refuse(res, 401, { code: 'NOT_SIGNED_IN' });
    if (!streams.roomFor(address)) return refuse(res, 429, { code: 'FORBIDDEN' });
    streams.add(res, handle, address);
  }

  function router(listen: LanListen, port: () => number, streams: LiveStreams) {
    const allowed = allowList(listen.allow);
    const ourHost = hostCheck(listen.names, listen.address);
    return (req: IncomingMessage, res: ServerResponse) => {
      setSecurityHeaders(res);
      const address = clientAddress(req.socket.remoteAddress);
      const target = requestPath(req.url);
      if (address === null || !allowed(address)) return refuseClient(req, res, address, !target || target.path.startsWith('/api/'));
      const host = req.headers.host;
      if (!ourHost(host, port())) return refuse(res, 421, { code: 'FORBIDDEN' });
      if (req.headers.origin !== undefined && !originMatches(req.headers.origin, host!)) return refuse(res, 403, { code: 'FORBIDDEN' });
      // Never a CORS preflight answer: no other origin is ever let in.
      if (req.method === 'OPTIONS') return refuse(res, 405, { code: 'UNKNOWN_CALL' }, { allow: 'GET, HEAD, POST' });
      if (!target) return refuse(res, 400, badRequest('v.url'));
      // 软件更新: the desks' updaters fetch the host's update folder here, read-only.
      if (target.decoded.startsWith(FEED_PREFIX)) {
        serveFeed(req, res, deps.updateFolder?.() ?? null, target.decoded).catch((err: unknown) => fail(res, err, deps.log));
        return;
      }
      if (!target.path.startsWith('/api/')) return assets(req, res);
      if (target.path === '/api/events') return openEvents(req, res, address, streams);
      handleCall(req, res, target.decoded.slice('/api/'.length), address).catch((err: unknown) => fail(res, err, deps.log));
    };
  }

  async function open(listen: LanListen): Promise<Running> {
    // Checked before a socket is taken: a bad network in the list is the caller's error, not a half-started server.
    allowList(listen.allow);
    let port = listen.port;
    const streams = new LiveStreams({ sessionAlive: deps.sessionAlive, checkMs: timing.sessionCheckMs, pingMs: timing.pingMs, log: deps.log });
    const route = router(listen, () => port, streams);
    let server: Server;
    try {
      // A handshake gets no longer than headers do: a client that connects and says nothing cannot hold a socket.
      const tls = { cert: listen.tls.certPem, key: listen.tls.keyPem, minVersion: 'TLSv1.2' as const, handshakeTimeout: timing.timeouts.headersMs };
      server = createServer({ ...serverOptions(timing.timeouts), ...tls }, (req, res) => {
        try {
          route(req, res);
        } catch (err) {
          fail(res, err, deps.log);
        }
      });
    } catch (err) {
      streams.closeAll();
      throw certificateError(err);
    }
    server.on('clientError', lanClientError);
    const sockets = new Set<Socket>();
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err) => reject(listenError(err, listen)));
      server.listen(listen.port, listen.address, () => resolve());
    }).catch((err: unknown) => {
      streams.closeAll();
      throw err;
    });
    port = (server.address() as AddressInfo).port;
    server.removeAllListeners('error');
    // Once listening, a server error (too many open files on accept) is told, not thrown.
    server.on('error', deps.log);
    return { server, sockets, streams, unsubscribe: deps.changes.subscribe((topics) => streams.publish(topics)) };
  }

  async function close(): Promise<void> {
    const running = current;
    current = null;
    if (!running) return;
    running.unsubscribe();
    running.streams.closeAll();
    await new Promise<void>((done) => {
      running.server.close(() => done());
      running.server.closeAllConnections();
      for (const socket of running.sockets) socket.destroy();
    });
  }

  return {
    start: (listen) =>
      serial(async () => {
        await close();
        current = await open(listen);
        return { port: (current.server.address() as AddressInfo).port };
      }),
    stop: () => serial(close),
    running: () => current !== null,
    liveHandles: () => current?.streams.handles() ?? new Set(),
  };
}

export const createLanHost: LanHostFactory = (deps) => lanHostWith(deps);
