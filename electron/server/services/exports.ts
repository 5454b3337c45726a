import type { ChainHead, ExportFile } from '../../core/contract/audit';
import type { AuditEntry } from './audit';

/** A day of the calendar (YYYY-MM-DD) or a stored instant (ISO, UTC). */
export type ExportDate = { day: string } | { at: string };
export type CellValue = string | number | null | ExportDate;

/** Excel reads these as dates it can sort, filter and compute with; CSV shows them as local text. */
export const dayCell = (value: string | null): CellValue => (value ? { day: value } : null);
export const instantCell = (value: string | null): CellValue => (value ? { at: value } : null);

export interface ExportColumn<Row> {
  header: string;
  width: number;
  value: (row: Row) => CellValue;
  /** Text of several lines (one per changed field): Excel shows them as lines, top-aligned. */
  wrap?: boolean;
}

export interface ExportTable<Row> {
  /** Used for the sheet and the file name, e.g. 审计日志. */
  title: string;
  siteName: string;
  columns: ExportColumn<Row>[];
  rows: Row[];
  /** Said under the table when the rows were cut at the export cap. */
  truncatedAt: number | null;
  exportedBy: string;
  exportedAt: Date;
  head: ChainHead;
}

/** An export's rows as read, before the file is made: what the export worker reads, and its audit entry. */
export interface GatheredExport<Row> {
  table: Pick<ExportTable<Row>, 'title' | 'columns' | 'rows' | 'truncatedAt'>;
  audit: AuditEntry;
}

/** Told every this many rows written; the worker waits at each for the serving thread's go. */
export const PROGRESS_EVERY = 5_000;
/** The rows written so far, of all; awaited. */
export type WriteProgress = (done: number, total: number) => Promise<void>;
const noProgress: WriteProgress = async () => undefined;

const pad = (n: number) => String(n).padStart(2, '0');
/** The desk's local time in file names, as on screen: 20261202-143005. */
const stamp = (d: Date) => `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
const localTime = (d: Date) => d.toLocaleString('zh-CN', { hour12: false });
const localMinute = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;

const isDate = (v: CellValue): v is ExportDate => typeof v === 'object' && v !== null;

function cellText(v: CellValue): string | number | null {
  if (!isDate(v)) return v;
  return 'day' in v ? v.day : localMinute(new Date(v.at));
}

/**
 * An Excel date has no time zone: it is the wall clock. An instant is written as this machine's
 * local wall clock (what the screen shows), a day as that day at midnight.
 */
function excelDate(v: ExportDate): { value: Date; numFmt: string } {
  if ('day' in v) {
    const [y, m, d] = v.day.split('-').map(Number);
    return { value: new Date(Date.UTC(y, m - 1, d)), numFmt: 'yyyy-mm-dd' };
  }
  const t = new Date(v.at);
  return { value: new Date(Date.UTC(t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes(), t.getSeconds())), numFmt: 'yyyy-mm-dd hh:mm' };
}

/** The lines under every export: who, when, and the audit chain's head at that moment. */
function footerLines(table: ExportTable<unknown>): string[] {
  return [
    ...(table.truncatedAt === null ? [] : [`仅导出前 ${table.truncatedAt} 行，请缩小筛选范围分批导出`]),
    `${table.siteName}　导出人：${table.exportedBy}　导出时间：${localTime(table.exportedAt)}`,
    `审计链条目数：${table.head.entries}　链头哈希：${table.head.headHash}`,
  ];
}

const csvCell = (value: CellValue): string => {
  const v = cellText(value);
  const s = v === null ? '' : String(v);
  // A leading = + - @ would run as a formula when the file is opened in Excel.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

async function toCsv<Row>(table: ExportTable<Row>, progress: WriteProgress): Promise<Buffer> {
  const lines = [table.columns.map((c) => csvCell(c.header)).join(',')];
  for (const [i, row] of table.rows.entries()) {
    if (i % PROGRESS_EVERY === 0) await progress(i, table.rows.length);
    lines.push(table.columns.map((c) => csvCell(c.value(row))).join(','));
  }
  lines.push('', ...footerLines(table as ExportTable<unknown>).map(csvCell));
  // With a BOM, Excel on a Chinese Windows reads the file as UTF-8 rather than GBK.
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

async function toXlsx<Row>(table: ExportTable<Row>, progress: WriteProgress): Promise<Buffer> {
  // Loaded on first use: exceljs and its zip libraries are ~1.5 MB of code the app's start does not need.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = table.exportedBy;
  workbook.created = table.exportedAt;
  const sheet = workbook.addWorksheet(table.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({
    header: c.header,
    width: c.width,
    ...(c.wrap ? { style: { alignment: { wrapText: true, vertical: 'top' as const } } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const [i, row] of table.rows.entries()) {
    if (i % PROGRESS_EVERY === 0) await progress(i, table.rows.length);
    const values = table.columns.map((c) => c.value(row));
    const added = sheet.addRow(values.map((v) => (isDate(v) ? excelDate(v).value : v)));
    values.forEach((v, i) => {
      if (isDate(v)) added.getCell(i + 1).numFmt = excelDate(v).numFmt;
    });
  }
  sheet.addRow([]);
  for (const line of footerLines(table as ExportTable<unknown>)) sheet.addRow([line]).font = { italic: true, color: { argb: 'FF555555' } };
  // Zipping the sheet is the rest of the work: every row is written.
  await progress(table.rows.length, table.rows.length);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function exportTable<Row>(table: ExportTable<Row>, format: 'csv' | 'xlsx', progress: WriteProgress = noProgress): Promise<ExportFile> {
  const bytes = format === 'csv' ? await toCsv(table, progress) : await toXlsx(table, progress);
  return {
    fileName: `${table.title}-${stamp(table.exportedAt)}.${format}`,
    mimeType: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: bytes.toString('base64'),
  };
}
