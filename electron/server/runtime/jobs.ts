import type { JobStatus } from '../../core/contract/backups';
import { AppError } from '../../core/contract/errors';
import { stepBytes, type ArchiveStep } from '../services/archive-jobs';
import { copiedBytes, type BackupStand } from '../services/backup-job';

type Running = NonNullable<JobStatus['running']>;
export type JobName = Running['job'];
export type JobPhase = Running['phase'];

/** Where a job's worker stands, as a test's gate sees it: a backup's stand, or a re-key's or restore's step. */
export interface JobAt {
  job: JobName;
  phase: JobPhase;
  stand: BackupStand | null;
}

/** The long job holding the archive now, and how far it is (its worker says). */
export interface RunningJob {
  readonly job: JobName;
  readonly startedAt: Date;
  folderCount: number;
  /** A backup's step in its current folder. */
  stand: BackupStand | null;
  /** A re-key's or restore's step. */
  step: ArchiveStep | null;
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
    const running: RunningJob = { job, startedAt: this.now(), folderCount: 0, stand: null, step: null, stop: null };
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
    const { stand, step } = running;
    const bytes = stand ? copiedBytes(stand) : step ? stepBytes(step) : { done: 0, total: 0 };
    return {
      running: {
        job: running.job,
        startedAt: running.startedAt.toISOString(),
        phase: stand?.step.step ?? step?.phase ?? 'prepare',
        folder: stand?.step.folder ?? null,
        folderIndex: stand?.folderIndex ?? 0,
        folderCount: running.folderCount,
        doneBytes: bytes.done,
        totalBytes: bytes.total,
      },
    };
  }
}
