import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { z } from 'zod';
import { AppError } from '../../core/contract/errors';
import { runInWorker } from './worker-job';
import { IMPORT_MAX_ROWS, type ImportCheck, type ImportField, type ImportFile, type ImportProblem } from '../../core/contract/imports';

/** A sheet of the workbook, as the dry run lists it for the custodian to pick. */
export interface SheetInfo {
  name: string;
  hidden: boolean;
}

/** One sheet of an import file, as text: the header row the custodian sees in Excel, and the rows below it. */
export interface Sheet {
  encoding: ImportCheck['encoding'];
  sheets: SheetInfo[];
  /** The sheet read ('' for a CSV). */
  sheet: string;
  /** As Excel numbers it: the first row is 1. */
  headerRow: number;
  /** The first rows of the sheet, so the custodian can see which one holds the headers and pick another. */
  top: string[][];
  headers: string[];
  /** Headers of columns hidden in Excel: not read unless the custodian maps them. */
  hiddenHeaders: string[];
  /** The rows below the header row; rows[i] is sheet row headerRow + 1 + i. */
  rows: string[][];
  /** Rows with at least one filled cell (blank rows that only carry borders are not rows). */
  contentRows: number;
  /** Footer lines of one of our own exports, cut off the end of `rows`. */
  footerRows: number;
}

/** Which sheet and header row to read; absent, the first visible sheet and the first row that names known headers. */
export interface SheetChoice {
  sheet?: string;
  headerRow?: number;
}

/** Matched after removing spaces and brackets, so 「联系电话：」 and 「联系电话」 are one header. */
export const norm = (h: string) => h.replace(/[\s（）()【】[\]:：*]/g, '').toLowerCase();

/** UTF-8 when it decodes cleanly; otherwise GBK/GB18030, as Chinese Excel saves "CSV". */
export function decodeCsv(bytes: Buffer): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

/**
 * The lines services/exports.ts writes under every table (a cap notice, who and when, the audit
 * chain head), plus the 「共 N 条」 count other tools add: one cell each, at the end of the sheet.
 */
const FOOTER = [/^仅导出前\s*\d+\s*行/, /导出人：.*导出时间：/, /^导出时间[:：]/, /^审计链条目数：\d+/, /^共\s*\d+\s*(条|行|项|个)/];
const isFooter = (cells: string[]) => {
  const filled = cells.filter((c) => c !== '');
  return filled.length === 1 && cells[0] !== '' && FOOTER.some((re) => re.test(cells[0]!));
};
const isBlank = (cells: string[]) => cells.every((c) => c === '');

/** Trailing footer lines and the blank rows around them; a footer-like line above a data row stays a row. */
function cutFooter(rows: string[][]): { rows: string[][]; footerRows: number } {
  let end = rows.length;
  let footerRows = 0;
  while (end > 0) {
    const cells = rows[end - 1]!;
    if (isBlank(cells)) end -= 1;
    else if (isFooter(cells)) {
      end -= 1;
      footerRows += 1;
    } else break;
  }
  return { rows: footerRows > 0 ? rows.slice(0, end) : rows, footerRows };
}

/** Our CSV export writes ' before a leading = + - @ so Excel does not run it (exports.ts csvCell); read back, the guard goes. */
const unguard = (cell: string) => cell.replace(/^'(?=[=+\-@])/, '');

/** An .xls workbook (the OLE compound file Excel 97–2003 saves), whatever the file is called. */
const isXls = (bytes: Buffer) => bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'));

/**
 * Cells of type "d" (a date written as ISO text, as SheetJS and openpyxl's iso_dates write them):
 * exceljs reads them with parseFloat, so 2023-05-01 became day 2023 (1905-07-15). Marked as text
 * instead, they reach parseDate as written.
 */
async function isoDatesAsText(bytes: Buffer): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    if (!xml.includes('t="d"')) continue;
    zip.file(name, xml.replace(/(<c\b[^>]*?\st=)"d"/g, '$1"str"'));
    changed = true;
  }
  return changed ? zip.generateAsync({ type: 'nodebuffer' }) : bytes;
}

