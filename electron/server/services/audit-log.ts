import { and, asc, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/connection';
import { auditLog, users, type AuditRow } from '../../../db/schema';
import type { z } from 'zod';
import {
  AUDIT_ACTIONS,
  type AuditAction,
  type auditExportInput,
  type AuditListRow,
  type AuditListInput,
  type AuditVerification,
  type ChainHead,
} from '../../core/contract/audit';
import { clientText, zh } from '../../core/vocabulary';
import { auditChangesText, auditObjectText } from '../../core/vocabulary/audit-changes';
import { GENESIS_HASH } from './audit';
import { describeAuditRows } from './audit-refs';
import { verifyChainInThread } from './audit-chain';
import { instantCell, type ExportColumn, type GatheredExport } from './exports';

type AuditFilters = Omit<AuditListInput, 'cursor' | 'limit'>;

function filterConditions(input: AuditFilters): (SQL | undefined)[] {
  return [
    input.actorId ? eq(auditLog.actorId, input.actorId) : undefined,
    input.entity ? eq(auditLog.entity, input.entity) : undefined,
    input.action ? eq(auditLog.action, input.action) : undefined,
    input.boxCode ? eq(auditLog.boxCode, input.boxCode) : undefined,
    input.from ? gte(auditLog.at, input.from) : undefined,
    input.to ? lte(auditLog.at, input.to) : undefined,
  ];
}

export function listAudit(db: Db, input: AuditListInput): { rows: AuditListRow[]; nextCursor: number | null } {
  const rows = db
    .select()
    .from(auditLog)
    .where(and(...filterConditions(input), input.cursor ? lt(auditLog.seq, input.cursor) : undefined))
    .orderBy(desc(auditLog.seq))
    .limit(input.limit + 1)
    .all();
  const page = rows.slice(0, input.limit);
  return { rows: describeAuditRows(db, page), nextCursor: rows.length > input.limit ? page[page.length - 1].seq : null };
}

/** Oldest first, for exports; capped so one export cannot exhaust memory. */
export function auditRowsForExport(db: Db, input: AuditFilters, cap: number): AuditRow[] {
  return db
    .select()
    .from(auditLog)
    .where(and(...filterConditions(input)))
    .orderBy(asc(auditLog.seq))
    .limit(cap)
    .all();
}

export function auditActors(db: Db): { id: number | null; name: string }[] {
  return [{ id: null, name: 'system' }, ...db.select({ id: users.id, name: users.displayName }).from(users).orderBy(asc(users.id)).all()];
}

/** The entry count is the last sequence number: the chain numbers its entries 1, 2, 3… */
export function chainHead(db: Db): ChainHead {
  const last = db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1).get();
  return { entries: last?.seq ?? 0, headHash: last?.hash ?? GENESIS_HASH };
}

/**
 * Walks the whole chain once in this thread, streaming: numbers must run 1, 2, 3…, each entry must
 * name its predecessor's hash, and each hash must match the entry's content. Reports the first
 * break. The app's verify call splits the walk across threads: verifyChainParallel.
 */
export function verifyChain(db: Db): AuditVerification {
  return verifyChainInThread(db.$client);
}

/** Past this many rows an export is cut, and says so in its footer. */
export const EXPORT_CAP = 200_000;

/** A stored action in the viewer's words; one the vocabulary does not know, as stored. */
const actionText = (action: string) => ((AUDIT_ACTIONS as readonly string[]).includes(action) ? zh('auditAction', action as AuditAction) : action);

/** Names are looked up a slice at a time, so no query holds more ids than SQLite takes. */
const DESCRIBE_SLICE = 1000;
function describeAll(db: Db, rows: AuditRow[]): AuditListRow[] {
  const out: AuditListRow[] = [];
  for (let i = 0; i < rows.length; i += DESCRIBE_SLICE) out.push(...describeAuditRows(db, rows.slice(i, i + DESCRIBE_SLICE)));
  return out;
}

/**
 * Read as the viewer shows it, in the export's Chinese: the record by its number, the changes in
 * words with every id named. After them, the entry as stored and hashed (原始记录 is the changes
 * byte for byte, 记录时间 the stored UTC instant, 操作人编号 the account id), so each row's hash can
 * be recomputed from the file alone and compared with 哈希.
 */
const AUDIT_COLUMNS: ExportColumn<AuditListRow>[] = [
  { header: '序号', width: 9, value: (r) => r.seq },
  { header: '时间', width: 17, value: (r) => instantCell(r.at) },
  { header: '操作人', width: 14, value: (r) => r.actorName },
  { header: '来源', width: 24, value: (r) => clientText(r, 'zh-CN') },
  { header: '操作', width: 20, value: (r) => actionText(r.action) },
  { header: '对象', width: 28, value: (r) => auditObjectText(r, 'zh-CN') },
  { header: '档案编号', width: 16, value: (r) => r.boxCode },
  { header: '变更内容', width: 60, wrap: true, value: (r) => auditChangesText(r, 'zh-CN') },
  { header: '原始记录', width: 40, value: (r) => r.changes },
  { header: '记录时间', width: 26, value: (r) => r.at },
  { header: '操作人编号', width: 10, value: (r) => r.actorId },
  { header: '对象编号', width: 10, value: (r) => r.entityId },
  { header: '前一哈希', width: 66, value: (r) => r.prevHash },
  { header: '哈希', width: 66, value: (r) => r.hash },
  { header: '操作代码', width: 20, value: (r) => r.action },
  { header: '对象代码', width: 14, value: (r) => r.entity },
  // As stored and hashed (empty for this PC's own window), beside the codes.
  { header: '来源地址', width: 16, value: (r) => r.clientAddress },
  { header: '来源名称', width: 14, value: (r) => r.clientName },
];

/** The rows of an audit export, named as the viewer names them, and its own audit entry. */
export function auditExportTable(db: Db, input: z.output<typeof auditExportInput>): GatheredExport<AuditListRow> {
  const { format, ...filters } = input;
  const rows = auditRowsForExport(db, filters, EXPORT_CAP + 1);
  const kept = rows.length > EXPORT_CAP ? rows.slice(0, EXPORT_CAP) : rows;
  return {
    table: { title: '审计日志', columns: AUDIT_COLUMNS, rows: describeAll(db, kept), truncatedAt: rows.length > EXPORT_CAP ? EXPORT_CAP : null },
    audit: { action: 'export', entity: 'audit_log', entityId: null, after: { format, filters, rows: kept.length } },
  };
}
