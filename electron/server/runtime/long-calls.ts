import type { AuditVerification, ExportFile } from '../../core/contract/audit';
import { AppError } from '../../core/contract/errors';
import type { CallProgress } from '../../core/contract/progress';
import type { Actor } from '../services/actor';
import { verifyChainParallel } from '../services/audit-chain';
import { exportInWorker } from '../services/export-job';
import type { ExportRequest } from '../services/export-requests';
import { RuntimeBackups } from './backups';
import { getUpdateSource } from '../services/update-source';
import { unavailableUpdater } from '../updater';
import { ProgressBoard } from './progress-board';
import { UpdateDesk } from './update-desk';

/**
 * The runtime's long calls that are not whole-file jobs: spreadsheet exports and the audit chain's
 * verification, each in worker threads, several at once, with their progress on the board.
 */
export class RuntimeLongCalls extends RuntimeBackups {
  private readonly board = new ProgressBoard();
  private readonly stops = new Set<() => Promise<void>>();
  /** 软件更新: the archive's source, the shell's updater, and an install that waits for the long work here. */
  readonly updates = new UpdateDesk(this.options.updater ?? unavailableUpdater, {
    source: () => getUpdateSource(this.requireDb()),
    busy: () => this.longWorkUnderWay(),
  });

  exportFile(actor: Actor, request: ExportRequest): Promise<ExportFile> {
    const db = this.requireDb();
    const { keyHex, ...source } = this.chainSource();
    if (!keyHex) throw new AppError('NOT_READY');
    return this.board.track(actor.id, { call: request.call, phase: 'read', done: 0, total: 0 }, async (update) => {
      const job = exportInWorker(db, actor, { request, source: { ...source, keyHex }, migrationsFolder: this.options.migrationsFolder }, (step) => {
        const [done, total] = step.phase === 'gathered' ? [0, step.rows] : [step.done, step.total];
        update({ call: request.call, phase: 'write', done, total });
      });
      this.stops.add(job.stop);
      try {
        return await job.result;
      } finally {
        this.stops.delete(job.stop);
      }
    });
  }

  /** The whole chain, checked by worker threads; the board says how many entries are checked. */
  verifyChain(actor: Actor): Promise<AuditVerification> {
    const db = this.requireDb();
    return this.board.track(actor.id, { call: 'audit-verify', phase: 'check', done: 0, total: 0 }, (update) =>
      verifyChainParallel(db.$client, this.chainSource(), { onProgress: (done, total) => update({ call: 'audit-verify', phase: 'check', done, total }) }),
    );
  }

  /** The long calls this person has under way, from any desk. */
  callProgress(actor: Actor): CallProgress[] {
    return this.board.of(actor.id);
  }

  /** A backup, re-key or restore holds the archive, or an export or chain check runs, for anyone. */
  longWorkUnderWay(): boolean {
    return this.jobs.current !== null || this.board.busy();
  }

  /** An export still being written is abandoned with the app. */
  override close(): void {
    this.updates.close();
    for (const stop of this.stops) void stop();
    this.stops.clear();
    super.close();
  }
}
