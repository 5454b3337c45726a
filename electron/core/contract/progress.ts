import { call } from './define';
import { empty } from './fields';

/** The calls whose spreadsheet (CSV, xlsx) is made in a worker thread, with progress to show. */
export type ExportCall = 'audit-export' | 'box-export' | 'loan-register-export' | 'transfer-export' | 'destruction-export' | 'inspection-export';
/** The long calls a screen shows the progress of while it waits: the exports, and the audit chain's verification. */
export type ProgressCall = ExportCall | 'audit-verify';

/**
 * Where a long call stands: an export reading its rows from the archive, then writing them into
 * the file; a verification checking the chain's entries.
 */
export interface CallProgress {
  call: ProgressCall;
  phase: 'read' | 'write' | 'check';
  /** Rows written or entries checked, of total; 0 of 0 while reading. */
  done: number;
  total: number;
}

export const progressCalls = {
  // Asked every half second while a long call is pending; each of them ends with its audit entry or reads the audit log.
  'call-progress': call<CallProgress[]>()({ input: empty, access: 'signed-in', reads: ['audit'] }),
};