interface Table {
  sheets: SheetInfo[];
  sheet: string;
  cells: string[][];
  hiddenColumns: Set<number>;
}

async function readWorkbook(bytes: Buffer, chosen: string | undefined): Promise<Table> {
  // Loaded on first use: exceljs and its zip libraries are ~1.5 MB of code the app's start does not need.
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  try {
    await book.xlsx.load((await isoDatesAsText(bytes)) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT_UNREADABLE');
  }
  const sheets = book.worksheets.map((w) => ({ name: w.name, hidden: w.state !== 'visible' }));
  // A hidden sheet is read only when chosen: it is usually a lookup list or an old copy.
  const sheet =
    chosen === undefined ? (book.worksheets.find((w) => w.state === 'visible') ?? book.worksheets[0]) : book.worksheets.find((w) => w.name === chosen);
  if (!sheet) throw new AppError(chosen === undefined ? 'IMPORT_UNREADABLE' : 'NOT_FOUND', chosen === undefined ? {} : { params: { sheet: chosen } });
  const cells: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const line: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => (line[col - 1] = cellText(cell.value)));
    cells[n - 1] = Array.from(line, (c) => c ?? '');
  });
  const hiddenColumns = new Set<number>();
  for (let col = 1; col <= sheet.columnCount; col += 1) if (sheet.getColumn(col).hidden) hiddenColumns.add(col - 1);
  return { sheets, sheet: sheet.name, cells: Array.from(cells, (r) => r ?? []), hiddenColumns };
}

/** How far down a title block above the header row may reach. */
const HEADER_SEARCH_ROWS = 20;
/** Rows shown to choose the header row from. */
const TOP_ROWS = 8;

/**
 * The header row, as Excel numbers it: the first row with two or more cells that name known
 * headers (a register's title rows, often merged across the columns, name none); else the row
 * naming the most; else row 1.
 */
function findHeaderRow(cells: string[][], known: ReadonlySet<string>): number {
  let best = { row: 1, score: 0 };
  for (let i = 0; i < Math.min(cells.length, HEADER_SEARCH_ROWS); i += 1) {
    const score = new Set(cells[i]!.map(norm).filter((h) => known.has(h))).size;
    if (score >= 2) return i + 1;
    if (score > best.score) best = { row: i + 1, score };
  }
  return best.row;
}

/**
 * The sheet chosen (or the first visible one), read from the header row chosen (or found by
 * `aliases`), in a worker thread: unzipping and parsing a workbook of 10,000 rows takes seconds
 * the serving thread spends answering the other desks.
 */
export function readSheet(input: ImportFile & SheetChoice, aliases: Record<string, string[]>): Promise<Sheet> {
  return runInWorker<SheetJob, never, Sheet>('sheet-worker', { input, aliases }, { onStep: () => undefined }).result;
}

export interface SheetJob {
  input: ImportFile & SheetChoice;
  aliases: Record<string, string[]>;
}

/** readSheet's work, in the thread it is called on (the sheet worker's). */
export async function readSheetHere({ input, aliases }: SheetJob): Promise<Sheet> {
  const bytes = Buffer.from(input.base64, 'base64');
  if (/\.xls$/i.test(input.fileName) || isXls(bytes)) throw new AppError('IMPORT_XLS');
  let encoding: Sheet['encoding'] = 'xlsx';
  let table: Table;
  if (/\.csv$/i.test(input.fileName)) {
    const decoded = decodeCsv(bytes);
    encoding = decoded.encoding;
    table = { sheets: [], sheet: '', cells: Papa.parse<string[]>(decoded.text, { skipEmptyLines: 'greedy' }).data, hiddenColumns: new Set() };
  } else table = await readWorkbook(bytes, input.sheet);
  const cells = table.cells.map((r) => Array.from(r, (c) => unguard(String(c ?? '').trim())));
  const known = new Set(Object.values(aliases).flat().map(norm));
  const headerRow = input.headerRow ?? findHeaderRow(cells, known);
  const headers = cells[headerRow - 1] ?? [];
  const { rows, footerRows } = cutFooter(cells.slice(headerRow));
  const contentRows = rows.filter((r) => !isBlank(r)).length;
  if (contentRows > IMPORT_MAX_ROWS) throw new AppError('IMPORT_TOO_MANY_ROWS', { params: { rows: contentRows, max: IMPORT_MAX_ROWS } });
  return {
    encoding,
    sheets: table.sheets,
    sheet: table.sheet,
    headerRow,
    top: cells.slice(0, Math.max(TOP_ROWS, headerRow + 2)).map((r) => r.slice(0, 30)),
    headers,
    hiddenHeaders: headers.filter((h, i) => h !== '' && table.hiddenColumns.has(i)),
    rows,
    contentRows,
    footerRows,
  };
}

