import { hostname as osHostname, networkInterfaces } from 'node:os';
import type { Db } from '../../../db/connection';
import type { KeyProtector } from '../../../db/keyfile';
import { AppError } from '../../core/contract/errors';
import type { ClientInfo, HostCertificate, HostEnableInput, HostStatus } from '../../core/contract/network';
import type { LanHost, LanListen, LanTls } from '../network';
import type { Actor } from '../services/actor';
import { mutate } from '../services/transaction';
import { defaultAllow, hostInterfaces, hostUrls, isOwnAddress, servedAddresses, type InterfaceTable } from './host-net';
import { getHostSettings, putHostSettings, type HostSettings } from './host-settings';
import { prepareCompanyTls, prepareTls, readCertificate, type PreparedTls } from './host-tls';

/** What host mode needs of the runtime (kept narrow: the runtime builds one HostMode and drives it). */
export interface HostArchive {
  dataDir: string;
  protector: KeyProtector | null;
  /** The open archive, or null (not set up, locked, folder gone). */
  openDb(): Db | null;
  sessions: {
    closeWhere(pred: (s: { userId: number; client: ClientInfo }) => boolean): number;
    /** How the admin's session list tells which desks have a live update stream open. */
    setLiveProbe(probe: ((handle: string) => boolean) | null): void;
  };
  now(): Date;
}

/** The machine as host mode sees it; tests pass their own. */
export interface HostMachine {
  hostname(): string;
  interfaces(): InterfaceTable;
}

export const osMachine: HostMachine = { hostname: osHostname, interfaces: networkInterfaces };

/** Where to listen, as asked (settings, or a shell's command line): allow may be empty. */
export interface ListenRequest {
  address: string;
  port: number;
  allow: string[];
}

interface Serving {
  /** As asked: a later reconcile with the same request leaves the server alone. */
  request: ListenRequest;
  /** As listened: the allow-list filled in, the port the server really got (0 asked: any free one). */
  address: string;
  port: number;
  allow: string[];
}

const sameRequest = (a: ListenRequest, b: ListenRequest) =>
  a.address === b.address && a.port === b.port && a.allow.length === b.allow.length && a.allow.every((x, i) => x === b.allow[i]);

const codeOf = (err: unknown) => (err instanceof AppError ? err.code : 'INTERNAL');

/**
 * Host mode's rules: where to listen, which networks may come in, which certificate to serve,
 * when to start and stop. The HTTPS server itself is a LanHost a shell lends (none: host mode is
 * unavailable). Every start and stop runs in one queue, so an enable, a disable and the runtime
 * opening or closing the archive never interleave.
 */
