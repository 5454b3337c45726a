import type { ServerResponse } from 'node:http';

export const PING_MS = 15_000;
/** A desk that stops reading is cut off rather than buffered for without end. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export interface EventStream {
  send(event: string, data: unknown): void;
  /** Ends the stream (and, as it was opened with connection: close, its connection). */
  close(): void;
}

/**
 * A server-sent event stream: the head and `hello` at once, a `: ping` comment every pingMs so idle
 * proxies and the desk both see it is alive. onClose runs once, however it ends (close(), the desk
 * going away, the connection cut).
 */
export function openEventStream(res: ServerResponse, options: { pingMs?: number; onClose?: () => void } = {}): EventStream {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // One stream, one connection: ending it closes the socket, so a server closing is not held by it.
    connection: 'close',
  });
  const write = (text: string) => {
    if (res.writableEnded || res.destroyed) return;
    if (res.writableLength > MAX_BUFFERED_BYTES) res.destroy();
    else res.write(text);
  };
  const ping = setInterval(() => write(': ping\n\n'), options.pingMs ?? PING_MS);
  ping.unref();
  res.once('close', () => {
    clearInterval(ping);
    options.onClose?.();
  });
  const stream: EventStream = {
    send: (event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
    close: () => {
      if (!res.writableEnded) res.end();
    },
  };
  stream.send('hello', {});
  return stream;
}
