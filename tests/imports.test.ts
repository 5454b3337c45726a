import ExcelJS from 'exceljs';
import type { CallInput } from '../electron/core/contract';
import { decodeCsv } from '../electron/server/services/imports';
import type { TestApp } from './support/app';
import { createBox, createOwner, createSetUpApp, errorCode, snapshot } from './support/fixtures';

let app: TestApp;
beforeEach(async () => {
  app = await createSetUpApp();
  // The places boxRow writes, set up as the custodian would: 42 cabinets of 10 shelves × 12 positions.
  const custodian = await app.as('custodian');
  const room = await app.ok('location-room-create', { name: '一号档案室' }, custodian);
  await app.ok('location-cabinets-create', { roomId: room.id, first: 'C01', count: 42, shelves: 10, positions: 12 }, custodian);
});
afterEach(() => app.close());

/** The office's register as seed 003 lays it out: Chinese headers, one box a row. */
const HEADERS = ['档案编号', '类别', '题名', '租户名称', '铺位号', '卷号', '起始年度', '截止年度', '密级', '保管期限', '库房', '柜号', '层', '位置', '备注'];

async function xlsx(rows: (string | number)[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('档案目录');
  sheet.addRow(HEADERS);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

const boxRow = (n: number): (string | number)[] => [
  `ZH-2019-${String(n).padStart(5, '0')}`,
  '租户档案',
  `租户档案 第${n}号`,
  `商户${Math.ceil(n / 3)}有限公司`,
  `L${(n % 6) + 1}-${String(n % 200).padStart(3, '0')}`,
  ((n - 1) % 3) + 1,
  2019,
  2023,
  '内部',
  n % 2 ? '30年' : '永久',
  '一号档案室',
  // A place of its own for each row, written as registers do (2, 5) for the tree's 第2层 › 05.
  `C${String(Math.floor((n - 1) / 120) + 1).padStart(2, '0')}`,
  String(Math.floor(((n - 1) % 120) / 12) + 1),
  String(((n - 1) % 12) + 1),
  '',
];

/** GBK bytes of a three-line CSV, as Excel on a Chinese Windows saves it. */
const GBK_CSV =
  'b5b5b0b8b1e0bac52cc0e0b1f02ccce2c3fb2cd7e2bba7c3fbb3c62cc6cccebbbac52cbeedbac52cc6f0cabcc4eab6c82cbdd8d6b9c4eab6c82cb1a3' +
  'b9dcc6dacfde2cbfe2b7bf2cb9f1bac50d0a5a482d47424b2d303030312cd7e2bba7b5b5b0b82cd0c7b0cdbfcbd7e2bba7b5b5b0b82cd0c7b0cdbfcb' +
  'bfa7b7c8d3d0cfdeb9abcbbe2c4c312d3032332c312c323032302c323032342c3330c4ea2cd2bbbac5b5b5b0b8cad22c4330310d0a4b482d47424b2d' +
  '303030322cbfcdbba7b5b5b0b82cbfcdbba7cdb6cbdfb4a6c0edbcc7c2bc2cd5c5c8fdb2cdd2fbb5ea2c42312d3030322c312c323032332c32303233' +
  '2cd3c0bec32cb6febac5b5b5b0b8cad22c4330320d0a';

describe('import boxes from Excel', () => {
  it('lists exactly the three bad rows of 5,000, imports nothing until they are fixed or skipped, then all in one go', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => boxRow(i + 1));
    rows[99]![2] = ''; // sheet row 101: no title
    rows[2499]![6] = '二〇二〇'; // sheet row 2501: a year in words
    rows[4199]![0] = rows[9]![0]!; // sheet row 4201: the code of sheet row 11
    const custodian = await app.as('custodian');
    const file: CallInput<'import-boxes-check'> = { fileName: '档案目录2019.xlsx', base64: await xlsx(rows) };

    const started = Date.now();
    const check = await app.ok('import-boxes-check', file, custodian);
    const checkMs = Date.now() - started;
    expect(check.rows).toBe(5000);
    expect(check.mapping).toMatchObject({ code: '档案编号', kind: '类别', title: '题名', ownerName: '租户名称', volume: '卷号', retention: '保管期限' });
    expect(check.problems.map((p) => [p.row, p.field, p.message])).toEqual([
      [101, 'title', 'v.required'],
      [2501, 'yearFrom', 'v.importYear'],
      [4201, 'code', 'v.importDuplicateInFile'],
    ]);

    const before = snapshot(app.runtime.requireDb());
    const refused = await app.call('import-boxes-run', file, custodian);
    expect(errorCode(refused)).toBe('IMPORT_HAS_PROBLEMS');
    expect(snapshot(app.runtime.requireDb())).toEqual(before);

    const ranAt = Date.now();
    const done = await app.ok('import-boxes-run', { ...file, skipRows: [101, 2501, 4201] }, custodian);
    console.log(`5,000-row xlsx: check ${checkMs} ms, import ${Date.now() - ranAt} ms`);
    expect(done).toEqual({ boxes: 4997, owners: 1667 });
    const list = await app.ok('box-list', { query: 'ZH-2019-00011' }, custodian);
    expect(list.rows.map((r) => r.code)).toEqual(['ZH-2019-00011']);
    // Imported again, every code is already taken: reported, not merged.
    const again = await app.ok('import-boxes-check', file, custodian);
    expect(again.problems.filter((p) => p.message === 'v.codeTaken')).toHaveLength(4997);
  }, 300_000);

  it('names missing columns, unknown values, a code already in the archive and a file that is not a spreadsheet', async () => {
    const custodian = await app.as('custodian');
    const ownerId = await createOwner(app);
    const taken = await createBox(app, { ownerId });
    const book = new ExcelJS.Workbook();
    book.addWorksheet('x').addRow(['编号', '名字']);
    const wrong = await app.ok(
      'import-boxes-check',
      { fileName: 'wrong.xlsx', base64: Buffer.from(await book.xlsx.writeBuffer()).toString('base64') },
      custodian,
    );
    expect(wrong.problems.map((p) => [p.row, p.field, p.message])).toEqual([
      [1, 'title', 'v.importColumnMissing'],
      [1, 'kind', 'v.importColumnMissing'],
    ]);
    const rows = [boxRow(1), boxRow(2)];
    rows[0]![1] = '合同档案';
    rows[1]![0] = taken.code;
    const odd = await app.ok('import-boxes-check', { fileName: 'odd.xlsx', base64: await xlsx(rows) }, custodian);
    expect(odd.problems.map((p) => [p.row, p.field, p.message, p.value])).toEqual([
      [2, 'kind', 'v.importUnknownValue', '合同档案'],
      [3, 'code', 'v.codeTaken', taken.code],
    ]);
    expect(errorCode(await app.call('import-boxes-check', { fileName: 'photo.xlsx', base64: Buffer.from('not a zip').toString('base64') }, custodian))).toBe(
      'IMPORT_UNREADABLE',
    );
  }, 60_000);

  it('names the column the custodian filled for each rule a box breaks, in row order across a blank line', async () => {
    const custodian = await app.as('custodian');
    const rows = Array.from({ length: 9 }, (_, i) => boxRow(i + 1));
    rows[0]![3] = ''; // 2: a tenant box with no tenant (the rule is on ownerId)
    rows[1]![9] = '200年'; // 3: more years than a custom period allows (the rule is on retentionYears)
    rows[2]![5] = 'abc'; // 4: not a number, zod's own message
    rows[3]![7] = 2018; // 5: ends before it starts
    rows[4] = []; // 6: blank
    rows[5]![0] = 'zh#006'; // 7: a code with a character no label has (spaces are dropped, see cleanBoxCode)
    rows[6]![1] = '合同档案'; // 8: three problems, found in this order; the row's code is not taken
    rows[6]![6] = '二〇二〇';
    rows[6]![2] = '';
    rows[6]![0] = rows[7]![0]!;
    rows[8]![0] = rows[7]![0]!; // 10: the code of row 9, which row 8 did not take
    const file = { fileName: 'rules.xlsx', base64: await xlsx(rows) };
    const check = await app.ok('import-boxes-check', file, custodian);
    // The blank line is not a row.
    expect(check.rows).toBe(8);
    expect(check.problems.map((p) => [p.row, p.field, p.message, p.value])).toEqual([
      [2, 'ownerName', 'v.ownerRequired', ''],
      [3, 'retention', 'v.importInvalid', '200年'],
      [4, 'volume', 'v.importInvalid', 'abc'],
      [5, 'yearTo', 'v.yearOrder', '2018'],
      [7, 'code', 'v.boxCode', 'zh#006'],
      [8, 'kind', 'v.importUnknownValue', '合同档案'],
      [8, 'yearFrom', 'v.importYear', '二〇二〇'],
      [8, 'title', 'v.required', ''],
      [10, 'code', 'v.importDuplicateInFile', `${rows[7]![0]}@9`],
    ]);
    expect(await app.ok('import-boxes-run', { ...file, skipRows: [2, 3, 4, 5, 7, 8, 10] }, custodian)).toEqual({ boxes: 1, owners: 1 });
    expect((await app.ok('box-list', { query: String(rows[7]![0]) }, custodian)).rows).toHaveLength(1);
  }, 60_000);

  it('refuses more than 10,000 rows with a message saying so', async () => {
    const lines = ['档案编号,类别,题名', ...Array.from({ length: 20_000 }, (_, i) => `RZ-${i},工作日志,日志${i}`)];
    const result = await app.call(
      'import-boxes-check',
      { fileName: 'big.csv', base64: Buffer.from(lines.join('\n')).toString('base64') },
      await app.as('custodian'),
    );
    expect(result.ok ? null : result.error).toEqual({ code: 'IMPORT_TOO_MANY_ROWS', params: { rows: 20_000, max: 10_000 } });
  }, 60_000);
});

