import type { Db } from '../../../db/connection';
import type { ParsedInput } from '../../core/contract';
import { auditExportTable } from './audit-log';
import { boxExportTable } from './box-export';
import { destructionExportTable, inspectionExportTable, transferExportTable } from './custody-export';
import type { GatheredExport } from './exports';
import { loanRegisterTable } from './printing/loans';

/** The spreadsheet exports (CSV, xlsx), by the call that asks for each: what the export worker makes. */
export type ExportRequest =
  | { call: 'audit-export'; input: ParsedInput<'audit-export'> }
  | { call: 'box-export'; input: ParsedInput<'box-export'> }
  | { call: 'loan-register-export'; input: ParsedInput<'loan-register-export'> & { format: 'csv' | 'xlsx' } }
  | { call: 'transfer-export'; input: ParsedInput<'transfer-export'> }
  | { call: 'destruction-export'; input: ParsedInput<'destruction-export'> }
  | { call: 'inspection-export'; input: ParsedInput<'inspection-export'> };

/** The rows an export holds, read from the archive, and the audit entry that records it. */
export function gatherExport(db: Db, request: ExportRequest): GatheredExport<unknown> {
  switch (request.call) {
    case 'audit-export':
      return auditExportTable(db, request.input) as GatheredExport<unknown>;
    case 'box-export':
      return boxExportTable(db, request.input) as GatheredExport<unknown>;
    case 'loan-register-export':
      return loanRegisterTable(db, request.input) as GatheredExport<unknown>;
    case 'transfer-export':
      return transferExportTable(db, request.input) as GatheredExport<unknown>;
    case 'destruction-export':
      return destructionExportTable(db, request.input) as GatheredExport<unknown>;
    case 'inspection-export':
      return inspectionExportTable(db, request.input) as GatheredExport<unknown>;
  }
}
