import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import type { BoxListRow } from '../../core/contract/boxes';
import type { boxExportInput } from '../../core/contract/labels';
import { EXPORT_CAP } from './audit-log';
import { retentionText, zh } from '../../core/vocabulary';
import { listBoxes } from './box-list';
import type { ExportColumn, GatheredExport } from './exports';
import { locationPath } from '../../core/contract/locations';

/** The catalogue as the office's own Excel register lays it out, so it can be re-imported. */

const COLUMNS: ExportColumn<BoxListRow>[] = [
  { header: '档案编号', width: 16, value: (b) => b.code },
  { header: '类别', width: 12, value: (b) => zh('boxKind', b.kind) },
  { header: '题名', width: 34, value: (b) => b.title },
  { header: '租户名称', width: 26, value: (b) => b.ownerName },
  { header: '铺位号', width: 10, value: (b) => b.ownerUnit },
  { header: '卷号', width: 6, value: (b) => b.volume },
  { header: '起始年度', width: 9, value: (b) => b.yearFrom },
  { header: '截止年度', width: 9, value: (b) => b.yearTo },
  { header: '密级', width: 7, value: (b) => zh('confidentiality', b.confidentiality) },
  { header: '保管期限', width: 9, value: (b) => retentionText(b, 'zh-CN') },
  // The full path as every screen shows it; the import splits it back into the tree's parts.
  { header: '存放位置', width: 30, value: (b) => locationPath(b) },
  { header: '状态', width: 8, value: (b) => zh('boxStatus', b.status) },
  { header: '备注', width: 24, value: (b) => b.note },
];

/** Every box the catalogue's filters match, newest first as listed, and the export's audit entry. */
export function boxExportTable(db: Db, input: z.output<typeof boxExportInput>): GatheredExport<BoxListRow> {
  const { format, ...filters } = input;
  const rows: BoxListRow[] = [];
  let cursor: number | undefined;
  do {
    const page = listBoxes(db, { ...filters, cursor, limit: 200 });
    rows.push(...page.rows);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && rows.length <= EXPORT_CAP);
  const kept = rows.slice(0, EXPORT_CAP);
  return {
    table: { title: '档案目录', columns: COLUMNS, rows: kept, truncatedAt: rows.length > EXPORT_CAP ? EXPORT_CAP : null },
    audit: { action: 'export', entity: 'box', entityId: null, after: { form: '档案目录', format, filters, rows: kept.length } },
  };
}
