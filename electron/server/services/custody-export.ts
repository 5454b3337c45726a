import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import type { AuditEntity } from '../../core/contract/audit';
import type { DestructionSummary, destructionExportInput } from '../../core/contract/destructions';
import type { InspectionItem, inspectionExportInput } from '../../core/contract/inspections';
import type { TransferSummary, transferExportInput } from '../../core/contract/transfers';
import { zh } from '../../core/vocabulary';
import { EXPORT_CAP } from './audit-log';
import { listDestructions } from './destructions';
import { dayCell, instantCell, type ExportColumn, type GatheredExport } from './exports';
import { getInspection } from './inspections';
import { listTransfers } from './transfers';

/** Custody registers as spreadsheets: Chinese headers whatever the screen speaks, like the paper forms. */
const yesNo = (v: boolean | null) => (v === null ? '' : v ? '是' : '否');

const TRANSFER_COLUMNS: ExportColumn<TransferSummary>[] = [
  { header: '移交单号', width: 16, value: (t) => t.transferNo },
  { header: '状态', width: 12, value: (t) => zh('transferStatus', t.status) },
  { header: '移出部门', width: 14, value: (t) => t.fromDepartment },
  { header: '接收部门', width: 14, value: (t) => t.toDepartment },
  { header: '移交原因', width: 30, value: (t) => t.reason },
  { header: '盒数', width: 6, value: (t) => t.boxCount },
  { header: '人员调动日期', width: 12, value: (t) => dayCell(t.personnelMoveDate) },
  { header: '取回期限', width: 12, value: (t) => t.collectBy },
  { header: '登记人', width: 10, value: (t) => t.requestedByName },
  { header: '登记时间', width: 17, value: (t) => instantCell(t.requestedAt) },
  { header: '审批人', width: 10, value: (t) => t.decidedByName },
  { header: '审批时间', width: 17, value: (t) => instantCell(t.decidedAt) },
  { header: '审批意见', width: 20, value: (t) => t.decisionReason },
  { header: '移交人', width: 10, value: (t) => t.handoverName },
  { header: '接收人', width: 10, value: (t) => t.receiverName },
  { header: '签收时间', width: 17, value: (t) => instantCell(t.signedAt) },
];

const DESTRUCTION_COLUMNS: ExportColumn<DestructionSummary>[] = [
  { header: '清册编号', width: 16, value: (d) => d.registerNo },
  { header: '状态', width: 12, value: (d) => zh('destructionStatus', d.status) },
  { header: '销毁原因', width: 30, value: (d) => d.reason },
  { header: '盒数', width: 6, value: (d) => d.boxCount },
  { header: '提议人', width: 10, value: (d) => d.proposedByName },
  { header: '提议时间', width: 17, value: (d) => instantCell(d.proposedAt) },
  { header: '审批人', width: 10, value: (d) => d.decidedByName },
  { header: '审批时间', width: 17, value: (d) => instantCell(d.decidedAt) },
  { header: '审批意见', width: 20, value: (d) => d.decisionReason },
  { header: '销毁方式', width: 10, value: (d) => (d.method === null ? null : d.method === 'other' ? d.methodNote : zh('destructionMethod', d.method)) },
  { header: '销毁日期', width: 12, value: (d) => dayCell(d.destroyedOn) },
  { header: '执行人', width: 10, value: (d) => d.executorName },
  { header: '监销人', width: 16, value: (d) => d.supervisors?.join('、') ?? null },
];

const INSPECTION_COLUMNS: ExportColumn<InspectionItem>[] = [
  { header: '序号', width: 6, value: (i) => i.seq },
  { header: '档案编号', width: 16, value: (i) => i.code },
  { header: '题名', width: 30, value: (i) => i.title },
  { header: '位置', width: 18, value: (i) => i.location },
  { header: '在架', width: 6, value: (i) => yesNo(i.present) },
  { header: '齐全', width: 6, value: (i) => yesNo(i.complete) },
  { header: '存放正确', width: 8, value: (i) => yesNo(i.correctlyFiled) },
  { header: '保存状况', width: 8, value: (i) => (i.condition === null ? null : zh('boxCondition', i.condition)) },
  { header: '发现问题', width: 24, value: (i) => i.findings.map((f) => zh('finding', f)).join('、') },
  { header: '备注', width: 24, value: (i) => i.note },
  { header: '检查人', width: 10, value: (i) => i.checkedByName },
  { header: '检查时间', width: 17, value: (i) => instantCell(i.checkedAt) },
  { header: '实际发现位置', width: 18, value: (i) => i.foundIn ?? '' },
];

/** Every row of a paged list, up to the export cap. */
function allPages<Row>(page: (cursor: number | undefined) => { rows: Row[]; nextCursor: number | null }): { rows: Row[]; truncatedAt: number | null } {
  const rows: Row[] = [];
  let cursor: number | undefined;
  do {
    const next = page(cursor);
    rows.push(...next.rows);
    cursor = next.nextCursor ?? undefined;
  } while (cursor !== undefined && rows.length <= EXPORT_CAP);
  return { rows: rows.slice(0, EXPORT_CAP), truncatedAt: rows.length > EXPORT_CAP ? EXPORT_CAP : null };
}

/** A custody register's rows and the export's audit entry. */
function gathered<Row>(
  table: GatheredExport<Row>['table'] & { entity: AuditEntity; entityId: number | null; filters: unknown },
  format: 'xlsx' | 'csv',
): GatheredExport<Row> {
  const { entity, entityId, filters, ...rest } = table;
  return { table: rest, audit: { action: 'export', entity, entityId, after: { form: rest.title, format, filters, rows: rest.rows.length } } };
}

export function transferExportTable(db: Db, input: z.output<typeof transferExportInput>): GatheredExport<TransferSummary> {
  const { format, ...filters } = input;
  const { rows, truncatedAt } = allPages((cursor) => listTransfers(db, { ...filters, cursor, limit: 200 }));
  return gathered({ title: '档案移交登记', entity: 'transfer', entityId: null, columns: TRANSFER_COLUMNS, rows, truncatedAt, filters }, format);
}

export function destructionExportTable(db: Db, input: z.output<typeof destructionExportInput>): GatheredExport<DestructionSummary> {
  const { format, ...filters } = input;
  const { rows, truncatedAt } = allPages((cursor) => listDestructions(db, { ...filters, cursor, limit: 200 }));
  return gathered({ title: '档案销毁清册登记', entity: 'destruction', entityId: null, columns: DESTRUCTION_COLUMNS, rows, truncatedAt, filters }, format);
}

/** One month's inspection, box by box, as checked. */
export function inspectionExportTable(db: Db, input: z.output<typeof inspectionExportInput>): GatheredExport<InspectionItem> {
  const inspection = getInspection(db, input.id);
  return gathered(
    {
      title: `${inspection.month}档案检查记录`,
      entity: 'inspection',
      entityId: inspection.id,
      columns: INSPECTION_COLUMNS,
      rows: inspection.items,
      truncatedAt: null,
      filters: { month: inspection.month },
    },
    input.format,
  );
}
