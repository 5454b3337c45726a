import type { UpdateSource, UpdateStatus, UpdaterState } from '../../core/contract/updates';
import type { Updater } from '../updater';

const BUSY_POLL_MS = 1000;

interface DeskArchive {
  /** The source the archive keeps (throws NOT_READY while it is not open). */
  source(): UpdateSource;
  /** A backup, re-key, restore, export or chain check is under way. */
  busy(): boolean;
}

/**
 * 软件更新 as the server sees it: the archive's source and the shell's updater in one status, and
 * 退出并安装 held back while a long job runs (an installer must not end a backup half-way): the
 * update is then agreed for the next quit at once, and installed as soon as the job ends.
 */
export class UpdateDesk {
  private waiting: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly updater: Updater,
    private readonly archive: DeskArchive,
  ) {}

  async status(state?: UpdaterState): Promise<UpdateStatus> {
    return {
      ...(state ?? (await this.updater.state())),
      available: this.updater.available,
      source: this.archive.source(),
      waitingForWork: this.waiting !== null,
    };
  }

  async check(): Promise<UpdateStatus> {
    const source = this.archive.source();
    if (source.kind === 'none') return this.status();
    return this.status(await this.updater.check(source));
  }

  /** At start: only a configured source is asked; a failure is the status's to show, not the start's. */
  checkAtStart(): void {
    let source: UpdateSource;
    try {
      source = this.archive.source();
    } catch {
      return;
    }
    if (source.kind !== 'none' && this.updater.available) void this.updater.check(source).catch((err: unknown) => console.error('update check:', err));
  }

  async install(when: 'now' | 'quit'): Promise<UpdateStatus> {
    if (when === 'quit' || !this.archive.busy()) return this.status(await this.updater.install(when));
    const state = await this.updater.install('quit');
    this.waitForWork();
    return this.status(state);
  }

  /** Stops waiting for a job (the app closes: the agreed update installs at that quit anyway). */
  close(): void {
    if (this.waiting) clearTimeout(this.waiting);
    this.waiting = null;
  }

  private waitForWork(): void {
    if (this.waiting) return;
    const tick = () => {
      if (this.archive.busy()) {
        this.waiting = setTimeout(tick, BUSY_POLL_MS);
        return;
      }
      this.waiting = null;
      void this.updater.install('now').catch((err: unknown) => console.error('update install:', err));
    };
    this.waiting = setTimeout(tick, BUSY_POLL_MS);
  }
}
