import type { IncomingMessage } from 'node:http';

/** One server-sent message: a named event with its JSON data, or a `: comment` line (event ':'). */
export interface StreamMessage {
  event: string;
  data: unknown;
}

/**
 * Reads a text/event-stream answer as it arrives, message by message. next() waits for the next
 * one (null once the stream has ended) and fails past its wait, so a test that expects a push fails
 * rather than hangs when none comes.
 */
export class EventStreamReader {
  private buffer = '';
  private readonly queue: (StreamMessage | null)[] = [];
  private readonly waiting: ((message: StreamMessage | null) => void)[] = [];
  private finished = false;

  constructor(readonly res: IncomingMessage) {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => this.take(chunk));
    const end = () => this.push(null);
    res.on('end', end);
    res.on('close', end);
    res.on('error', end);
  }

  /** The next message, pings included; null when the stream has ended. */
  next(timeoutMs = 2000): Promise<StreamMessage | null> {
    const queued = this.queue.shift();
    if (queued !== undefined) {
      if (queued === null) this.queue.unshift(null);
      return Promise.resolve(queued);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        reject(new Error(`no server-sent message within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = (message: StreamMessage | null) => {
        clearTimeout(timer);
        resolve(message);
      };
      this.waiting.push(waiter);
    });
  }

  /** The next message that is not a ping; null when the stream has ended. */
  async nextEvent(timeoutMs = 2000): Promise<StreamMessage | null> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const message = await this.next(Math.max(1, until - Date.now()));
      if (message === null || message.event !== ':') return message;
    }
  }

  close(): void {
    this.res.destroy();
  }

  private take(chunk: string): void {
    this.buffer += chunk;
    for (let end = this.buffer.indexOf('\n\n'); end >= 0; end = this.buffer.indexOf('\n\n')) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.push(parseBlock(block));
    }
  }

  private push(message: StreamMessage | null): void {
    if (this.finished) return;
    if (message === null) {
      this.finished = true;
      for (const waiter of this.waiting.splice(0)) waiter(null);
      this.queue.push(null);
      return;
    }
    const waiter = this.waiting.shift();
    if (waiter) waiter(message);
    else this.queue.push(message);
  }
}

function parseBlock(block: string): StreamMessage {
  if (block.startsWith(':')) return { event: ':', data: block.slice(1).trim() };
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event: ')) event = line.slice('event: '.length);
    else if (line.startsWith('data: ')) data.push(line.slice('data: '.length));
  }
  return { event, data: data.length ? JSON.parse(data.join('\n')) : null };
}
