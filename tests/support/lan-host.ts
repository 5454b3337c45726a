import type { TestApp } from './app';

export interface SentRequest {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface FakeLanHost {
  requests: SentRequest[];
  /** While true every fetch fails as a network error does (host off, cable out). */
  down: boolean;
  /** The answer status of the next /api/events requests (200: a stream). */
  eventsStatus: number;
  /** How many /api/events requests were made. */
  streamsOpened(): number;
  /** Sends `changed` on every open stream; `split` cuts the event into single-character chunks. */
  push(topics: string[], split?: boolean): void;
  /** Ends every open stream as a host restart does. */
  dropStreams(): void;
  restore(): void;
}

/**
 * window.fetch as the LAN host answers it (the wire protocol of the host-mode brief): POST
 * /api/<call> dispatched by the test app with the session from x-archive-session and the client
 * from x-archive-desk, and GET /api/events as a text/event-stream the test writes into.
 */
export function installFakeLanHost(app: TestApp): FakeLanHost {
  const original = globalThis.fetch;
  const encoder = new TextEncoder();
  const open = new Set<ReadableStreamDefaultController<Uint8Array>>();
  let opened = 0;
  const host: FakeLanHost = {
    requests: [],
    down: false,
    eventsStatus: 200,
    streamsOpened: () => opened,
    push: (topics, split = false) => {
      const text = `event: changed\r\ndata: ${JSON.stringify({ topics })}\r\n\r\n`;
      for (const controller of open) for (const chunk of split ? [...text] : [text]) controller.enqueue(encoder.encode(chunk));
    },
    dropStreams: () => {
      for (const controller of open) controller.close();
      open.clear();
    },
    restore: () => {
      host.dropStreams();
      globalThis.fetch = original;
    },
  };

  globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    host.requests.push({ url, headers, body: init.body ? JSON.parse(String(init.body)) : undefined });
    if (host.down) throw new TypeError('Failed to fetch');
    if (url === '/api/events') {
      opened += 1;
      if (host.eventsStatus !== 200) return new Response(JSON.stringify({ ok: false, error: { code: 'NOT_SIGNED_IN' } }), { status: host.eventsStatus });
      let own: ReadableStreamDefaultController<Uint8Array> | undefined;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          own = controller;
          open.add(controller);
          controller.enqueue(encoder.encode('event: hello\ndata: {}\n\n: ping\n\n'));
        },
      });
      init.signal?.addEventListener('abort', () => {
        if (own && open.delete(own)) own.error(new DOMException('aborted', 'AbortError'));
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
    }
    const name = url.replace(/^\/api\//, '');
    const desk = headers['x-archive-desk'];
    const result = await app.dispatch({
      name,
      payload: (init.body ? JSON.parse(String(init.body)) : {}).payload,
      handle: headers['x-archive-session'] ?? null,
      client: { transport: 'lan', address: '10.0.0.5', name: desk ? decodeURIComponent(desk) : null },
    });
    return new Response(JSON.stringify(result), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return host;
}