/**
 * A column of whole numbers counting up (编号 / 序号 1, 2, 3…): the row's place in the register,
 * never a box's code, whatever its header says.
 */
function isRunningNumber(sheet: Sheet, header: string): boolean {
  const col = sheet.headers.indexOf(header);
  const values = sheet.rows.map((r) => r[col] ?? '').filter((v) => v !== '');
  return values.length > 0 && values.every((v, i) => /^\d{1,6}$/.test(v) && (i === 0 || Number(v) > Number(values[i - 1])));
}

export interface Mapping<F extends string> {
  mapping: Partial<Record<F, string>>;
  /** Problems of the header row: a code two columns could hold, which the custodian must choose. */
  problems: ImportProblem[];
}

/**
 * Field → header: the one the custodian chose ('' = not imported), else the first visible header
 * an alias names. The code field (`code`) is never a running number, and when two columns could
 * hold it the custodian is asked rather than one taken.
 */
export function guessMapping<F extends ImportField>(
  sheet: Sheet,
  fields: readonly F[],
  aliases: Record<F, string[]>,
  given: Partial<Record<F, string>> = {},
  code?: F,
): Mapping<F> {
  const mapping: Partial<Record<F, string>> = {};
  const problems: ImportProblem[] = [];
  const visible = sheet.headers.filter((h) => h !== '' && !sheet.hiddenHeaders.includes(h));
  const named = (field: F) => visible.filter((h) => aliases[field].some((a) => norm(a) === norm(h)));
  for (const field of fields) {
    const chosen = given[field];
    if (chosen !== undefined) {
      if (chosen !== '') mapping[field] = chosen;
      continue;
    }
    if (field === code) {
      const candidates = [...new Set(named(field))].filter((h) => !isRunningNumber(sheet, h));
      if (candidates.length === 1) mapping[field] = candidates[0];
      else if (candidates.length > 1) problems.push({ row: sheet.headerRow, field, message: 'v.importCodeAmbiguous', value: candidates.join('、') });
      continue;
    }
    const found = named(field)[0];
    if (found) mapping[field] = found;
  }
  return { mapping, problems };
}

/** Column index per mapped field (-1 when the header named is not in the sheet). */
function columnsOf<F extends string>(sheet: Sheet, mapping: Partial<Record<F, string>>) {
  const col = Object.fromEntries(Object.entries(mapping).map(([f, h]) => [f, sheet.headers.indexOf(h as string)])) as Partial<Record<F, number>>;
  return (cells: string[], f: F) => (col[f] !== undefined && col[f]! >= 0 ? (cells[col[f]!] ?? '') : '');
}

const hasColumn = <F extends string>(sheet: Sheet, mapping: Partial<Record<F, string>>, f: F) =>
  mapping[f] !== undefined && sheet.headers.includes(mapping[f]!);

/** A header-row problem for each column a row of this kind cannot do without, named by the header the template uses. */
export function missingColumns<F extends ImportField>(
  sheet: Sheet,
  mapping: Partial<Record<F, string>>,
  required: readonly F[],
  aliases: Record<F, string[]>,
): ImportProblem[] {
  return required
    .filter((field) => !hasColumn(sheet, mapping, field))
    .map((field) => ({ row: sheet.headerRow, field, message: 'v.importColumnMissing', value: aliases[field][0]! }));
}

