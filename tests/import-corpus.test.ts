import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { TestApp } from './support/app';
import { createBox, createOwner, createSetUpApp, errorCode } from './support/fixtures';
import { positionAt } from './support/locations';

/**
 * Registers as offices keep them, written by openpyxl (tests/fixtures/office-sheets.py), saved
 * again by LibreOffice (its own writer: shared strings, date styles, as an office PC saves them),
 * and written by exceljs: title rows above the header, hidden sheets and columns, bordered blank
 * rows, dates of every kind. Each file is checked for the rows it must yield, field by field.
 */
let app: TestApp;
let corpus: string;
const WRITERS = ['openpyxl', 'libreoffice'] as const;
type Writer = (typeof WRITERS)[number];
const NAMES = ['boxes-openpyxl.xlsx', 'owners-openpyxl-iso.xlsx', 'owners-openpyxl.xlsx', 'loans-openpyxl.xlsx'];
beforeAll(() => {
  corpus = mkdtempSync(join(tmpdir(), 'import-corpus-'));
  // scripts/lib/setup.mjs installs python3-openpyxl and libreoffice-calc-nogui (Debian) when missing.
  const made = spawnSync('/usr/bin/python3', [resolve(__dirname, 'fixtures/office-sheets.py'), corpus], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`office-sheets.py failed (is python3-openpyxl installed?): ${made.stderr}`);
  const soffice = (format: string, names: string[]) => {
    // A profile of its own, so a LibreOffice open elsewhere on the machine does not take the job.
    const args = [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${join(corpus, 'lo-profile')}`,
      '--convert-to',
      format,
      '--outdir',
      join(corpus, 'libreoffice'),
      ...names.map((n) => join(corpus, n)),
    ];
    const saved = spawnSync('soffice', args, { encoding: 'utf8', timeout: 120_000 });
    if (saved.status !== 0) throw new Error(`soffice failed (is libreoffice-calc-nogui installed?): ${saved.stderr}`);
  };
  soffice('xlsx', NAMES);
  soffice('xls', ['owners-openpyxl.xlsx']);
}, 180_000);
afterAll(() => rmSync(corpus, { recursive: true, force: true }));
beforeEach(async () => {
  app = await createSetUpApp();
  // The places the box register names, set up in the location tree as the custodian would.
  for (const [room, cabinet, shelf, position] of [
    ['一号档案室', 'C03', 2, 5],
    ['一号档案室', 'C04', 1, 2],
    ['二号库房', 'C01', 3, 1],
  ] as const)
    await positionAt(app, room, cabinet, shelf, position);
});
afterEach(() => app.close());

const file = (name: string, writer: Writer = 'openpyxl') => ({
  fileName: name,
  base64: readFileSync(join(corpus, writer === 'openpyxl' ? '' : writer, name)).toString('base64'),
});
const base64Of = async (book: ExcelJS.Workbook) => Buffer.from(await book.xlsx.writeBuffer()).toString('base64');

describe.each(WRITERS)('a box register written by %s', (writer) => {
  it('finds the header under two title rows, reads the visible sheet, leaves the hidden running number, and maps 楼层, 业态, 起止日期 and 存放位置', async () => {
    const custodian = await app.as('custodian');
    const input = file('boxes-openpyxl.xlsx', writer);
    const check = await app.ok('import-boxes-check', input, custodian);
    expect(check.sheets).toEqual([
      { name: '旧目录', hidden: true },
      { name: '档案目录', hidden: false },
    ]);
    expect(check).toMatchObject({ sheet: '档案目录', headerRow: 3, hiddenHeaders: ['序号'], rows: 3, problems: [] });
    expect(check.top[0]![0]).toBe('万达广场租户档案目录');
    expect(check.mapping).toMatchObject({
      code: '档案编号',
      kind: '类别',
      title: '题名',
      ownerName: '租户名称',
      floor: '楼层',
      businessType: '业态',
      yearFrom: '起止日期',
      location: '存放位置',
    });
    expect(check.parsed).toEqual([
      {
        row: 4,
        values: {
          code: 'ZH-2019-0001',
          ownerName: '海底捞餐饮有限公司',
          floor: 'L3',
          businessType: 'catering',
          volume: '1',
          yearFrom: '2019',
          yearTo: '2023',
          location: '一号档案室 › C03 › 第2层 › 05',
        },
      },
      {
        row: 5,
        values: {
          code: 'ZH-2019-0002',
          ownerName: '优衣库商贸有限公司',
          floor: 'L2',
          businessType: 'non_catering',
          volume: '1',
          yearFrom: '2020',
          yearTo: '2022',
          location: '一号档案室 › C04 › 第1层 › 02',
        },
      },
      {
        row: 6,
        values: {
          code: 'ZH-2019-0003',
          ownerName: '',
          volume: '1',
          yearFrom: '2019',
          yearTo: '2019',
          location: '二号库房 › C01 › 第3层 › 01',
        },
      },
    ]);

    expect(await app.ok('import-boxes-run', input, custodian)).toEqual({ boxes: 3, owners: 2 });
    const boxes = (await app.ok('box-list', { query: 'ZH-2019' }, custodian)).rows;
    expect(boxes.map((b) => b.code).sort()).toEqual(['ZH-2019-0001', 'ZH-2019-0002', 'ZH-2019-0003']);
    const owners = (await app.ok('owner-list', { query: '' }, custodian)).rows;
    expect(owners.find((o) => o.name === '海底捞餐饮有限公司')).toMatchObject({ floor: 'L3', businessType: 'catering' });
    expect(owners.find((o) => o.name === '优衣库商贸有限公司')).toMatchObject({ floor: 'L2', businessType: 'non_catering' });
  }, 60_000);

  it('reads another sheet or header row when the custodian picks one, and a hidden column when mapped', async () => {
    const custodian = await app.as('custodian');
    const old = await app.ok('import-boxes-check', { ...file('boxes-openpyxl.xlsx', writer), sheet: '旧目录' }, custodian);
    expect(old).toMatchObject({ sheet: '旧目录', headerRow: 1, rows: 1 });
    expect(old.parsed.map((p) => p.values.code)).toEqual(['OLD-0001']);
    const titleAsHeader = await app.ok('import-boxes-check', { ...file('boxes-openpyxl.xlsx', writer), headerRow: 1 }, custodian);
    expect(titleAsHeader.headerRow).toBe(1);
    expect(titleAsHeader.problems.map((p) => [p.row, p.field, p.message])).toEqual([
      [1, 'title', 'v.importColumnMissing'],
      [1, 'kind', 'v.importColumnMissing'],
    ]);
    // The running number is never guessed as the code, but the custodian may still choose it.
    const chosen = await app.ok('import-boxes-check', { ...file('boxes-openpyxl.xlsx', writer), mapping: { code: '序号' } }, custodian);
    expect(chosen.parsed.map((p) => p.values.code)).toEqual(['1', '2', '3']);
  }, 60_000);
});

describe.each(WRITERS)('dates of every kind a cell holds, written by %s', (writer) => {
  it.each(['owners-openpyxl-iso.xlsx', 'owners-openpyxl.xlsx'])(
    'reads each to the same day in %s and shows it in the dry run',
    async (name) => {
      const custodian = await app.as('custodian');
      const check = await app.ok('import-owners-check', file(name, writer), custodian);
      expect(check).toMatchObject({ headerRow: 2, rows: 6, problems: [] });
      expect(check.parsed.map((p) => [p.row, p.values.name, p.values.leaseStart, p.values.moveOutDate])).toEqual([
        [3, '甲餐饮有限公司', '2023-05-01', '2024-06-30'],
        [4, '乙商贸有限公司', '2023-05-01', ''],
        [5, '丙商贸有限公司', '2023-05-01', ''],
        [6, '丁商贸有限公司', '2023-05-01', ''],
        [7, '戊商贸有限公司', '2023-05-01', ''],
        [8, '己商贸有限公司', '2023-05-01', ''],
      ]);
      expect(await app.ok('import-owners-run', file(name, writer), custodian)).toEqual({ owners: 6 });
      const owners = (await app.ok('owner-list', { query: '' }, custodian)).rows;
      expect(owners.map((o) => o.leaseStart)).toEqual(Array(6).fill('2023-05-01'));
    },
    60_000,
  );
});

describe.each(WRITERS)('a loan register written by %s', (writer) => {
  it('reads the visible register under its title, past the hidden sheet, with its dates and codes as written', async () => {
    const custodian = await app.as('custodian');
    await app.ok('import-boxes-run', file('boxes-openpyxl.xlsx', writer), custodian);
    const check = await app.ok('import-loans-check', file('loans-openpyxl.xlsx', writer), custodian);
    expect(check).toMatchObject({ sheet: '借阅登记', headerRow: 2, rows: 2, problems: [] });
    expect(check.mapping.boxCode).toBe('档案盒编号');
    expect(check.parsed).toEqual([
      { row: 3, values: { boxCode: 'ZH-2019-0001', borrowerName: '王小明', lentDate: '2024-03-05', dueDate: '2024-03-08', returnedDate: '2024-03-07' } },
      { row: 4, values: { boxCode: 'ZH-2019-0002', borrowerName: '李华', lentDate: '2024-03-06', dueDate: '2024-03-09', returnedDate: '2024-03-08' } },
    ]);
    expect(await app.ok('import-loans-run', file('loans-openpyxl.xlsx', writer), custodian)).toEqual({ loans: 2, stillOut: 0 });
  }, 60_000);
});

describe('registers written by exceljs', () => {
  it('finds the header under a merged title row for each kind, and asks which column is the code when two could be', async () => {
    const custodian = await app.as('custodian');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('目录');
    sheet.addRow(['档案目录']);
    sheet.mergeCells('A1:E1');
    sheet.addRow([]);
    sheet.addRow(['档案编号', '盒号', '类别', '题名', '卷号']);
    sheet.addRow(['ZH-2020-0001', 'H-17', '人事档案', '张三', 1]);
    sheet.addRow(['ZH-2020-0002', 'H-18', '人事档案', '李四', 1]);
    const input = { fileName: '目录.xlsx', base64: await base64Of(book) };
    const check = await app.ok('import-boxes-check', input, custodian);
    expect(check).toMatchObject({ headerRow: 3, rows: 2 });
    expect(check.mapping.code).toBeUndefined();
    expect(check.problems.map((p) => [p.row, p.field, p.message, p.value])).toEqual([[3, 'code', 'v.importCodeAmbiguous', '档案编号、盒号']]);
    const picked = await app.ok('import-boxes-check', { ...input, mapping: { code: '盒号' } }, custodian);
    expect(picked.problems).toEqual([]);
    expect(picked.parsed.map((p) => [p.row, p.values.code])).toEqual([
      [4, 'H-17'],
      [5, 'H-18'],
    ]);

    // 编号 counting 1, 2, 3 is the row's place in the register, not the box's code.
    const numbered = new ExcelJS.Workbook();
    const counted = numbered.addWorksheet('目录');
    counted.addRow(['编号', '档案编号', '类别', '题名']);
    counted.addRow([1, 'ZH-2021-0001', '工作日志', '2021年日志']);
    counted.addRow([2, 'ZH-2021-0002', '工作日志', '2022年日志']);
    const withCode = await app.ok('import-boxes-check', { fileName: '目录.xlsx', base64: await base64Of(numbered) }, custodian);
    expect(withCode.mapping.code).toBe('档案编号');
    expect(withCode.problems).toEqual([]);
    counted.spliceColumns(2, 1);
    const alone = await app.ok('import-boxes-check', { fileName: '目录.xlsx', base64: await base64Of(numbered) }, custodian);
    expect(alone.mapping.code).toBeUndefined();
    // No code column: each box is numbered as the box form numbers it, never 1, 2.
    expect(alone.parsed.map((p) => p.values.code)).toEqual([expect.stringMatching(/^RZ-\d{4}-\d{4}$/), expect.stringMatching(/^RZ-\d{4}-\d{4}$/)]);

    const owners = new ExcelJS.Workbook();
    const list = owners.addWorksheet('单位');
    list.addRow(['立档单位名册']);
    list.mergeCells('A1:C1');
    list.addRow(['立档单位', '楼层', '起租日期']);
    list.addRow(['庚商贸有限公司', 'L5', new Date(Date.UTC(2023, 4, 1))]);
    const ownerCheck = await app.ok('import-owners-check', { fileName: '单位.xlsx', base64: await base64Of(owners) }, custodian);
    expect(ownerCheck).toMatchObject({ headerRow: 2, rows: 1, problems: [] });
    expect(ownerCheck.parsed).toEqual([
      { row: 3, values: { name: '庚商贸有限公司', floor: 'L5', businessType: 'non_catering', leaseStart: '2023-05-01', moveOutDate: '' } },
    ]);

    const box = await createBox(app);
    const loans = new ExcelJS.Workbook();
    const register = loans.addWorksheet('借阅');
    register.addRow(['借阅登记']);
    register.mergeCells('A1:D1');
    register.addRow(['序号', '档案编号', '借阅人', '借出日期', '归还日期']);
    register.addRow([1, box.code, '王小明', '2024-03-05', '2024-03-06']);
    const loanCheck = await app.ok('import-loans-check', { fileName: '借阅.xlsx', base64: await base64Of(loans) }, custodian);
    expect(loanCheck).toMatchObject({ headerRow: 2, rows: 1, problems: [] });
    expect(loanCheck.mapping.boxCode).toBe('档案编号');
  }, 60_000);
});

describe('the dry run runs every check the import runs', () => {
  it('lists a volume the owner already has on its row, as the import would refuse it, and the refusal names the rows', async () => {
    const custodian = await app.as('custodian');
    const ownerId = await createOwner(app, { name: '海底捞餐饮有限公司' });
    await createBox(app, { ownerId, volume: 1 });
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('目录');
    sheet.addRow(['档案编号', '类别', '题名', '租户名称', '卷号']);
    sheet.addRow(['ZH-2020-0101', '租户档案', '续签合同', '海底捞餐饮有限公司', 2]);
    sheet.addRow(['ZH-2020-0102', '租户档案', '补充协议', '海底捞餐饮有限公司', 1]);
    const input = { fileName: '目录.xlsx', base64: await base64Of(book) };
    const check = await app.ok('import-boxes-check', input, custodian);
    expect(check.problems.map((p) => [p.row, p.field, p.message, p.value])).toEqual([[3, 'volume', 'v.volumeTaken', '1']]);
    // The rehearsal kept nothing.
    expect((await app.ok('box-list', { query: 'ZH-2020-01' }, custodian)).rows).toEqual([]);
    const refused = await app.call('import-boxes-run', input, custodian);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatchObject({ code: 'IMPORT_HAS_PROBLEMS', params: { count: 1, rows: '3' } });
    expect(await app.ok('import-boxes-run', { ...input, skipRows: [3] }, custodian)).toEqual({ boxes: 1, owners: 0 });
  }, 60_000);
});

describe('files that are not what they seem', () => {
  it("strips the ' our CSV export puts before = + - @, and leaves a ' that guards nothing", async () => {
    const custodian = await app.as('custodian');
    const csv = "\uFEFF立档单位,备注\r\n'-2+3,'=SUM(A1)\r\n'O'Brien 商行,'just a quote\r\n";
    const check = await app.ok('import-owners-check', { fileName: '立档单位.csv', base64: Buffer.from(csv).toString('base64') }, custodian);
    expect(check.problems).toEqual([]);
    expect(check.parsed.map((p) => p.values.name)).toEqual(['-2+3', "'O'Brien 商行"]);
    await app.ok('import-owners-run', { fileName: '立档单位.csv', base64: Buffer.from(csv).toString('base64') }, custodian);
    const owners = (await app.ok('owner-list', { query: '' }, custodian)).rows;
    expect(owners.find((o) => o.name === '-2+3')).toMatchObject({ note: '=SUM(A1)' });
  }, 60_000);

  it('says plainly to save an .xls as .xlsx, whatever it is called', async () => {
    const custodian = await app.as('custodian');
    // The OLE compound-file signature every Excel 97–2003 workbook starts with.
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]).toString('base64');
    expect(errorCode(await app.call('import-owners-check', { fileName: '名册.xls', base64: xls }, custodian))).toBe('IMPORT_XLS');
    expect(errorCode(await app.call('import-boxes-check', { fileName: '名册.xlsx', base64: xls }, custodian))).toBe('IMPORT_XLS');
    // A real one, as LibreOffice saves it in the Excel 97 format.
    expect(errorCode(await app.call('import-owners-check', file('owners-openpyxl.xls', 'libreoffice'), custodian))).toBe('IMPORT_XLS');
  }, 60_000);
});
