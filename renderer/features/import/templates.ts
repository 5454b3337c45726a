import type { ImportField, ImportKind } from '../../../electron/core/contract/imports';

/**
 * The blank register offered for each kind: one column per field, under the header the import
 * recognises first (services/imports.ts, loan-import.ts, owner-import.ts), so a filled-in template
 * maps itself. tests/import-templates.test.ts reads each one back.
 */
export const TEMPLATE_HEADERS: { [K in ImportKind]: [ImportField, string][] } = {
  boxes: [
    ['code', '档案编号'],
    ['kind', '类别'],
    ['title', '题名'],
    ['ownerName', '租户名称'],
    ['unitNo', '铺位号'],
    ['floor', '楼层'],
    ['businessType', '业态'],
    ['volume', '卷号'],
    ['yearFrom', '起始年度'],
    ['yearTo', '截止年度'],
    ['confidentiality', '密级'],
    ['retention', '保管期限'],
    ['location', '存放位置'],
    ['room', '库房'],
    ['cabinet', '柜号'],
    ['shelf', '层'],
    ['position', '位置'],
    ['note', '备注'],
  ],
  loans: [
    ['boxCode', '档案盒编号'],
    ['borrowerName', '借阅人'],
    ['department', '借阅部门'],
    ['phone', '联系电话'],
    ['purpose', '借阅事由'],
    ['lentDate', '借出日期'],
    ['dueDate', '应还日期'],
    ['returnedDate', '归还日期'],
    ['approver', '批准人'],
    ['handler', '经办人'],
    ['note', '备注'],
  ],
  owners: [
    ['name', '立档单位'],
    ['unitNo', '铺位号'],
    ['floor', '楼层'],
    ['businessType', '经营类型'],
    ['contactPerson', '联系人'],
    ['phone', '联系电话'],
    ['leaseStart', '起租日期'],
    ['moveOutDate', '退租日期'],
    ['note', '备注'],
  ],
};

/** A CSV with only the header row, UTF-8 with a BOM so Excel on a Chinese Windows opens it as such. */
export function templateCsvBase64(kind: ImportKind): string {
  const bytes = new TextEncoder().encode(`\uFEFF${TEMPLATE_HEADERS[kind].map(([, h]) => h).join(',')}\r\n`);
  return btoa(String.fromCharCode(...bytes));
}