describe('an imported box and the owner it names obey the box and owner forms', () => {
  it("refuses each text over the form's cap, for the box and for an owner it would create, and control characters", async () => {
    const custodian = await app.as('custodian');
    const known = await createOwner(app, { name: '已有商户有限公司' });
    expect(known).toBeGreaterThan(0);
    const row = (n: number, over: Record<number, string>) => Object.assign(boxRow(n), { 3: `限长商户${n}有限公司` }, over);
    const rows = [
      row(1, { 3: '名'.repeat(10_000) }), // 2: the owner it would create has a 10,000-character name
      row(2, { 4: 'L'.repeat(41) }), // 3: and a unit number over the owner form's 40
      row(3, { 3: '已有商户有限公司', 4: 'L'.repeat(41) }), // 4: the owner exists: its unit number is not read
      row(4, { 0: 'Z'.repeat(41) }), // 5
      row(5, { 2: '题'.repeat(201) }), // 6
      row(6, { 10: '库'.repeat(41) }), // 7
      row(7, { 11: '柜'.repeat(41) }), // 8
      row(8, { 12: '层'.repeat(41) }), // 9
      row(9, { 13: '位'.repeat(41) }), // 10
      row(10, { 14: '备'.repeat(2001) }), // 11
      row(11, { 3: '名'.repeat(100), 2: '题'.repeat(200), 14: '一\n二' }), // 12: at the caps, with a line break in the note
    ];
    const file = { fileName: '档案目录.xlsx', base64: await xlsx(rows) };
    const check = await app.ok('import-boxes-check', file, custodian);
    expect(check.problems.map((p) => [p.row, p.field, p.message, p.value])).toEqual([
      [2, 'ownerName', 'v.importTooLong', '100'],
      [3, 'unitNo', 'v.importTooLong', '40'],
      [5, 'code', 'v.importTooLong', '40'],
      [6, 'title', 'v.importTooLong', '200'],
      [7, 'room', 'v.importTooLong', '40'],
      [8, 'cabinet', 'v.importTooLong', '40'],
      [9, 'shelf', 'v.importTooLong', '40'],
      [10, 'position', 'v.importTooLong', '40'],
      [11, 'note', 'v.importTooLong', '2000'],
    ]);
    const before = snapshot(app.runtime.requireDb());
    expect(errorCode(await app.call('import-boxes-run', file, custodian))).toBe('IMPORT_HAS_PROBLEMS');
    expect(snapshot(app.runtime.requireDb())).toEqual(before);
    expect(await app.ok('import-boxes-run', { ...file, skipRows: [2, 3, 5, 6, 7, 8, 9, 10, 11] }, custodian)).toEqual({ boxes: 2, owners: 1 });
    // What was imported can be saved through its own forms unchanged.
    const owners = (await app.ok('owner-list', { query: '' }, custodian)).rows;
    for (const { id, name, unitNo, floor, businessType, contactPerson, phone, leaseStart, moveOutDate, note } of owners) {
      await app.ok('owner-update', { id, name, unitNo, floor, businessType, contactPerson, phone, leaseStart, moveOutDate, note }, custodian);
    }

    const csv = [HEADERS.join(','), row(20, { 2: '题名\u0000', 3: '商户\u0008有限公司' }).join(',')].join('\r\n');
    const control = await app.ok('import-boxes-check', { fileName: '档案目录.csv', base64: Buffer.from(csv).toString('base64') }, custodian);
    expect(control.problems.map((p) => [p.row, p.field, p.message, p.value])).toEqual([
      [2, 'title', 'v.importControlChar', '题名\\u0000'],
      [2, 'ownerName', 'v.importControlChar', '商户\\u0008有限公司'],
    ]);
  }, 60_000);
});

