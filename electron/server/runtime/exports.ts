import type { ExportFile } from '../../core/contract/audit';
import { AppError } from '../../core/contract/errors';
import type { ExportProgress } from '../../core/contract/exports';
import type { Actor } from '../services/actor';
import { exportInWorker } from '../services/export-job';
import type { ExportRequest } from '../services/export-requests';
import { RuntimeBackups } from './backups';

interface RunningExport {
  userId: number | null;
  progress: ExportProgress;
  stop: () => Promise<void>;
}

/** The runtime's spreadsheet exports, each in a worker thread, and how far each has got. */
export class RuntimeExports extends RuntimeBackups {
  private readonly exports = new Set<RunningExport>();

  async exportFile(actor: Actor, request: ExportRequest): Promise<ExportFile> {
    const db = this.requireDb();
    const { keyHex, ...source } = this.chainSource();
    if (!keyHex) throw new AppError('NOT_READY');
    const running: RunningExport = { userId: actor.id, progress: { call: request.call, phase: 'read', done: 0, total: 0 }, stop: async () => undefined };
    const job = exportInWorker(db, actor, { request, source: { ...source, keyHex }, migrationsFolder: this.options.migrationsFolder }, (step) => {
      const [done, total] = step.phase === 'gathered' ? [0, step.rows] : [step.done, step.total];
      running.progress = { call: request.call, phase: 'write', done, total };
    });
    running.stop = job.stop;
    this.exports.add(running);
    try {
      return await job.result;
    } finally {
      this.exports.delete(running);
    }
  }

  /** The exports this person has under way, from any desk. */
  exportProgress(actor: Actor): ExportProgress[] {
    return [...this.exports].filter((e) => e.userId === actor.id).map((e) => e.progress);
  }

  /** An export still being written is abandoned with the app. */
  override close(): void {
    for (const running of this.exports) void running.stop();
    this.exports.clear();
    super.close();
  }
}
