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

type Gather<C extends ExportRequest['call']> = (db: Db, input: Extract<ExportRequest, { call: C }>['input']) => GatheredExport<unknown>;

/** Each export's reading of its rows, by the call that asks for it. */
const GATHER: { [C in ExportRequest['call']]: Gather<C> } = {
  'audit-export': auditExportTable as Gather<'audit-export'>,
  'box-export': boxExportTable as Gather<'box-export'>,
  'loan-register-export': loanRegisterTable as Gather<'loan-register-export'>,
  'transfer-export': transferExportTable as Gather<'transfer-export'>,
  'destruction-export': destructionExportTable as Gather<'destruction-export'>,
  'inspection-export': inspectionExportTable as Gather<'inspection-export'>,
};

/** The rows an export holds, read from the archive, and the audit entry that records it. */
export function gatherExport(db: Db, request: ExportRequest): GatheredExport<unknown> {
  return (GATHER[request.call] as Gather<typeof request.call>)(db, request.input as never);
}