export class HostMode {
  private lan: LanHost | null = null;
  private serving: Serving | null = null;
  /** Started from a shell's command line: served whatever the settings say, never written into them. */
  private commandLine: ListenRequest | null = null;
  /** Why the last automatic start failed (an error code), for the status. */
  private problem: string | null = null;
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly archive: HostArchive,
    private readonly machine: HostMachine = osMachine,
  ) {}

  /** The shell's HTTPS server; until one is given, host mode is unavailable. */
  lendLanHost(lan: LanHost): void {
    this.lan = lan;
    this.archive.sessions.setLiveProbe((handle) => lan.running() && lan.liveHandles().has(handle));
  }

  /** Resolves once every start and stop asked for so far has run. */
  settled(): Promise<void> {
    return this.turn.then(() => undefined);
  }

  private queued<T>(work: () => Promise<T>): Promise<T> {
    const next = this.turn.then(work, work);
    this.turn = next.catch(() => undefined);
    return next;
  }

  status(): HostStatus {
    const table = this.machine.interfaces();
    const db = this.archive.openDb();
    const saved = db ? getHostSettings(db) : null;
    const running = this.lan?.running() === true && this.serving !== null;
    const shown = running ? this.serving : (this.commandLine ?? (saved?.enabled ? saved : null));
    return {
      enabled: saved?.enabled ?? false,
      running,
      address: shown?.address ?? null,
      port: shown?.port ?? null,
      allow: shown ? [...shown.allow] : [],
      urls: running && this.serving ? hostUrls(table, this.serving.address, this.serving.port) : [],
      interfaces: hostInterfaces(table),
      certificate: readCertificate(this.archive.dataDir),
      problem: running ? null : this.problem,
      available: this.lan !== null,
    };
  }

  private requireLan(): LanHost {
    if (!this.lan) throw new AppError('HOST_UNAVAILABLE');
    return this.lan;
  }

  private requireDb(): Db {
    const db = this.archive.openDb();
    if (!db) throw new AppError('NOT_READY');
    return db;
  }

  /** The listen for a request, with the certificate to serve (a new one staged when there is none yet). */
  private async prepare(request: ListenRequest): Promise<{ listen: Omit<LanListen, 'tls'>; prepared: PreparedTls }> {
    const table = this.machine.interfaces();
    const hostname = this.machine.hostname();
    const addresses = servedAddresses(table, request.address).map((a) => a.address);
    const prepared = await prepareTls(this.archive.dataDir, this.archive.protector, { hostname, addresses }, this.archive.now());
    const allow = request.allow.length > 0 ? [...new Set(request.allow)] : defaultAllow(table, request.address);
    const names = [...new Set([hostname, `${hostname}.local`, 'localhost', ...addresses])].filter((n) => n !== '');
    return { listen: { address: request.address, port: request.port, allow, names }, prepared };
  }

  /** Listens (replacing what runs); rejects with HOST_PORT_IN_USE / HOST_ADDRESS_UNAVAILABLE from the LanHost. */
  private async listen(request: ListenRequest, listen: Omit<LanListen, 'tls'>, tls: LanTls): Promise<Serving> {
    const lan = this.requireLan();
    try {
      const started = await lan.start({ ...listen, tls });
      const port = started && typeof started === 'object' ? started.port : listen.port;
      this.serving = { request, address: listen.address, port, allow: listen.allow };
      this.problem = null;
      return this.serving;
    } catch (err) {
      if (!lan.running()) this.serving = null;
      throw err;
    }
  }

  /** host-enable: saved and audited only once the server listens; a port in use changes nothing. */
  enable(actor: Actor, input: HostEnableInput): Promise<HostStatus> {
    return this.queued(async () => {
      this.requireLan();
      const db = this.requireDb();
      if (!isOwnAddress(this.machine.interfaces(), input.address)) throw new AppError('HOST_ADDRESS_UNAVAILABLE', { params: { address: input.address } });
      const request = { address: input.address, port: input.port, allow: input.allow };
      const { listen, prepared } = await this.prepare(request);
      const before = getHostSettings(db);
      const serving = await this.listen(request, listen, prepared.tls);
      const after: HostSettings = { enabled: true, address: input.address, port: input.port, allow: serving.allow };
      try {
        mutate(db, actor, (tx) => {
          putHostSettings(tx, after);
          prepared.commit?.();
          return {
            result: null,
            audit: {
              action: 'host-enable',
              entity: 'settings',
              entityId: 'host',
              before,
              after: { ...after, fingerprint: prepared.certificate.fingerprint, newCertificate: prepared.commit !== null },
            },
          };
        });
      } catch (err) {
        // Not saved, so not served either: the next start would not serve it.
        await this.stopNow();
        throw err;
      }
      this.commandLine = null;
      return this.status();
    });
  }

  /** host-disable: the server stops and every desk on the network is signed out. */
  disable(actor: Actor): Promise<HostStatus> {
    return this.queued(async () => {
      const db = this.requireDb();
      await this.stopNow();
      this.commandLine = null;
      this.problem = null;
      const ended = this.archive.sessions.closeWhere((s) => s.client.transport === 'lan');
      const before = getHostSettings(db);
      mutate(db, actor, (tx) => {
        putHostSettings(tx, { ...before, enabled: false });
        return {
          result: null,
          audit: { action: 'host-disable', entity: 'settings', entityId: 'host', before, after: { ...before, enabled: false, sessionsEnded: ended } },
        };
      });
      return this.status();
    });
  }

  /** host-certificate-install: checked, then it replaces the files; a running server serves it at once. */
  installCertificate(actor: Actor, tls: LanTls): Promise<HostStatus> {
    return this.queued(async () => {
      const db = this.requireDb();
      const prepared = await prepareCompanyTls(this.archive.dataDir, this.archive.protector, tls, this.archive.now());
      const before: HostCertificate | null = readCertificate(this.archive.dataDir);
      mutate(db, actor, () => {
        prepared.commit?.();
        return {
          result: null,
          audit: {
            action: 'host-certificate-install',
            entity: 'settings',
            entityId: 'host',
            before: before && { fingerprint: before.fingerprint, subject: before.subject, validTo: before.validTo },
            after: { fingerprint: prepared.certificate.fingerprint, subject: prepared.certificate.subject, validTo: prepared.certificate.validTo },
          },
        };
      });
      const serving = this.lan?.running() ? this.serving : null;
      if (serving) {
        const { listen } = await this.prepare(serving.request);
        await this.listen(serving.request, listen, prepared.tls).catch((err: unknown) => {
          this.problem = codeOf(err);
          console.error('host mode: the new certificate could not be served', err);
        });
      }
      return this.status();
    });
  }

  /**
   * A host a shell starts from its command line (the web shell's --lan): served now, whether the
   * archive is open or not, and again whenever the archive reopens; never written into settings.
   * Rejects like enable does.
   */
  startFromCommandLine(request: ListenRequest): Promise<HostStatus> {
    return this.queued(async () => {
      this.commandLine = request;
      try {
        const { listen, prepared } = await this.prepare(request);
        prepared.commit?.();
        await this.listen(request, listen, prepared.tls);
      } catch (err) {
        this.problem = codeOf(err);
        throw err;
      }
      return this.status();
    });
  }

  /** The archive opened (start, unlock, setup, restore, re-key): serve what it says, or the command line's host. */
  archiveOpened(): void {
    void this.queued(() => this.reconcile());
  }

  /** The archive is closing (app quit, restore, re-key, folder gone): nothing is served from it until it reopens. */
  archiveClosing(): void {
    void this.queued(() => this.stopNow());
  }

  stop(): Promise<void> {
    return this.queued(() => this.stopNow());
  }

  /** Serves what is wanted now; a failure is the status's problem (logged), never an exception. */
  private async reconcile(): Promise<void> {
    if (!this.lan) return;
    const db = this.archive.openDb();
    const saved = db ? getHostSettings(db) : null;
    const wanted: ListenRequest | null = this.commandLine ?? (saved?.enabled ? { address: saved.address, port: saved.port, allow: saved.allow } : null);
    if (!wanted) return this.stopNow();
    if (this.serving && this.lan.running() && sameRequest(this.serving.request, wanted)) return;
    try {
      const { listen, prepared } = await this.prepare(wanted);
      // A restored archive on a new PC has settings but no certificate yet: made here, said in the log.
      if (prepared.commit) console.warn('host mode: a new self-signed certificate was made for the saved host settings');
      prepared.commit?.();
      await this.listen(wanted, listen, prepared.tls);
    } catch (err) {
      this.problem = codeOf(err);
      console.error('host mode could not start:', err);
    }
  }

  private async stopNow(): Promise<void> {
    const lan = this.lan;
    this.serving = null;
    if (lan?.running()) await lan.stop();
  }
}
