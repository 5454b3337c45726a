import type { Db } from '../../../db/connection';
import { sameConnection } from '../../../db/prepared';
import { AppError } from '../../core/contract/errors';
import type { ImportField, ImportProblem } from '../../core/contract/imports';
import type { Sheet } from './import-sheet';

/** Thrown to end a rehearsal: the transaction rolls back and nothing it wrote is kept. */
const ROLLBACK = Symbol('rehearsal');

/**
 * The import's own writes, run in a transaction that is then rolled back: the dry run refuses
 * exactly what the import would (a volume the owner already has, a code taken), row by row.
 */
export function rehearse<T>(db: Db, work: (tx: Db) => T): T {
  let result: { value: T } | null = null;
  try {
    db.transaction(
      (tx) => {
        sameConnection(tx as unknown as Db, db);
        result = { value: work(tx as unknown as Db) };
        throw ROLLBACK;
      },
      { behavior: 'immediate' },
    );
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return result!.value;
}

/**
 * A write of one row refused by a domain rule, as that row's problems: each issue on its field,
 * or the error's own message when it names none. Anything but an AppError is a fault, not a row's.
 */
export function refusalOf(row: number, error: unknown, fields: readonly ImportField[]): ImportProblem[] {
  if (!(error instanceof AppError)) throw error;
  const issues = error.issues ?? [];
  if (issues.length === 0) return [{ row, field: null, message: `errors.${error.code}`, value: '' }];
  return issues.map((issue) => {
    const field = fields.find((f) => f === issue.path[0]) ?? null;
    return { row, field, message: issue.message, value: String(Object.values(error.params ?? {})[0] ?? '') };
  });
}

/** The rows the checks found nothing wrong with: the only ones a rehearsal writes, as the only ones an import would. */
export const withoutProblems = <R extends { row: number }>(rows: R[], problems: ImportProblem[]): R[] => {
  const bad = new Set(problems.map((p) => p.row));
  return rows.filter((r) => !bad.has(r.row));
};

/** Problems in sheet order; a row's own stay in the order found. */
export const byRow = (problems: ImportProblem[]) =>
  problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.row - b.p.row || a.i - b.i)
    .map(({ p }) => p);

/** The refusal of a run with problems left: how many, and on which rows, so the custodian can find them. */
export function refuseProblems(problems: ImportProblem[]): never {
  const rows = [...new Set(problems.map((p) => p.row))].sort((a, b) => a - b);
  const shown = rows.length > 10 ? `${rows.slice(0, 10).join('、')}…` : rows.join('、');
  throw new AppError('IMPORT_HAS_PROBLEMS', { params: { count: problems.length, rows: shown } });
}

/** What every kind's dry run says of the sheet itself. */
export const sheetSummary = (sheet: Sheet) => ({
  encoding: sheet.encoding,
  sheets: sheet.sheets,
  sheet: sheet.sheet,
  headerRow: sheet.headerRow,
  top: sheet.top,
  headers: sheet.headers,
  hiddenHeaders: sheet.hiddenHeaders,
  rows: sheet.contentRows,
  footerRows: sheet.footerRows,
});
