import type { ServerResponse } from 'node:http';
import type { Topic } from '../../core/contract/define';
import { type EventStream, openEventStream } from '../http/event-stream';

export const MAX_STREAMS_PER_ADDRESS = 16;

interface Live {
  stream: EventStream;
  handle: string;
  address: string;
}

/**
 * The desks' open update streams on one running server: each gets every change, and each ends
 * when its session no longer signs anyone in (looked at every checkMs) or the server stops.
 */
export class LiveStreams {
  private readonly open = new Set<Live>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly options: { sessionAlive: (handle: string) => boolean; checkMs: number; pingMs: number; log: (err: unknown) => void }) {
    this.timer = setInterval(() => this.endSignedOut(), options.checkMs);
    this.timer.unref();
  }

  /** Whether a client address may open one more: a runaway page on one PC cannot hold the host's sockets. */
  roomFor(address: string): boolean {
    let count = 0;
    for (const live of this.open) if (live.address === address) count++;
    return count < MAX_STREAMS_PER_ADDRESS;
  }

  add(res: ServerResponse, handle: string, address: string): void {
    const live: Live = { handle, address, stream: openEventStream(res, { pingMs: this.options.pingMs, onClose: () => this.open.delete(live) }) };
    this.open.add(live);
  }

  publish(topics: readonly Topic[]): void {
    for (const live of this.open) live.stream.send('changed', { topics });
  }

  handles(): ReadonlySet<string> {
    return new Set([...this.open].map((live) => live.handle));
  }

  closeAll(): void {
    clearInterval(this.timer);
    for (const live of this.open) live.stream.close();
  }

  private endSignedOut(): void {
    const alive = new Map<string, boolean>();
    for (const live of this.open) {
      if (!alive.has(live.handle)) alive.set(live.handle, this.isAlive(live.handle));
      if (!alive.get(live.handle)) live.stream.close();
    }
  }

  /** A failing look-up (the archive closing under us) ends the stream: the desk reconnects and is told why. */
  private isAlive(handle: string): boolean {
    try {
      return this.options.sessionAlive(handle);
    } catch (err) {
      this.options.log(err);
      return false;
    }
  }
}
