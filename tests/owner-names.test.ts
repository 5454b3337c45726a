import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { CallInput } from '../electron/core/contract';
import { oneEditApart, ownerKey } from '../electron/core/contract/owner-names';
import { PASSWORD, type TestApp } from './support/app';
import { createBox, createOwner, createSetUpApp } from './support/fixtures';
import { forgetMigrationsFrom } from './support/migrations';

/**
 * Owner names as other tools write them (SheetJS, openpyxl, a chat paste): the same owner must be
 * found whatever the brackets, spaces, widths and invisible characters; a name one character off
 * is shown to the custodian; different owners stay apart.
 */
let app: TestApp;
let custodian: string;
function withApp() {
  beforeEach(async () => {
    app = await createSetUpApp();
    custodian = await app.as('custodian');
  });
  afterEach(() => app.close());
}

/** An owner with only a name (and a phone when given), so each field's value below is the import's. */
const owner = (name: string, phone = '') => createOwner(app, { name, unitNo: '', floor: '', contactPerson: '', phone });

const CUIYU = '翠鸟（成都）餐饮管理有限公司';
const BOX_HEADERS = ['档案编号', '类别', '题名', '租户名称', '铺位号', '卷号'];

async function boxXlsx(rows: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('档案目录');
  sheet.addRow(BOX_HEADERS);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

/** Every owner, field by field, oldest first (the list is newest first). */
async function allOwners() {
  const { rows } = await app.ok('owner-list', { query: '', limit: 200 }, custodian);
  return rows.map(({ id, name, unitNo, phone, note, boxCount }) => ({ id, name, unitNo, phone, note, boxCount })).reverse();
}

describe('ownerKey', () => {
  const SAME: [string, string][] = [
    [CUIYU, '翠鸟(成都)餐饮管理有限公司'],
    [CUIYU, '翠鸟【成都】餐饮管理有限公司'],
    [CUIYU, '翠鸟〔成都〕餐饮管理有限公司'],
    [CUIYU, '翠鸟[成都]餐饮管理有限公司'],
    [CUIYU, '翠鸟（成都） 餐饮管理有限公司'],
    [CUIYU, '翠\u200B鸟（成都）餐饮管理\uFEFF有限公司'],
    ['海底捞 火锅', '海底捞  火锅'],
    ['海底捞 火锅', '海底捞\u3000火锅'],
    ['MUJI 无印良品', 'ＭＵＪＩ　无印良品'],
    ['MUJI 无印良品', 'muji无印良品'],
  ];
  const APART: [string, string][] = [
    [CUIYU, '翠鸟（重庆）餐饮管理有限公司'],
    [CUIYU, '翠鸟（成都）餐饮管理有限公可'],
    ['杭州华联超市有限公司', '杭州华联商厦有限公司'],
    ['星巴克《万象店》', '星巴克(万象店)'],
  ];
  it.each(SAME)('takes %j and %j for one owner', (a, b) => expect(ownerKey(a)).toBe(ownerKey(b)));
  it.each(APART)('keeps %j and %j apart', (a, b) => expect(ownerKey(a)).not.toBe(ownerKey(b)));

  it('calls two keys near only when one character is changed, added or left out', () => {
    expect(oneEditApart(ownerKey(CUIYU), ownerKey('翠鸟（成都）餐饮管理有限公可'))).toBe(true);
    expect(oneEditApart('上海一品餐饮', '上海一品餐饮店')).toBe(true);
    expect(oneEditApart('上海一品餐饮', '上海品餐饮')).toBe(true);
    expect(oneEditApart('杭州华联超市', '杭州华联商厦')).toBe(false);
    expect(oneEditApart('上海一品餐饮', '上海一品餐饮')).toBe(false);
    expect(oneEditApart('🍜拉面馆', '🍜拉面店')).toBe(true);
  });
});

describe('importing look-alike owner names', () => {
  withApp();
  it('a box register from another tool lands on exactly the owners it should, asking about the near ones', async () => {
    const cuiyu = await owner(CUIYU, '028-8888 0001');
    const haidilao = await owner('海底捞 火锅');
    const muji = await owner('MUJI 无印良品');
    const yipin = await owner('上海一品餐饮有限公司');
    const hualian = await owner('杭州华联超市有限公司');
    const rows = [
      ['ZH-2024-0001', '租户档案', '租赁合同', '翠鸟(成都)餐饮管理有限公司', 'L1-001', '1'], // 2: half-width brackets
      ['ZH-2024-0002', '租户档案', '装修图纸', '翠鸟\u200B（成都）餐饮管理有限公司', 'L1-001', '2'], // 3: a zero-width space
      ['ZH-2024-0003', '租户档案', '租赁合同', '海底捞  火锅', 'L2-001', '1'], // 4: a double space
      ['ZH-2024-0004', '租户档案', '租赁合同', 'ＭＵＪＩ 无印良品', 'L3-001', '1'], // 5: full-width Latin
      ['ZH-2024-0005', '租户档案', '租赁合同', '翠鸟（成都）餐饮管理有限公可', 'L1-002', '3'], // 6: one character off: merged
      ['ZH-2024-0006', '租户档案', '租赁合同', '上海二品餐饮有限公司', 'L4-001', '1'], // 7: one character off: kept apart
      ['ZH-2024-0007', '租户档案', '租赁合同', '杭州华联商厦有限公司', 'B1-001', '1'], // 8: two characters off: new
      ['ZH-2024-0008', '租户档案', '租赁合同', '新店【成都】', 'B1-002', '1'], // 9: new
      ['ZH-2024-0009', '租户档案', '交接单', '新店(成都)', 'B1-002', '2'], // 10: the owner of row 9
    ];
    const file: CallInput<'import-boxes-check'> = { fileName: 'sheetjs-export.xlsx', base64: await boxXlsx(rows) };
    const check = await app.ok('import-boxes-check', file, custodian);
    expect(check.problems).toEqual([]);
    expect(check.newOwners).toBe(4);
    expect(check.owners).toEqual([
      { name: '翠鸟(成都)餐饮管理有限公司', row: 2, existing: { id: cuiyu, name: CUIYU }, lookAlikes: [] },
      { name: 'ＭＵＪＩ 无印良品', row: 5, existing: { id: muji, name: 'MUJI 无印良品' }, lookAlikes: [] },
      { name: '翠鸟（成都）餐饮管理有限公可', row: 6, existing: null, lookAlikes: [{ id: cuiyu, name: CUIYU }] },
      { name: '上海二品餐饮有限公司', row: 7, existing: null, lookAlikes: [{ id: yipin, name: '上海一品餐饮有限公司' }] },
      { name: '杭州华联商厦有限公司', row: 8, existing: null, lookAlikes: [] },
      { name: '新店【成都】', row: 9, existing: null, lookAlikes: [] },
    ]);

    expect(await app.ok('import-boxes-run', { ...file, mergeOwners: [{ name: '翠鸟（成都）餐饮管理有限公可', into: cuiyu }] }, custodian)).toEqual({
      boxes: 9,
      owners: 3,
    });
    const owners = await allOwners();
    expect(owners).toEqual([
      { id: cuiyu, name: CUIYU, unitNo: '', phone: '02888880001', note: '', boxCount: 3 },
      { id: haidilao, name: '海底捞 火锅', unitNo: '', phone: '', note: '', boxCount: 1 },
      { id: muji, name: 'MUJI 无印良品', unitNo: '', phone: '', note: '', boxCount: 1 },
      { id: yipin, name: '上海一品餐饮有限公司', unitNo: '', phone: '', note: '', boxCount: 0 },
      { id: hualian, name: '杭州华联超市有限公司', unitNo: '', phone: '', note: '', boxCount: 0 },
      { id: expect.any(Number), name: '上海二品餐饮有限公司', unitNo: 'L4-001', phone: '', note: '导入', boxCount: 1 },
      { id: expect.any(Number), name: '杭州华联商厦有限公司', unitNo: 'B1-001', phone: '', note: '导入', boxCount: 1 },
      { id: expect.any(Number), name: '新店【成都】', unitNo: 'B1-002', phone: '', note: '导入', boxCount: 2 },
    ]);
  }, 30_000);

  it('an owner list in UTF-8 CSV reports the owners it already has under another spelling and keeps a near one apart when told', async () => {
    const cuiyu = await owner(CUIYU);
    const csv = [
      '立档单位,铺位号,楼层,经营类型,联系人,联系电话',
      '翠鸟(成都)餐饮管理有限公司,L1-001,L1,餐饮,张经理,13800001111', // 2: the owner there is
      "翠鸟（成都）餐饮管理有限公可,L1-002,L1,餐饮,李经理,'+86 139 0000 2222", // 3: one off; our export's formula guard
      '优衣库  商贸有限公司,L2-020,L2,零售,陈店长,０５７１－８８８８１２３４', // 4: full-width digits
      '优衣库商贸有限公司,L2-021,L2,零售,,', // 5: row 4 again
      '"星巴克\u200B咖啡",L1-005,L1,餐饮,,(0571) 8888-1234', // 6
    ].join('\r\n');
    const file = { fileName: '立档单位.csv', base64: Buffer.from(`\uFEFF${csv}`, 'utf8').toString('base64') };
    const check = await app.ok('import-owners-check', file, custodian);
    expect(check.problems.map((p) => [p.row, p.field, p.message, p.value])).toEqual([
      [2, 'name', 'v.importOwnerExists', CUIYU],
      [5, 'name', 'v.importDuplicateInFile', '优衣库商贸有限公司@4'],
    ]);
    expect(check.owners).toEqual([
      { name: '翠鸟（成都）餐饮管理有限公可', row: 3, existing: null, lookAlikes: [{ id: cuiyu, name: CUIYU }] },
      { name: '优衣库 商贸有限公司', row: 4, existing: null, lookAlikes: [] },
      { name: '星巴克咖啡', row: 6, existing: null, lookAlikes: [] },
    ]);
    expect(await app.ok('import-owners-run', { ...file, skipRows: [2, 5] }, custodian)).toEqual({ owners: 3 });
    expect(await allOwners()).toEqual([
      { id: cuiyu, name: CUIYU, unitNo: '', phone: '', note: '', boxCount: 0 },
      { id: expect.any(Number), name: '翠鸟（成都）餐饮管理有限公可', unitNo: 'L1-002', phone: '+8613900002222', note: '', boxCount: 0 },
      { id: expect.any(Number), name: '优衣库 商贸有限公司', unitNo: 'L2-020', phone: '057188881234', note: '', boxCount: 0 },
      { id: expect.any(Number), name: '星巴克咖啡', unitNo: 'L1-005', phone: '057188881234', note: '', boxCount: 0 },
    ]);
  }, 30_000);

  it('merging a near owner in the owner list creates nothing for it', async () => {
    const cuiyu = await owner(CUIYU);
    const csv = '立档单位,铺位号\r\n翠鸟（成都）餐饮管理有限公可,L1-002\r\n';
    const file = { fileName: '立档单位.csv', base64: Buffer.from(csv, 'utf8').toString('base64') };
    expect(await app.ok('import-owners-run', { ...file, mergeOwners: [{ name: '翠鸟（成都）餐饮管理有限公可', into: cuiyu }] }, custodian)).toEqual({
      owners: 0,
    });
    expect((await allOwners()).map((o) => o.name)).toEqual([CUIYU]);
  });
});

describe('the owner form and search', () => {
  withApp();
  it('names the existing owners a name folds to, other than the one being edited', async () => {
    const cuiyu = await owner(CUIYU);
    await owner('海底捞 火锅');
    expect(await app.ok('owner-same-name', { name: '翠鸟(成都)餐饮管理有限公司' }, custodian)).toEqual({ owners: [{ id: cuiyu, name: CUIYU }] });
    expect(await app.ok('owner-same-name', { name: '翠鸟(成都)餐饮管理有限公司', exceptId: cuiyu }, custodian)).toEqual({ owners: [] });
    expect(await app.ok('owner-same-name', { name: '翠鸟（成都）餐饮管理有限公可' }, custodian)).toEqual({ owners: [] });
  });

  it('stores the name without invisible characters or doubled spaces, and finds it written either way', async () => {
    const id = await owner(' 翠鸟\u200B（成都）餐饮管理  有限公司 ');
    const box = await createBox(app, { kind: 'tenant', ownerId: id });
    expect((await app.ok('owner-get', { id }, custodian)).owner.name).toBe('翠鸟（成都）餐饮管理 有限公司');
    for (const query of ['翠鸟(成都)', '翠鸟(成都)餐饮管理有限公司', '翠鸟（成都）餐饮管理  有限公司', '【成都】']) {
      expect({ query, owners: (await app.ok('owner-list', { query }, custodian)).rows.map((o) => o.id) }).toEqual({ query, owners: [id] });
    }
    // The catalogue's terms are split at spaces, each found in the folded text.
    for (const query of ['翠鸟(成都)', '翠鸟[成都]餐饮管理  有限公司', '【成都】']) {
      expect({ query, boxes: (await app.ok('box-list', { query }, custodian)).rows.map((b) => b.code) }).toEqual({ query, boxes: [box.code] });
    }
  });

  it('an archive from before keys gets every owner key and a folded search index on opening', async () => {
    const id = await owner(CUIYU);
    const box = await createBox(app, { kind: 'tenant', ownerId: id });
    // The archive as the app before migration 0007 left it: no key columns, phones as typed, the search text unfolded.
    const db = app.runtime.requireDb();
    db.transaction(() => {
      for (const statement of [
        'DROP INDEX owners_name_key_idx',
        'DROP INDEX owners_name_key_reversed_idx',
        'ALTER TABLE owners DROP COLUMN name_key',
        'ALTER TABLE owners DROP COLUMN name_key_reversed',
      ])
        db.run(sql.raw(statement));
      db.run(sql`UPDATE owners SET phone = '(028) 8888-0001'`);
      forgetMigrationsFrom(db, '0007_owner_name_key');
    });
    app.runtime.close();
    expect(app.runtime.start().state).toBe('ready');
    custodian = (await app.ok('session-login', { username: 'custodian', password: PASSWORD })).handle;
    expect(await app.ok('owner-same-name', { name: '翠鸟(成都)餐饮管理有限公司' }, custodian)).toEqual({ owners: [{ id, name: CUIYU }] });
    expect((await app.ok('box-list', { query: '翠鸟(成都)' }, custodian)).rows.map((b) => b.code)).toEqual([box.code]);
    expect((await app.ok('owner-get', { id }, custodian)).owner.phone).toBe('02888880001');
  });
});
