import type { KeyProtector } from '../../../db/keyfile';
import type { AppStatus } from '../../core/contract/app';
import type { Topic } from '../../core/contract/define';
import type { HostStatus } from '../../core/contract/network';
import { AppError, type Result } from '../../core/contract/errors';
import type { CallRequest } from '../dispatch';
import type { HostClient } from '../client';
import type { Printer } from '../services/printing/printer';
import type { Updater } from '../updater';
import { SERVER_GONE, type HostAsk, type MessageEnd, type ServerStartOptions, type ToHost, type ToServer } from './protocol';

/** What only the shell can do, lent to the server it runs. */
export interface HostServices {
  protector: KeyProtector | null;
  printer: Printer | null;
  /** The Electron app's way to become a desk of another PC's archive. */
  hostClient?: HostClient;
  /** The desktop app's software updater. */
  updater?: Updater;
}

async function answer(host: HostServices, ask: HostAsk): Promise<unknown> {
  switch (ask.op) {
    case 'protect':
      if (!host.protector) throw new AppError('KEYSTORE_UNAVAILABLE');
      return host.protector.protect(Buffer.from(ask.secret));
    case 'unprotect':
      if (!host.protector) throw new AppError('KEYSTORE_UNAVAILABLE');
      return host.protector.unprotect(Buffer.from(ask.blob));
    case 'pdf':
      if (!host.printer) throw new AppError('PRINTER_UNAVAILABLE');
      return host.printer.pdf(ask.html);
    case 'dialog':
      if (!host.printer?.dialog) throw new AppError('PRINT_DIALOG_UNAVAILABLE');
      return host.printer.dialog(ask.html);
    case 'host-probe':
    case 'host-connect':
      if (!host.hostClient) throw new AppError('CLIENT_MODE_UNAVAILABLE');
      return ask.op === 'host-probe'
        ? host.hostClient.probe(ask.address)
        : host.hostClient.connect({ url: ask.url, fingerprint: ask.fingerprint }).then(() => null);
    case 'update-state':
    case 'update-check':
    case 'update-install':
      if (!host.updater) throw new AppError('UPDATE_UNAVAILABLE');
      return ask.op === 'update-state' ? host.updater.state() : ask.op === 'update-check' ? host.updater.check(ask.source) : host.updater.install(ask.when);
  }
}

const asResult = (err: unknown): Result<unknown> => {
  if (err instanceof AppError) return { ok: false, error: err.toPayload() };
  console.error('the shell could not do what the server asked:', err);
  return { ok: false, error: { code: 'INTERNAL' } };
};

/**
 * The shell's side of one server (one process, or one in-process instance): calls go out with an
 * id and come back by it, the server's asks are answered with the shell's services. When the server
 * ends (gone()), every call still waiting is answered SERVER_GONE.
 */
export class ServerLink {
  private readonly waiting = new Map<number, (result: Result<unknown>) => void>();
  private nextId = 0;
  private ended = false;
  private readonly readyWaits: ((status: AppStatus | null) => void)[] = [];
  private readonly closedWaits: (() => void)[] = [];
  private readonly changeListeners = new Set<(topics: Topic[]) => void>();
  /** Host mode as the server started it (null: no LAN server lent, or not started yet). */
  hostAtStart: HostStatus | null = null;

  constructor(
    private readonly end: MessageEnd<ToServer, ToHost>,
    private readonly host: HostServices,
  ) {
    end.onMessage((message) => this.receive(message));
  }

  /** Resolves with the status the server started in; null if it ended first. */
  start(options: Omit<ServerStartOptions, 'protector' | 'printer'>): Promise<AppStatus | null> {
    const { protector, printer, hostClient, updater } = this.host;
    this.end.post({
      kind: 'start',
      options: {
        ...options,
        protector: protector ? { kind: protector.kind, available: protector.available() } : null,
        printer: printer ? { dialog: typeof printer.dialog === 'function' } : null,
        hostClient: hostClient !== undefined,
        updater: updater !== undefined,
      },
    });
    return new Promise((resolve) => (this.ended ? resolve(null) : this.readyWaits.push(resolve)));
  }

  call(request: CallRequest): Promise<Result<unknown>> {
    if (this.ended) return Promise.resolve(SERVER_GONE);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.end.post({ kind: 'call', id, ...request });
    });
  }

  /** Every successful write's topics, as the server pushes them; returns the unsubscribe. */
  onChanged(listener: (topics: Topic[]) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  publishUrl(url: string): void {
    if (!this.ended) this.end.post({ kind: 'url', url });
  }

  /** Resolves once the server has done its on-close work (or has ended anyway). */
  close(): Promise<void> {
    if (this.ended) return Promise.resolve();
    this.end.post({ kind: 'close' });
    return new Promise((resolve) => this.closedWaits.push(resolve));
  }

  /** The server is gone: no call is left waiting for it. */
  gone(): void {
    this.ended = true;
    for (const resolve of this.waiting.values()) resolve(SERVER_GONE);
    this.waiting.clear();
    for (const resolve of this.readyWaits.splice(0)) resolve(null);
    for (const resolve of this.closedWaits.splice(0)) resolve();
  }

  private receive(message: ToHost): void {
    switch (message.kind) {
      case 'ready':
        this.hostAtStart = message.host;
        for (const resolve of this.readyWaits.splice(0)) resolve(message.status);
        return;
      case 'changed':
        for (const listener of this.changeListeners) listener(message.topics);
        return;
      case 'result':
        this.waiting.get(message.id)?.(message.result);
        this.waiting.delete(message.id);
        return;
      case 'ask':
        void answer(this.host, message.ask)
          .then((value): Result<unknown> => ({ ok: true, value }), asResult)
          .then((result) => this.ended || this.end.post({ kind: 'answer', id: message.id, result }));
        return;
      case 'closed':
        for (const resolve of this.closedWaits.splice(0)) resolve();
        return;
    }
  }
}
