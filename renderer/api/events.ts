import type { Topic } from '../../electron/core/contract/define';
import { announceChanged } from './client';
import { setStream } from './connection';
import { useSession } from './session-store';
import { webHeaders } from './transport';

/**
 * The live update stream (issue #15): every write made anywhere (another desk, the host's own
 * window) arrives as the topics it changed and feeds the same listeners as a write made here, so
 * renderer/ui/refresh.ts refetches what it touched. Electron gets it through the preload; the web
 * shells read `GET /api/events` with fetch(), since EventSource cannot send the session header.
 */

/** What the preload adds next to window.archiveDesk (main forwards the server's 'changed'). */
export interface DesktopEvents {
  onChanged(listener: (topics: Topic[]) => void): () => void;
}

declare global {
  interface Window {
    archiveDeskEvents?: DesktopEvents;
  }
}

export interface SseEvent {
  event: string;
  data: string;
}

/**
 * An incremental text/event-stream parser: chunks may split a line or an event anywhere. Comments
 * (": ping") and unknown fields are skipped; an event is dispatched at its blank line.
 */
export function createSseParser(onEvent: (event: SseEvent) => void): (chunk: string) => void {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  const line = (text: string) => {
    if (text === '') {
      if (data.length > 0) onEvent({ event: event || 'message', data: data.join('\n') });
      event = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    const value = colon < 0 ? '' : text.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  };
  return (chunk) => {
    buffer += chunk;
    let end = buffer.indexOf('\n');
    while (end >= 0) {
      line(buffer.slice(0, end).replace(/\r$/, ''));
      buffer = buffer.slice(end + 1);
      end = buffer.indexOf('\n');
    }
  };
}

/** 1 s, 2 s, 4 s, then every 5 s: a host back after a restart is found quickly, a long outage costs little. */
export const RECONNECT_DELAYS_MS = [1000, 2000, 4000, 5000];

function topicsOf(data: string): Topic[] {
  try {
    const parsed = JSON.parse(data) as { topics?: unknown };
    return Array.isArray(parsed.topics) ? (parsed.topics.filter((t) => typeof t === 'string') as Topic[]) : [];
  } catch {
    return [];
  }
}

/** An answer that will not change by asking again (signed out, refused, no stream here): wait for the next sign-in. */
const final = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429;

/** One session's stream over fetch, reconnecting until stopped or refused. */
class WebStream {
  private controller: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private stopped = false;

  constructor(private readonly handle: string) {
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.controller?.abort();
  }

  retryNow(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.controller?.abort();
    void this.connect();
  }

  private async connect(): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    const current = () => !this.stopped && this.controller === controller;
    try {
      const res = await fetch('/api/events', { headers: webHeaders(this.handle), signal: controller.signal, cache: 'no-store' });
      if (!current()) return;
      if (final(res.status)) {
        this.stopped = true;
        setStream('down');
        return;
      }
      if (res.ok && res.body) await this.read(res.body, current);
    } catch {
      // Network error or the host went away mid-stream: reconnect below.
    }
    if (current()) this.retry();
  }

  private async read(body: ReadableStream<Uint8Array>, current: () => boolean): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const push = createSseParser(({ event, data }) => {
      if (!current()) return;
      if (event === 'hello') {
        this.attempt = 0;
        setStream('live');
      } else if (event === 'changed') {
        const topics = topicsOf(data);
        if (topics.length > 0) announceChanged(topics);
      }
    });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || !current()) break;
        push(decoder.decode(value, { stream: true }));
      }
    } finally {
      reader.releaseLock();
    }
  }

  private retry(): void {
    setStream('reconnecting');
    const delay = RECONNECT_DELAYS_MS[Math.min(this.attempt, RECONNECT_DELAYS_MS.length - 1)];
    this.attempt += 1;
    this.timer = setTimeout(() => void this.connect(), delay);
  }
}

let stream: WebStream | null = null;

/** The banner's 立即重试: reconnect now instead of at the end of the backoff. */
export function retryLiveUpdates(): void {
  stream?.retryNow();
}

/**
 * Follows the session: a stream while someone is signed in, a new one after sign-in or unlock
 * (the handle changes), none once signed out or locked. Returns the way to stop following.
 */
export function startLiveUpdates(): () => void {
  let following: string | null = null;
  let unsubscribeDesktop: (() => void) | null = null;
  const follow = (handle: string | null) => {
    if (handle === following) return;
    following = handle;
    stream?.stop();
    stream = null;
    unsubscribeDesktop?.();
    unsubscribeDesktop = null;
    if (!handle) return setStream('down');
    if (window.archiveDesk) {
      const events = window.archiveDeskEvents;
      if (!events) return setStream('down');
      unsubscribeDesktop = events.onChanged((topics) => announceChanged(topics));
      return setStream('live');
    }
    stream = new WebStream(handle);
  };
  follow(useSession.getState().handle);
  const unsubscribe = useSession.subscribe((state) => follow(state.handle));
  return () => {
    unsubscribe();
    follow(null);
  };
}