describe('an imported box takes its place from the location tree', () => {
  it('maps a written place to its node, reports one not in the tree and one already taken, and changes nothing', async () => {
    const custodian = await app.as('custodian');
    const rows = [boxRow(1), boxRow(2), boxRow(3)];
    rows[1]![11] = 'C99'; // 3: a cabinet nobody set up
    rows[2]![12] = '1'; // 4: shelf 1, position 3 …
    rows[2]![13] = '1'; // … written as row 2's place, 第1层 › 01
    const file = { fileName: '档案目录.xlsx', base64: await xlsx(rows) };
    const check = await app.ok('import-boxes-check', file, custodian);
    expect(check.problems.map((p) => [p.row, p.field, p.message, p.value])).toEqual([
      [3, 'cabinet', 'v.importLocationUnknown', '一号档案室 › C99 › 1 › 2'],
      [4, null, 'errors.POSITION_TAKEN', ''],
    ]);
    expect(check.parsed[0]!.values).toMatchObject({ code: 'ZH-2019-00001', location: '一号档案室 › C01 › 第1层 › 01' });
    const before = snapshot(app.runtime.requireDb());
    expect(errorCode(await app.call('import-boxes-run', file, custodian))).toBe('IMPORT_HAS_PROBLEMS');
    expect(snapshot(app.runtime.requireDb())).toEqual(before);
  }, 60_000);
});

