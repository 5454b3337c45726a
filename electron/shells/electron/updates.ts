import { stat } from 'node:fs/promises';
import type { AppUpdater, UpdateInfo } from 'electron-updater';
import type { ErrorCode } from '../../core/contract/errors';
import type { UpdateSource, UpdaterState } from '../../core/contract/updates';
import type { Updater } from '../../server/updater';
import { type FolderFeed, serveFolderFeed } from './update-folder-feed';

/** electron-updater's failures, as the codes 软件更新 shows in the user's language. */
export function updateErrorCode(err: unknown): ErrorCode {
  const { code, message } = (err ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : '';
  if (code === 'ERR_CHECKSUM_MISMATCH' || /checksum mismatch/i.test(text)) return 'UPDATE_CHECKSUM';
  if (code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' || code === 'HTTP_ERROR_404' || code === 'ERR_UPDATER_ASSET_NOT_FOUND') return 'UPDATE_NOT_FOUND';
  if (typeof code === 'string' && /^ERR_UPDATER_INVALID|^ERR_UPDATER_NO_/.test(code)) return 'UPDATE_FEED_INVALID';
  if (/ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|ECONNRESET|net::ERR_|timed out/.test(`${String(code)} ${text}`)) return 'UPDATE_UNREACHABLE';
  return 'UPDATE_FAILED';
}

/** Where the generic provider reads a source from. */
const hostFeedUrl = (url: string) => `${url.replace(/\/+$/, '')}/updates/`;

export interface DesktopUpdatesHooks {
  /** The state moved on: the window refetches 软件更新 (and shows the prompt once downloaded). */
  changed(state: UpdaterState): void;
  /** 退出并安装: the app stops its server (the closing backup) and then calls quitAndInstall. */
  quitAndInstall(): void;
}

/** NsisUpdater and AppImageUpdater (electron-updater's BaseUpdater) can run the installer on their own. */
type InstallingUpdater = AppUpdater & { install?: (isSilent?: boolean, isForceRunAfter?: boolean) => boolean };

/**
 * The desktop app's updater: electron-updater's generic provider pointed at the office's folder or
 * archive host, never the Internet. A found version downloads at once (its sha512 from latest.yml
 * checked by electron-updater); it is installed only after someone agreed: autoInstallOnAppQuit
 * stays off until then, so quitting before that leaves the app as it is. electron-updater adds its
 * own quit handler only when the flag is on as a download ends, so the agreed install at quit is
 * main's (installAtQuit, from app's 'quit' event, after the server's closing backup).
 */
export class DesktopUpdates implements Updater {
  readonly available = true;
  private phase: UpdaterState['phase'] = 'idle';
  private version: string | null = null;
  private checkedAt: string | null = null;
  private error: string | null = null;
  private feed: FolderFeed | null = null;
  private installing = false;

  constructor(
    private readonly updater: InstallingUpdater,
    private readonly hooks: DesktopUpdatesHooks,
  ) {
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = false;
    // The feed (ours or the host's) answers whole files only; a LAN copies an installer in seconds.
    updater.disableDifferentialDownload = true;
    updater.logger = { info: () => undefined, warn: console.warn, error: console.error, debug: () => undefined };
    updater.on('checking-for-update', () => this.move('checking'));
    updater.on('update-available', (info: UpdateInfo) => this.move('downloading', info.version));
    updater.on('update-not-available', () => this.move('up-to-date', null));
    updater.on('update-downloaded', (info: UpdateInfo) => this.move('downloaded', info.version));
    updater.on('error', (err: unknown) => this.fail(updateErrorCode(err)));
  }

  state(): Promise<UpdaterState> {
    return Promise.resolve(this.snapshot());
  }

  async check(source: UpdateSource): Promise<UpdaterState> {
    if (source.kind === 'none') return this.snapshot();
    // A download under way (or done) is not started over by another check.
    if (this.phase === 'downloading' || this.phase === 'downloaded') return this.snapshot();
    this.error = null;
    try {
      const url = source.kind === 'folder' ? await this.folderUrl(source.path) : hostFeedUrl(source.url);
      if (url === null) return this.fail('UPDATE_UNREACHABLE');
      this.updater.setFeedURL({ provider: 'generic', url });
      const result = await this.updater.checkForUpdates();
      // The download's failure (a wrong sha512) arrives as the 'error' event.
      void result?.downloadPromise?.catch(() => undefined);
      if (result === null) return this.fail('UPDATE_UNAVAILABLE');
    } catch (err) {
      if (this.phase !== 'error') this.fail(updateErrorCode(err));
    }
    this.checkedAt = new Date().toISOString();
    return this.snapshot();
  }

  /** The user agreed: installed when the app quits, or (now) right away by quitting. */
  install(when: 'now' | 'quit'): Promise<UpdaterState> {
    if (this.phase !== 'downloaded') return Promise.resolve(this.snapshot());
    this.updater.autoInstallOnAppQuit = true;
    if (when === 'now') setImmediate(() => this.hooks.quitAndInstall());
    this.hooks.changed(this.snapshot());
    return Promise.resolve(this.snapshot());
  }

  /** Called once main's server has stopped: electron-updater runs the installer and quits. */
  quitAndInstall(): void {
    this.installing = true;
    // Silent, and the app starts again afterwards: the clerk sees the new version open.
    this.updater.quitAndInstall(true, true);
  }

  /** The app quits (its server already stopped): an agreed update installs now, silently, without restarting. */
  installAtQuit(): void {
    if (this.installing || !this.updater.autoInstallOnAppQuit || this.phase !== 'downloaded') return;
    this.installing = true;
    this.updater.install?.(true, false);
  }

  async close(): Promise<void> {
    await this.feed?.close();
    this.feed = null;
  }

  private async folderUrl(folder: string): Promise<string | null> {
    const info = await stat(folder).catch(() => null);
    if (!info?.isDirectory()) return null;
    if (this.feed?.folder !== folder) {
      await this.feed?.close();
      this.feed = await serveFolderFeed(folder);
    }
    return this.feed.url;
  }

  private move(phase: UpdaterState['phase'], version?: string | null): void {
    this.phase = phase;
    if (version !== undefined) this.version = version;
    if (phase !== 'checking' && phase !== 'downloading') this.checkedAt = new Date().toISOString();
    this.hooks.changed(this.snapshot());
  }

  private fail(code: ErrorCode): UpdaterState {
    this.error = code;
    this.checkedAt = new Date().toISOString();
    this.phase = 'error';
    this.hooks.changed(this.snapshot());
    return this.snapshot();
  }

  private snapshot(): UpdaterState {
    return {
      currentVersion: this.updater.currentVersion.version,
      phase: this.phase,
      checkedAt: this.checkedAt,
      version: this.version,
      error: this.error,
      agreed: this.updater.autoInstallOnAppQuit,
    };
  }
}