/** One row of the sheet, as a service checks it. */
export interface SheetRow<F extends ImportField> {
  /** As Excel shows it. */
  row: number;
  /** The cell of the field's column; '' when the field is not imported. */
  get: (field: F) => string;
  /** Records a problem of this row, after those found before it. */
  problem: (field: F | null, message: string, value?: string) => void;
  /** Whether a problem of this row has been recorded so far. */
  hasProblems: () => boolean;
}

/**
 * Control characters other than tab and line breaks: nobody types them into a form; they come from
 * a damaged sheet or pasted terminal text, show as nothing on screen and break a printout.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** The cell with each control character written out (\u0007), so the problem list shows where it is. */
const showControlChars = (cell: string) => cell.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * Checks each row that is not skipped and not blank, in sheet order, and returns the problems it
 * recorded. Blank lines keep their number, so a problem points at the row the custodian sees in Excel.
 * A cell with a control character is a problem of its column before any check of the row's own.
 */
export function checkEachRow<F extends ImportField>(
  sheet: Sheet,
  mapping: Partial<Record<F, string>>,
  skip: ReadonlySet<number>,
  check: (row: SheetRow<F>) => void,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const column = columnsOf(sheet, mapping);
  const fields = Object.keys(mapping) as F[];
  sheet.rows.forEach((cells, index) => {
    const row = sheet.headerRow + 1 + index;
    if (skip.has(row) || isBlank(cells)) return;
    const before = problems.length;
    const sheetRow: SheetRow<F> = {
      row,
      get: (field) => column(cells, field),
      problem: (field, message, value = '') => problems.push({ row, field, message, value }),
      hasProblems: () => problems.length > before,
    };
    for (const field of fields) {
      const cell = sheetRow.get(field);
      const shown = showControlChars(cell);
      if (shown !== cell) sheetRow.problem(field, 'v.importControlChar', shown);
    }
    check(sheetRow);
  });
  return problems;
}

/**
 * A row's zod issues as its problems, each on the column the custodian filled and with that cell:
 * `fieldOf` names the field for an input made from another column (a box's ownerId from the owner's
 * name). zod's own messages are not i18n keys, so they show as v.importInvalid (v.importTooLong for a text over its cap).
 */
export function recordZodIssues<F extends ImportField>(
  row: SheetRow<F>,
  issues: readonly z.core.$ZodIssue[],
  fields: readonly F[],
  fieldOf: Partial<Record<string, F>> = {},
) {
  for (const issue of issues) {
    const key = issue.path[0];
    const field = fields.find((f) => f === (fieldOf[String(key)] ?? key));
    // A text over its cap says the cap, as the form does, rather than repeating the long cell.
    if (issue.code === 'too_big' && issue.origin === 'string') row.problem(field ?? null, 'v.importTooLong', String(issue.maximum));
    else row.problem(field ?? null, issue.message.startsWith('v.') ? issue.message : 'v.importInvalid', field ? row.get(field) : '');
  }
}

/**
 * A calendar date as paper registers write it: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日,
 * with or without a time after it (our loan register export writes 「2024-03-05 09:30」, a cell
 * of ISO type "d" 「2024-03-05T00:00:00.000Z」: the day as written), or an Excel day number.
 * Null when it is not a real date.
 */
export function parseDate(value: string): string | null {
  const v = value.trim();
  let y: number, m: number, d: number;
  const parts = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (parts) [y, m, d] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  else if (/^\d{8}$/.test(v)) [y, m, d] = [Number(v.slice(0, 4)), Number(v.slice(4, 6)), Number(v.slice(6))];
  else if (/^\d{5}(?:\.\d+)?$/.test(v) && Number(v) > 20000) {
    // Excel's day count from 1899-12-30, when a date cell was saved as a plain number (a fraction is the time of day).
    return new Date(Date.UTC(1899, 11, 30 + Math.floor(Number(v)))).toISOString().slice(0, 10);
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