describe('our own export', () => {
  it('writes the full path, which its import reads back to the same position', async () => {
    const custodian = await app.as('custodian');
    // A personnel box (no owner), so the copy read back is not a second volume of one owner.
    const row = Object.assign(boxRow(17), { 1: '人事档案', 3: '', 4: '' });
    await app.ok('import-boxes-run', { fileName: '档案目录.xlsx', base64: await xlsx([row]) }, custodian);
    const exported = await app.ok('box-export', { format: 'csv' }, custodian);
    const csvText = Buffer.from(exported.base64, 'base64').toString('utf8');
    expect(csvText).toContain('一号档案室 › C01 › 第2层 › 05');
    // Moved off its place, the box frees the position the export names; the export re-imported as a new box lands there.
    const box = (await app.ok('box-list', { query: 'ZH-2019-00017' }, custodian)).rows[0]!;
    const other = (await app.ok('location-cabinet', { id: (await app.ok('location-tree', {}, custodian)).nodes.find((n) => n.name === 'C02')!.id }, custodian))
      .shelves[0]!.positions[0]!;
    await app.ok('box-move', { id: box.id, locationId: other.id, reason: '整理' }, custodian);
    const again = csvText.replace('ZH-2019-00017', 'ZH-2019-09999');
    const check = await app.ok('import-boxes-check', { fileName: '导出.csv', base64: Buffer.from(again).toString('base64') }, custodian);
    expect(check.problems).toEqual([]);
    expect(check.parsed[0]!.values).toMatchObject({ code: 'ZH-2019-09999', location: '一号档案室 › C01 › 第2层 › 05' });
  }, 60_000);
});

describe('import boxes from CSV', () => {
  it('reads a GBK CSV (as Chinese Excel saves it) and imports it', async () => {
    const bytes = Buffer.from(GBK_CSV, 'hex');
    expect(decodeCsv(bytes).encoding).toBe('gb18030');
    const custodian = await app.as('custodian');
    const room = await app.ok('location-room-create', { name: '二号档案室' }, custodian);
    await app.ok('location-cabinets-create', { roomId: room.id, first: 'C02', count: 1, shelves: 1, positions: 1 }, custodian);
    const file = { fileName: '档案目录.csv', base64: bytes.toString('base64') };
    const check = await app.ok('import-boxes-check', file, custodian);
    expect(check).toMatchObject({ encoding: 'gb18030', rows: 2, problems: [], newOwners: 2 });
    expect(check.headers.slice(0, 3)).toEqual(['档案编号', '类别', '题名']);
    await app.ok('import-boxes-run', file, custodian);
    const box = (await app.ok('box-list', { query: 'ZH-GBK-0001' }, custodian)).rows[0]!;
    expect(box).toMatchObject({ code: 'ZH-GBK-0001', title: '星巴克租户档案' });
    const detail = await app.ok('box-get', { id: box.id }, custodian);
    // The register names only room and cabinet: the box stands on the cabinet until it is scanned onto a position.
    expect(detail.box).toMatchObject({ retentionClass: 'y30', yearFrom: 2020, yearTo: 2024, room: '一号档案室', cabinet: 'C01', shelf: '', position: '' });
    expect(detail.box.locationId).not.toBeNull();
    expect(detail.owner?.name).toBe('星巴克咖啡有限公司');
  }, 60_000);

  it('reads UTF-8 with a BOM as UTF-8', () => {
    const decoded = decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('档案编号,题名\n', 'utf8')]));
    expect(decoded).toEqual({ text: '档案编号,题名\n', encoding: 'utf-8' });
  });
});
