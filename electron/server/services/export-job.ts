import type { Db } from '../../../db/connection';
import type { ExportFile } from '../../core/contract/audit';
import type { Actor } from './actor';
import type { AuditEntry } from './audit';
import type { ChainSource } from './audit-chain';
import type { ExportRequest } from './export-requests';
import { mutate } from './transaction';
import { runInWorker, type RunningWorkerJob } from './worker-job';

/** Everything the export worker needs: what to export, the archive to read it from, who asks. */
export interface ExportJob {
  request: ExportRequest;
  source: ChainSource & { keyHex: string };
  migrationsFolder: string;
  exportedBy: string;
}

/** The rows are read (the serving thread records the export meanwhile), then written a slice at a time. */
export type ExportStep = { phase: 'gathered'; audit: AuditEntry; rows: number } | { phase: 'write'; done: number; total: number };

/**
 * A spreadsheet export in a worker thread over its own read-only connection: a 200,000-row audit
 * log takes minutes to write as xlsx, and the serving thread answers every desk meanwhile. The
 * export is recorded here, on the one writer, once its rows are read and before the file is made,
 * so the chain head in the file's footer includes its own entry.
 */
export function exportInWorker(db: Db, actor: Actor, job: Omit<ExportJob, 'exportedBy'>, onStep: (step: ExportStep) => void): RunningWorkerJob<ExportFile> {
  return runInWorker<ExportJob, ExportStep, ExportFile>(
    'export-worker',
    { ...job, exportedBy: actor.name },
    {
      onStep,
      gate: async (step) => {
        if (step.phase === 'gathered') mutate(db, actor, () => ({ result: null, audit: step.audit }));
      },
    },
  );
}
