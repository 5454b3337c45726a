import ExcelJS from 'exceljs';
import type { TestApp } from './support/app';
import { positionAt } from './support/locations';
import { auditRows, createBox, createOwner, createSetUpApp, errorCode } from './support/fixtures';

let app: TestApp;
beforeEach(async () => {
  app = await createSetUpApp();
});
afterEach(() => app.close());

describe('catalogue export', () => {
  it('writes the filtered catalogue to xlsx and csv with the register headers, and records the export', async () => {
    const ownerId = await createOwner(app, { name: '海底捞餐饮有限公司', unitNo: 'L3-089' });
    const a = await createBox(app, {
      kind: 'tenant',
      ownerId,
      volume: 1,
      title: '海底捞租户档案 第1卷',
      locationId: await positionAt(app, '一号档案室', 'C07', 1, 1),
    });
    await createBox(app, { kind: 'tenant', ownerId, volume: 2, title: '海底捞租户档案 第2卷', locationId: await positionAt(app, '二号档案室', 'C01', 1, 1) });
    const clerk = await app.as('clerk');

    const xlsx = await app.ok('box-export', { room: '一号档案室', format: 'xlsx' }, clerk);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 6)).toEqual(['档案编号', '类别', '题名', '租户名称', '铺位号']);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 6)).toEqual([a.code, '租户档案', '海底捞租户档案 第1卷', '海底捞餐饮有限公司', 'L3-089']);
    expect(String(sheet.getRow(3).getCell(1).value ?? '')).toBe('');
    expect(String(sheet.getRow(4).getCell(1).value)).toContain('导出人');
    expect(String(sheet.getRow(5).getCell(1).value)).toContain('审计链条目数');

    const csv = await app.ok('box-export', { query: '', format: 'csv' }, clerk);
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF档案编号,类别,题名')).toBe(true);
    expect(text).toContain('海底捞租户档案 第2卷');
    expect(auditRows(app.runtime.requireDb()).filter((r) => r.action === 'export' && r.entity === 'box')).toHaveLength(2);
    expect(errorCode(await app.call('box-export', { format: 'pdf' }, clerk))).toBe('VALIDATION');
  }, 60_000);
});
