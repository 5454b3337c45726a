// A spreadsheet export in a worker thread over its own read-only connection (see export-job.ts).
// Bundled on its own beside each shell's main bundle.
import { openDatabase } from '../../../db/connection';
import type { ExportFile } from '../../core/contract/audit';
import { chainHead } from './audit-log';
import type { ExportJob, ExportStep } from './export-job';
import { gatherExport } from './export-requests';
import { exportTable } from './exports';
import { getSettings } from './settings';
import { serveWorkerJob } from './worker-job';

serveWorkerJob<ExportJob, ExportStep, ExportFile>(async (job, step) => {
  const { source } = job;
  const db = openDatabase(source.file, { keyHex: source.keyHex, migrationsFolder: job.migrationsFolder, nativeBinding: source.nativeBinding, readonly: true });
  try {
    const { table, audit } = gatherExport(db, job.request);
    await step({ phase: 'gathered', audit, rows: table.rows.length });
    // Read after the serving thread recorded the export: the footer's chain head includes it.
    const head = chainHead(db);
    return await exportTable(
      { ...table, siteName: getSettings(db).siteName, exportedBy: job.exportedBy, exportedAt: new Date(), head },
      job.request.input.format as 'csv' | 'xlsx',
      (done, total) => step({ phase: 'write', done, total }),
    );
  } finally {
    db.$client.close();
  }
});
