import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { z } from 'zod';
import { AppError } from '../../core/contract/errors';
import { IMPORT_MAX_ROWS, type ImportCheck, type ImportField, type ImportFile, type ImportProblem } from '../../core/contract/imports';

/** The first sheet of an import file, as text: header row, then rows numbered from 2 as Excel shows them. */
export interface Sheet {
  encoding: ImportCheck['encoding'];
  headers: string[];
  rows: string[][];
  /** Footer lines of one of our own exports, cut off the end of `rows`. */
  footerRows: number;
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

/** Trailing footer lines and the blank rows around them; a footer-like line above a data row stays a row. */
function cutFooter(rows: string[][]): { rows: string[][]; footerRows: number } {
  let end = rows.length;
  let footerRows = 0;
  while (end > 0) {
    const cells = rows[end - 1]!;
    if (cells.every((c) => c === '')) end -= 1;
    else if (isFooter(cells)) {
      end -= 1;
      footerRows += 1;
    } else break;
  }
  return { rows: footerRows > 0 ? rows.slice(0, end) : rows, footerRows };
}

export async function readSheet(input: ImportFile): Promise<Sheet> {
  const bytes = Buffer.from(input.base64, 'base64');
  let encoding: Sheet['encoding'] = 'xlsx';
  let table: string[][];
  if (/\.csv$/i.test(input.fileName)) {
    const decoded = decodeCsv(bytes);
    encoding = decoded.encoding;
    table = Papa.parse<string[]>(decoded.text, { skipEmptyLines: 'greedy' }).data;
  } else {
    // Loaded on first use: exceljs and its zip libraries are ~1.5 MB of code the app's start does not need.
    const { default: Excel } = await import('exceljs');
    const book = new Excel.Workbook();
    try {
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw new AppError('IMPORT_UNREADABLE');
    }
    const sheet = book.worksheets[0];
    if (!sheet) throw new AppError('IMPORT_UNREADABLE');
    table = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellText(cell.value).trim()));
      table[n - 1] = Array.from(cells, (c) => c ?? '');
    });
    table = Array.from(table, (r) => r ?? []);
  }
  const [headers = [], ...all] = table;
  const { rows, footerRows } = cutFooter(all.map((r) => r.map((c) => String(c ?? '').trim())));
  if (rows.length > IMPORT_MAX_ROWS) throw new AppError('IMPORT_TOO_MANY_ROWS', { params: { rows: rows.length, max: IMPORT_MAX_ROWS } });
  return { encoding, headers: headers.map((h) => String(h ?? '').trim()), rows, footerRows };
}

/** Field → header: the one the custodian chose ('' = not imported), else the first header an alias names. */
export function guessMapping<F extends string>(fields: readonly F[], aliases: Record<F, string[]>, headers: string[], given: Partial<Record<F, string>> = {}): Partial<Record<F, string>> {
  const mapping: Partial<Record<F, string>> = {};
  for (const field of fields) {
    const named = given[field];
    if (named !== undefined) {
      if (named !== '') mapping[field] = named;
      continue;
    }
    const found = headers.find((h) => aliases[field].some((a) => norm(a) === norm(h)));
    if (found) mapping[field] = found;
  }
  return mapping;
}

/** Column index per mapped field (-1 when the header named is not in the sheet). */
function columnsOf<F extends string>(sheet: Sheet, mapping: Partial<Record<F, string>>) {
  const col = Object.fromEntries(Object.entries(mapping).map(([f, h]) => [f, sheet.headers.indexOf(h as string)])) as Partial<Record<F, number>>;
  return (cells: string[], f: F) => (col[f] !== undefined && col[f]! >= 0 ? (cells[col[f]!] ?? '') : '');
}

const hasColumn = <F extends string>(sheet: Sheet, mapping: Partial<Record<F, string>>, f: F) => mapping[f] !== undefined && sheet.headers.includes(mapping[f]!);

/** A row-1 problem for each column a row of this kind cannot do without, named by the header the template uses. */
export function missingColumns<F extends ImportField>(sheet: Sheet, mapping: Partial<Record<F, string>>, required: readonly F[], aliases: Record<F, string[]>): ImportProblem[] {
  return required.filter((field) => !hasColumn(sheet, mapping, field)).map((field) => ({ row: 1, field, message: 'v.importColumnMissing', value: aliases[field][0]! }));
}

/** One row of the sheet, as a service checks it. */
export interface SheetRow<F extends ImportField> {
  /** As Excel shows it: the header is row 1. */
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
export function checkEachRow<F extends ImportField>(sheet: Sheet, mapping: Partial<Record<F, string>>, skip: ReadonlySet<number>, check: (row: SheetRow<F>) => void): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const column = columnsOf(sheet, mapping);
  const fields = Object.keys(mapping) as F[];
  sheet.rows.forEach((cells, index) => {
    const row = index + 2;
    if (skip.has(row) || cells.every((c) => c === '')) return;
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
export function recordZodIssues<F extends ImportField>(row: SheetRow<F>, issues: readonly z.core.$ZodIssue[], fields: readonly F[], fieldOf: Partial<Record<string, F>> = {}) {
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
 * with or without a time after it (our loan register export writes 「2024-03-05 09:30」), or an
 * Excel day number. Null when it is not a real date.
 */
export function parseDate(value: string): string | null {
  const v = value.trim();
  let y: number, m: number, d: number;
  const parts = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(v);
  if (parts) [y, m, d] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  else if (/^\d{8}$/.test(v)) [y, m, d] = [Number(v.slice(0, 4)), Number(v.slice(4, 6)), Number(v.slice(6))];
  else if (/^\d{5}$/.test(v) && Number(v) > 20000) {
    // Excel's day count from 1899-12-30, when a date cell was saved as a plain number.
    return new Date(Date.UTC(1899, 11, 30 + Number(v))).toISOString().slice(0, 10);
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
