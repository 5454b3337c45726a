import type { z } from 'zod';
import type { Db } from '../../../../db/connection';
import { AppError } from '../../../core/contract/errors';
import type { ExportFile } from '../../../core/contract/audit';
import type { Loan, loanCalls } from '../../../core/contract/loans';
import type { OutputContext } from '../output-context';
import { chainHead, EXPORT_CAP } from '../audit-log';
import { dayCell, instantCell, type CellValue, type ExportColumn, type GatheredExport } from '../exports';
import { listLoans, getLoan } from '../loan-views';
import { getBoxRow } from '../boxes';
import { getOwnerRow } from '../owners';
import { getSettings } from '../settings';
import { mutate } from '../transaction';
import { zh } from '../../../core/vocabulary';
import { copyLine, copyPermissionText, loanStatusText, localDateTime } from './templates/format';
import type { PrintMeta } from './templates/frame';
import { loanRegisterHtml, type RegisterRange } from './templates/loan-register';
import { loanSlipHtml } from './templates/loan-slip';

type RegisterInput = z.output<(typeof loanCalls)['loan-register-export']['input']>;

/** A register PDF past this many rows would run to hundreds of pages (and near the 2 MB a data: URL holds in the Electron printer): it is cut and says so. */
const REGISTER_PDF_CAP = 1000;
/** loan-list's largest page. */
const PAGE = 200;

/** Read after the print or export was recorded, so the chain head on paper includes it. */
const printMeta = (ctx: OutputContext): PrintMeta => ({
  siteName: getSettings(ctx.db).siteName,
  printedBy: ctx.actor.name,
  printedAt: new Date(),
  head: chainHead(ctx.db),
});

const pdfFile = (fileName: string, pdf: Buffer): ExportFile => ({ fileName, mimeType: 'application/pdf', base64: pdf.toString('base64') });

/** The tenant or client whose box is lent, for the slip. */
function ownerNameOf(ctx: OutputContext, loan: Loan): string | null {
  const { ownerId } = getBoxRow(ctx.db, loan.boxId);
  return ownerId === null ? null : getOwnerRow(ctx.db, ownerId).name;
}

export async function loanSlipPdf(ctx: OutputContext, id: number): Promise<ExportFile> {
  const loan = getLoan(ctx.db, id);
  mutate(ctx.db, ctx.actor, () => ({
    result: null,
    audit: { action: 'print', entity: 'loan', entityId: loan.id, boxCode: loan.boxCode, after: { form: '借阅登记表', loanNo: loan.loanNo } },
  }));
  const pdf = await ctx.printer.pdf(loanSlipHtml(loan, ownerNameOf(ctx, loan), printMeta(ctx)));
  return pdfFile(`借阅登记表-${loan.loanNo}.pdf`, pdf);
}

/** Sends the slip to the print dialog; recorded only once the user has printed it, not when they cancelled. */
export async function loanSlipPrint(ctx: OutputContext, id: number): Promise<{ printed: boolean }> {
  const printer = ctx.printer;
  if (!printer.dialog) throw new AppError('PRINT_DIALOG_UNAVAILABLE');
  const loan = getLoan(ctx.db, id);
  const printed = await printer.dialog(loanSlipHtml(loan, ownerNameOf(ctx, loan), printMeta(ctx)));
  if (printed)
    mutate(ctx.db, ctx.actor, () => ({
      result: null,
      audit: { action: 'print', entity: 'loan', entityId: loan.id, boxCode: loan.boxCode, after: { form: '借阅登记表', loanNo: loan.loanNo, via: 'dialog' } },
    }));
  return { printed };
}

/** Every loan requested in the period (local calendar days), oldest first, at most `cap`. */
function loansInRange(db: Db, range: RegisterRange, cap: number): Loan[] {
  const rows: Loan[] = [];
  let cursor: number | undefined;
  do {
    const page = listLoans(db, { from: range.from, to: range.to, cursor, limit: PAGE });
    rows.push(...page.rows);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && rows.length < cap);
  return rows.slice(0, cap).reverse();
}

/** A loan imported from the paper register has only the day; the rest have their time. */
const loanCell = (loan: Loan, at: string | null): CellValue => (loan.imported ? dayCell(at && localDateTime(at).slice(0, 10)) : instantCell(at));

const REGISTER_COLUMNS: ExportColumn<Loan>[] = [
  { header: '借阅单号', width: 16, value: (l) => l.loanNo },
  { header: '档案编号', width: 16, value: (l) => l.boxCode },
  { header: '案卷题名', width: 28, value: (l) => l.boxTitle },
  { header: '借阅人', width: 12, value: (l) => l.borrower.name },
  { header: '部门', width: 16, value: (l) => l.borrower.department },
  { header: '电话', width: 15, value: (l) => l.borrower.phone },
  { header: '借阅事由', width: 30, value: (l) => l.purpose },
  { header: '类型', width: 8, value: (l) => zh('loanType', l.loanType) },
  { header: '天数', width: 6, value: (l) => l.days },
  { header: '登记时间', width: 17, value: (l) => loanCell(l, l.requestedAt) },
  { header: '审批人', width: 10, value: (l) => l.decidedByName },
  { header: '摘抄/复制', width: 14, value: (l) => copyPermissionText(l) },
  { header: '复制/摘抄登记', width: 40, value: (l) => l.copies.map(copyLine).join('；') },
  { header: '经办人', width: 10, value: (l) => l.handedOutByName },
  { header: '借出时间', width: 17, value: (l) => loanCell(l, l.handedOutAt) },
  { header: '应还日期', width: 11, value: (l) => dayCell(l.dueDate) },
  { header: '续借次数', width: 8, value: (l) => l.renewals.filter((r) => r.status === 'approved').length },
  { header: '归还时间', width: 17, value: (l) => loanCell(l, l.returnedAt) },
  { header: '归还状况', width: 10, value: (l) => (l.returnCondition ? zh('returnCondition', l.returnCondition) : '') },
  { header: '验收人', width: 10, value: (l) => l.receivedByName },
  { header: '状态', width: 10, value: (l) => loanStatusText(l) },
];

/** 借阅登记簿 for a period as a table to file: its rows, and the export's audit entry. */
export function loanRegisterTable(db: Db, input: RegisterInput): GatheredExport<Loan> {
  const { format, ...range } = input;
  const cap = format === 'pdf' ? REGISTER_PDF_CAP : EXPORT_CAP;
  const fetched = loansInRange(db, range, cap + 1);
  const rows = fetched.slice(0, cap);
  return {
    table: { title: '借阅登记簿', columns: REGISTER_COLUMNS, rows, truncatedAt: fetched.length > cap ? cap : null },
    audit: { action: 'export', entity: 'loan', entityId: null, after: { form: '借阅登记簿', format, ...range, rows: rows.length } },
  };
}

/** 借阅登记簿 for a period as a PDF to print (the table formats are made by the export worker); recorded first. */
export async function loanRegisterPdf(ctx: OutputContext, input: RegisterInput): Promise<ExportFile> {
  const { table, audit } = loanRegisterTable(ctx.db, input);
  mutate(ctx.db, ctx.actor, () => ({ result: null, audit }));
  const pdf = await ctx.printer.pdf(loanRegisterHtml(table.rows, input, table.truncatedAt, printMeta(ctx)));
  return pdfFile(`借阅登记簿-${input.from}-${input.to}.pdf`, pdf);
}
