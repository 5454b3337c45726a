import { call } from './define';
import { empty } from './fields';

/** The calls whose spreadsheet (CSV, xlsx) is made in a worker thread, with progress to show. */
export type ExportCall = 'audit-export' | 'box-export' | 'loan-register-export' | 'transfer-export' | 'destruction-export' | 'inspection-export';

/** Where a spreadsheet export stands: reading its rows from the archive, then writing them into the file. */
export interface ExportProgress {
  call: ExportCall;
  phase: 'read' | 'write';
  /** Rows written, of total; 0 of 0 while reading. */
  done: number;
  total: number;
}

export const exportCalls = {
  // Asked every half second while an export is pending; the export itself is recorded in the audit log.
  'export-progress': call<ExportProgress[]>()({ input: empty, access: 'signed-in', reads: ['audit'] }),
};
