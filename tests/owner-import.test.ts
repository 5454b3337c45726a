import ExcelJS from 'exceljs';
import type { TestApp } from './support/app';
import { auditRows, createBox, createOwner, createSetUpApp, errorCode, snapshot } from './support/fixtures';

let app: TestApp;
beforeEach(async () => {
  app = await createSetUpApp();
});
afterEach(() => app.close());

const HEADERS = ['立档单位', '铺位号', '楼层', '经营类型', '联系人', '联系电话', '起租日期', '退租日期', '备注'];

async function xlsx(rows: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('立档单位');
  sheet.addRow(HEADERS);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

describe('import owners (立档单位) alone', () => {
  it('reports duplicates and bad values row by row, writes nothing until they are skipped, then all at once', async () => {
    const custodian = await app.as('custodian');
    await createOwner(app, { name: '星巴克咖啡有限公司' });
    const rows = [
      ['海底捞餐饮有限公司', 'L3-012', 'L3', '餐饮', '刘经理', '13900002222', '2021-05-01', '', ''], // 2
      ['星巴克咖啡有限公司', 'L1-001', 'L1', '餐饮', '', '', '', '', ''], // 3: already in the archive
      ['优衣库商贸有限公司', 'L2-020', 'L2', '零售', '陈店长', '0571-8888 1234', '2022/1/1', '', '旗舰店'], // 4
      ['海底捞餐饮有限公司', 'L4-001', 'L4', '餐饮', '', '', '', '', ''], // 5: twice in the file
      ['名创优品有限公司', 'B1-003', 'B1', '服装', '', '', '', '', ''], // 6: unknown business type
      ['喜茶餐饮管理有限公司', 'L1-030', 'L1', '', '', '电话未知', '', '', ''], // 7: not a phone number
      ['屈臣氏个人用品有限公司', 'L1-031', 'L1', '非餐饮', '', '', '2023-01-01', '2022-12-31', ''], // 8: out before in
      ['', 'L1-032', 'L1', '非餐饮', '王', '', '', '', ''], // 9: no name
    ];
    const file = { fileName: '立档单位.xlsx', base64: await xlsx(rows) };
    const check = await app.ok('import-owners-check', file, custodian);
    expect(check.rows).toBe(8);
    expect(check.mapping).toMatchObject({
      name: '立档单位',
      unitNo: '铺位号',
      floor: '楼层',
      businessType: '经营类型',
      contactPerson: '联系人',
      phone: '联系电话',
      leaseStart: '起租日期',
      moveOutDate: '退租日期',
    });
    expect(check.problems.map((p) => [p.row, p.field, p.message, p.value])).toEqual([
      [3, 'name', 'v.importOwnerExists', '星巴克咖啡有限公司'],
      [5, 'name', 'v.importDuplicateInFile', '海底捞餐饮有限公司@2'],
      [6, 'businessType', 'v.importBusinessType', '服装'],
      [7, 'phone', 'v.phone', '电话未知'],
      [8, 'moveOutDate', 'v.moveOutBeforeLease', '2022-12-31'],
      [9, 'name', 'v.required', ''],
    ]);
    const before = snapshot(app.runtime.requireDb());
    expect(errorCode(await app.call('import-owners-run', file, custodian))).toBe('IMPORT_HAS_PROBLEMS');
    expect(snapshot(app.runtime.requireDb())).toEqual(before);

    expect(await app.ok('import-owners-run', { ...file, skipRows: [3, 5, 6, 7, 8, 9] }, custodian)).toEqual({ owners: 2 });
    const listed = (await app.ok('owner-list', { query: '' }, custodian)).rows;
    expect(listed.filter((o) => o.name === '星巴克咖啡有限公司')).toHaveLength(1);
    expect(listed.find((o) => o.name === '海底捞餐饮有限公司')).toMatchObject({
      unitNo: 'L3-012',
      businessType: 'catering',
      contactPerson: '刘经理',
      leaseStart: '2021-05-01',
    });
    expect(listed.find((o) => o.name === '优衣库商贸有限公司')).toMatchObject({
      businessType: 'non_catering',
      phone: '057188881234',
      leaseStart: '2022-01-01',
      note: '旗舰店',
    });
    const audit = auditRows(app.runtime.requireDb());
    expect(audit.filter((r) => r.action === 'owner-create')).toHaveLength(3);
    expect(audit.filter((r) => r.action === 'import' && r.entity === 'owner')).toHaveLength(1);
  }, 60_000);

  it("lists a row's own checks before the owner rules it breaks, counts a bad row as the first of its name, and reads past a blank line to a footer", async () => {
    const custodian = await app.as('custodian');
    const rows = [
      ['甲商贸有限公司', '', '', '服装', '', '电话未知', '2021-13-01', '', ''], // 2: three problems
      [], // 3: blank
      ['乙商贸有限公司', '', '', '', 'x'.repeat(41), '', '', '', ''], // 4: too long, saying the form's cap
      ['甲商贸有限公司', 'L1-001', 'L1', '零售', '', '', '', '', ''], // 5: the name of row 2
      ['丙商贸有限公司', 'L1-002', 'L1', '非餐饮', '', '', '', '', ''], // 6
      ['共 5 条'],
    ];
    const file = { fileName: '立档单位.xlsx', base64: await xlsx(rows) };
    const check = await app.ok('import-owners-check', file, custodian);
    // The blank line is not a row.
    expect(check).toMatchObject({ rows: 4, footerRows: 1 });
    expect(check.problems.map((p) => [p.row, p.field, p.message, p.value])).toEqual([
      [2, 'businessType', 'v.importBusinessType', '服装'],
      [2, 'leaseStart', 'v.importDate', '2021-13-01'],
      [2, 'phone', 'v.phone', '电话未知'],
      [4, 'contactPerson', 'v.importTooLong', '40'],
      [5, 'name', 'v.importDuplicateInFile', '甲商贸有限公司@2'],
    ]);
    expect(await app.ok('import-owners-run', { ...file, skipRows: [2, 4, 5] }, custodian)).toEqual({ owners: 1 });
    expect((await app.ok('owner-list', { query: '商贸' }, custodian)).rows.map((o) => o.name)).toEqual(['丙商贸有限公司']);
  }, 60_000);

  it('reads a UTF-8 CSV with the usual headers', async () => {
    const custodian = await app.as('custodian');
    const csv = '\uFEFF单位名称,铺位号,联系人,联系电话\r\n周大福珠宝金行有限公司,L1-050,黄经理,13700003333\r\n';
    const file = { fileName: '立档单位.csv', base64: Buffer.from(csv).toString('base64') };
    expect(await app.ok('import-owners-check', file, custodian)).toMatchObject({ encoding: 'utf-8', rows: 1, problems: [] });
    expect(await app.ok('import-owners-run', file, custodian)).toEqual({ owners: 1 });
  });
});

describe('an imported owner obeys the owner form', () => {
  it("refuses each text over the form's cap and control characters", async () => {
    const custodian = await app.as('custodian');
    const row = (n: number, over: Record<number, string>) =>
      Object.assign([`限长商户${n}有限公司`, 'L1-001', 'L1', '非餐饮', '王经理', '13800001111', '', '', ''], over);
    const rows = [
      row(1, { 0: '名'.repeat(101) }), // 2
      row(2, { 1: 'L'.repeat(41) }), // 3
      row(3, { 2: '楼'.repeat(21) }), // 4
      row(4, { 4: '联'.repeat(41) }), // 5
      row(5, { 5: '1'.repeat(31) }), // 6
      row(6, { 8: '备'.repeat(2001) }), // 7
      row(7, { 0: '名'.repeat(100), 8: '一\n二' }), // 8: at the cap, a line break in the note
    ];
    const check = await app.ok('import-owners-check', { fileName: '立档单位.xlsx', base64: await xlsx(rows) }, custodian);
    expect(check.problems.map((p) => [p.row, p.field, p.message, p.value])).toEqual([
      [2, 'name', 'v.importTooLong', '100'],
      [3, 'unitNo', 'v.importTooLong', '40'],
      [4, 'floor', 'v.importTooLong', '20'],
      [5, 'contactPerson', 'v.importTooLong', '40'],
      [6, 'phone', 'v.importTooLong', '30'],
      [7, 'note', 'v.importTooLong', '2000'],
    ]);
    const csv = [HEADERS.join(','), row(8, { 0: '商户\u0007有限公司', 4: '王\u007f' }).join(',')].join('\r\n');
    const control = await app.ok('import-owners-check', { fileName: '立档单位.csv', base64: Buffer.from(csv).toString('base64') }, custodian);
    expect(control.problems.map((p) => [p.row, p.field, p.message, p.value])).toEqual([
      [2, 'name', 'v.importControlChar', '商户\\u0007有限公司'],
      [2, 'contactPerson', 'v.importControlChar', '王\\u007f'],
    ]);
  }, 60_000);
});

describe('reading our own catalogue export back as an import', () => {
  it('skips the export footer lines in CSV and xlsx, and imports the boxes into another archive', async () => {
    const custodian = await app.as('custodian');
    const ownerId = await createOwner(app, { name: '万达影城有限公司' });
    for (let i = 0; i < 3; i++) await createBox(app, { ownerId, kind: 'tenant', title: `影城租户档案 第${i + 1}卷`, volume: i + 1 });
    const other = await createSetUpApp();
    try {
      const otherCustodian = await other.as('custodian');
      for (const format of ['csv', 'xlsx'] as const) {
        const exported = await app.ok('box-export', { format }, custodian);
        const file = { fileName: exported.fileName, base64: exported.base64 };
        const check = await other.ok('import-boxes-check', file, otherCustodian);
        expect(check).toMatchObject({ rows: 3, footerRows: 2, problems: [], newOwners: 1 });
        if (format === 'xlsx') expect(await other.ok('import-boxes-run', file, otherCustodian)).toEqual({ boxes: 3, owners: 1 });
      }
      const titles = (await other.ok('box-list', { query: '影城' }, otherCustodian)).rows.map((b) => b.title).sort();
      expect(titles).toEqual(['影城租户档案 第1卷', '影城租户档案 第2卷', '影城租户档案 第3卷']);
    } finally {
      other.close();
    }
  }, 60_000);

  it('still reads a footer-like line followed by data as a row, and a note saying 共 2 条 at the end as a footer', async () => {
    const custodian = await app.as('custodian');
    const csv = '档案编号,类别,题名\r\nRZ-X-1,工作日志,导出时间：昨天\r\nRZ-X-2,工作日志,日志二\r\n\r\n共 2 条\r\n';
    const check = await app.ok('import-boxes-check', { fileName: 'x.csv', base64: Buffer.from(csv).toString('base64') }, custodian);
    expect(check).toMatchObject({ rows: 2, footerRows: 1, problems: [] });
  });
});
