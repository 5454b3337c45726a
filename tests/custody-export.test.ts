import ExcelJS from 'exceljs';
import type { ExportFile } from '../electron/core/contract/audit';
import type { TestApp } from './support/app';
import { approvedTransfer, custodyCast, expiredBox, signOff, validExecution, type CustodyCast } from './support/custody';
import { auditRows, createBox, createSetUpApp, errorCode } from './support/fixtures';

let app: TestApp;
let cast: CustodyCast;
beforeEach(async () => {
  app = await createSetUpApp();
  cast = await custodyCast(app);
});
afterEach(() => app.close());

async function sheetOf(file: ExportFile): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  return book.worksheets[0]!;
}
const cells = (sheet: ExcelJS.Worksheet, row: number, n: number) => (sheet.getRow(row).values as unknown[]).slice(1, n + 1);
const csvText = (file: ExportFile) => Buffer.from(file.base64, 'base64').toString('utf8');
const exports = (entity: string) => auditRows(app.runtime.requireDb()).filter((r) => r.action === 'export' && r.entity === entity);

describe('custody register exports', () => {
  it('writes the transfer orders, filtered by status, with who approved, handed over and received', async () => {
    const a = await createBox(app, { title: '人事档案（一）' });
    const b = await createBox(app, { title: '人事档案（二）' });
    const signed = await approvedTransfer(app, cast, [a.code, b.code]);
    await app.ok('transfer-sign-off', signOff(signed.id), cast.custodian);
    const c = await createBox(app, { title: '人事档案（三）' });
    await app.ok(
      'transfer-create',
      { boxCodes: [c.code], fromDepartment: '财务部', toDepartment: '行政人事部', reason: '=HYPERLINK("x")', personnelMoveDate: null },
      cast.custodian,
    );

    const xlsx = await app.ok('transfer-export', { format: 'xlsx' }, cast.clerk);
    expect(xlsx.fileName).toMatch(/^档案移交登记-\d{8}-\d{6}\.xlsx$/);
    const sheet = await sheetOf(xlsx);
    expect(cells(sheet, 1, 6)).toEqual(['移交单号', '状态', '移出部门', '接收部门', '移交原因', '盒数']);
    // Newest first: the order still waiting, then the signed one.
    expect(cells(sheet, 2, 6)).toEqual([expect.stringMatching(/^YJ-/), '待审批', '财务部', '行政人事部', '=HYPERLINK("x")', 1]);
    expect(cells(sheet, 3, 6)).toEqual([signed.transferNo, '已签收', '运营部', '行政人事部', '员工调动，人事档案移交', 2]);
    const header = cells(sheet, 1, 16) as string[];
    expect(signed.decidedByName).toBeTruthy();
    expect(sheet.getRow(3).getCell(header.indexOf('审批人') + 1).value).toBe(signed.decidedByName);
    expect(sheet.getRow(3).getCell(header.indexOf('接收人') + 1).value).toBe('赵敏');
    expect(String(sheet.getRow(5).getCell(1).value)).toContain('导出人');
    expect(String(sheet.getRow(6).getCell(1).value)).toContain('审计链条目数');

    const csv = csvText(await app.ok('transfer-export', { status: 'signed', format: 'csv' }, cast.auditor));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFF移交单号,状态,移出部门,接收部门,移交原因,盒数,人员调动日期,取回期限,登记人,登记时间,审批人,审批时间,审批意见,移交人,接收人,签收时间',
    );
    expect(lines[1]).toContain(`${signed.transferNo},已签收,运营部,行政人事部`);
    expect(lines[2]).toBe('');
    expect(csv).not.toContain('HYPERLINK');
    // A cell that Excel would run as a formula is written as text.
    expect(csvText(await app.ok('transfer-export', { format: 'csv' }, cast.custodian))).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(exports('transfer')).toHaveLength(3);
    expect(exports('transfer')[1]!.changes).toContain('"filters":{"status":"signed"}');
  }, 60_000);

  it('writes the destruction register with method, executor and both supervisors', async () => {
    const box = await expiredBox(app);
    const d = await app.ok('destruction-propose', { boxCodes: [box.code], reason: '保管期限已满' }, cast.custodian);
    await app.ok('destruction-decide', { id: d.id, approve: true, reason: '' }, cast.manager);
    await app.ok('destruction-execute', validExecution(d.id), cast.custodian);

    const sheet = await sheetOf(await app.ok('destruction-export', { format: 'xlsx' }, cast.auditor));
    const header = cells(sheet, 1, 13) as string[];
    expect(header).toEqual([
      '清册编号',
      '状态',
      '销毁原因',
      '盒数',
      '提议人',
      '提议时间',
      '审批人',
      '审批时间',
      '审批意见',
      '销毁方式',
      '销毁日期',
      '执行人',
      '监销人',
    ]);
    expect(cells(sheet, 2, 4)).toEqual([d.registerNo, '已销毁', '保管期限已满', 1]);
    expect(cells(sheet, 2, 13).slice(9)).toEqual(['粉碎', new Date(Date.UTC(2026, 0, 5)), '李强', '王芳、张伟']);
    // Days and times are date cells Excel can sort and filter, not text.
    expect(sheet.getRow(2).getCell(11).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getRow(2).getCell(6).value).toBeInstanceOf(Date);
    expect(sheet.getRow(2).getCell(6).numFmt).toBe('yyyy-mm-dd hh:mm');

    const csv = csvText(await app.ok('destruction-export', { status: 'proposed', format: 'csv' }, cast.manager));
    expect(csv.split('\r\n')[1]).toBe('');
    expect(exports('destruction')).toHaveLength(2);
    expect(errorCode(await app.call('destruction-export', { format: 'xlsx' }, cast.clerk))).toBe('FORBIDDEN');
  }, 60_000);

  it("writes one month's inspection box by box, findings in Chinese", async () => {
    const a = await createBox(app, { title: '万达租户档案' });
    await createBox(app, { title: '海底捞租户档案' });
    const insp = await app.ok('inspection-start', {}, cast.custodian);
    const item = insp.items.find((i) => i.code === a.code)!;
    await app.ok(
      'inspection-check',
      { itemId: item.id, present: true, complete: false, correctlyFiled: true, condition: 'damp', note: '缺少装修验收单，盒底受潮', followUpOwner: '李强' },
      cast.custodian,
    );

    const file = await app.ok('inspection-export', { id: insp.id, format: 'xlsx' }, cast.manager);
    expect(file.fileName).toMatch(new RegExp(`^${insp.month}档案检查记录-\\d{8}-\\d{6}\\.xlsx$`));
    const sheet = await sheetOf(file);
    expect(cells(sheet, 1, 13)).toEqual([
      '序号',
      '档案编号',
      '题名',
      '位置',
      '在架',
      '齐全',
      '存放正确',
      '保存状况',
      '发现问题',
      '备注',
      '检查人',
      '检查时间',
      '实际发现位置',
    ]);
    const rows = [2, 3].map((r) => cells(sheet, r, 10));
    const checked = rows.find((r) => r[1] === a.code)!;
    expect(checked.slice(4)).toEqual(['是', '否', '是', '受潮', '文件不齐全、保存状况异常', '缺少装修验收单，盒底受潮']);
    const unchecked = rows.find((r) => r[1] !== a.code)!;
    expect(unchecked.slice(4, 8)).toEqual(['', '', '', undefined]);

    const csv = csvText(await app.ok('inspection-export', { id: insp.id, format: 'csv' }, cast.custodian));
    expect(csv).toContain(`${a.code},万达租户档案`);
    expect(exports('inspection').map((r) => r.entityId)).toEqual([String(insp.id), String(insp.id)]);
    expect(errorCode(await app.call('inspection-export', { id: insp.id + 99, format: 'csv' }, cast.custodian))).toBe('NOT_FOUND');
  }, 60_000);
});
