import type { JobStatus } from '../../core/contract/backups';
import { AppError } from '../../core/contract/errors';
import { copiedBytes, type BackupStand } from '../services/backup-job';

export type JobName = NonNullable<JobStatus['running']>['job'];

/** The long job holding the archive now, and how far it is (a backup's worker says). */
export interface RunningJob {
  readonly job: JobName;
  readonly startedAt: Date;
  folderCount: number;
  stand: BackupStand | null;
  /** Ends the job's worker thread, for the app's close. */
  stop: (() => Promise<void>) | null;
}

/**
 * One long job on the archive at a time (a backup, a re-key, a restore): each reads the whole file
 * and the last two replace it. Another asked for while one runs is refused at once with
 * JOB_RUNNING, naming the one running, rather than queued behind minutes of work unseen.
 */
export class JobSlot {
  private running: RunningJob | null = null;

  constructor(private readonly now: () => Date) {}

  get current(): RunningJob | null {
    return this.running;
  }

  async hold<T>(job: JobName, work: (running: RunningJob) => Promise<T>): Promise<T> {
    if (this.running) throw new AppError('JOB_RUNNING', { params: { job: this.running.job } });
    const running: RunningJob = { job, startedAt: this.now(), folderCount: 0, stand: null, stop: null };
    this.running = running;
    try {
      return await work(running);
    } finally {
      this.running = null;
    }
  }

  status(): JobStatus {
    const running = this.running;
    if (!running) return { running: null };
    const stand = running.stand;
    const bytes = stand ? copiedBytes(stand) : { done: 0, total: 0 };
    return {
      running: {
        job: running.job,
        startedAt: running.startedAt.toISOString(),
        phase: stand?.step.step ?? 'prepare',
        folder: stand?.step.folder ?? null,
        folderIndex: stand?.folderIndex ?? 0,
        folderCount: running.folderCount,
        doneBytes: bytes.done,
        totalBytes: bytes.total,
      },
    };
  }
}
