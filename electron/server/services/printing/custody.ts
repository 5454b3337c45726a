import type { ExportFile } from '../../../core/contract/audit';
import type { OutputContext } from '../output-context';
import { chainHead } from '../audit-log';
import type { AuditEntry } from '../audit';
import { getDestruction } from '../destructions';
import { getInspection } from '../inspections';
import { monthConditions } from '../rooms';
import { getSettings } from '../settings';
import { mutate } from '../transaction';
import { getTransfer } from '../transfers';
import { destructionRegisterHtml } from './templates/destruction-register';
import type { PrintMeta } from './templates/frame';
import { inspectionRecordHtml, inspectionRecordTitle } from './templates/inspection-record';
import { transferSheetHtml } from './templates/transfer-sheet';

/** Records the print first, so the chain head on paper includes it (as the loan slip does). */
async function printForm(ctx: OutputContext, entry: AuditEntry, fileName: string, render: (meta: PrintMeta) => string): Promise<ExportFile> {
  mutate(ctx.db, ctx.actor, () => ({ result: null, audit: entry }));
  const meta: PrintMeta = { siteName: getSettings(ctx.db).siteName, printedBy: ctx.actor.name, printedAt: new Date(), head: chainHead(ctx.db) };
  const pdf = await ctx.printer.pdf(render(meta));
  return { fileName, mimeType: 'application/pdf', base64: pdf.toString('base64') };
}

export function transferSheetPdf(ctx: OutputContext, id: number): Promise<ExportFile> {
  const t = getTransfer(ctx.db, id);
  return printForm(
    ctx,
    { action: 'print', entity: 'transfer', entityId: t.id, after: { form: '档案移交签收表', transferNo: t.transferNo } },
    `档案移交签收表-${t.transferNo}.pdf`,
    (meta) => transferSheetHtml(t, meta),
  );
}

export function destructionRegisterPdf(ctx: OutputContext, id: number): Promise<ExportFile> {
  const d = getDestruction(ctx.db, id);
  return printForm(
    ctx,
    { action: 'print', entity: 'destruction', entityId: d.id, after: { form: '档案销毁清册', registerNo: d.registerNo } },
    `档案销毁清册-${d.registerNo}.pdf`,
    (meta) => destructionRegisterHtml(d, meta),
  );
}

export function inspectionRecordPdf(ctx: OutputContext, id: number): Promise<ExportFile> {
  const i = getInspection(ctx.db, id);
  return printForm(
    ctx,
    { action: 'print', entity: 'inspection', entityId: i.id, after: { form: inspectionRecordTitle(i.kind), month: i.month } },
    `${inspectionRecordTitle(i.kind)}-${i.month}.pdf`,
    (meta) => inspectionRecordHtml(i, monthConditions(ctx.db, i.month), meta),
  );
}
