import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CallInput } from '../electron/core/contract';
import { addDays, localDate, localDayStart } from '../electron/server/services/local-date';
import type { TestApp } from './support/app';
import { auditRows, createBox, createSetUpApp, errorCode, snapshot, validLoanInput } from './support/fixtures';
import { lendingCast, loanOut } from './support/lending';

let app: TestApp;
beforeEach(async () => {
  app = await createSetUpApp();
});
afterEach(() => app.close());

/** The office's paper register as typed into Excel: the usual Chinese headers. */
const HEADERS = ['档案盒编号', '借阅人', '借阅部门', '联系电话', '借阅事由', '借出日期', '应还日期', '归还日期', '批准人', '经办人', '备注'];

async function xlsx(rows: string[][], headers = HEADERS): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('借阅登记');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

/** GBK bytes of a three-line register, as Excel on a Chinese Windows saves CSV (one returned, one still out). */
const GBK_CSV =
  'b5b5b0b8bad0b1e0bac52cbde8d4c4c8cb2cbde8d4c4b2bfc3c52cc1aacfb5b5e7bbb02cbde8d4c4cac2d3c92cbde8b3f6c8d5c6da2cd3a6bbb9c8d5' +
  'c6da2cb9e9bbb9c8d5c6da2cc5fad7bcc8cb2cbeadb0ecc8cb0d0a5a482d47424b2d303030312ccdf5d0a1c3f72cb9a4b3ccb2bf2c31333830303030' +
  '313131312cbacbb6d4d7b0d0decdbcd6bd2c323032342f332f352c323032342f332f382c323032342f332f372cd5c5c8fd2cc0eecbc40d0a5a482d47' +
  '424b2d303030322cd5d4c1f92cb2c6cef1b2bf2c2cb2e9d4c4d7e2c1debacfcdac2c32303234c4ea34d4c231c8d52c32303234c4ea34d4c23131c8d5' +
  '2c2cd5c5c8fd2c0d0a';

describe('import past loans from the paper register', () => {
  it('lists exactly the bad rows, writes nothing while any is left, then imports the rest with their own dates', async () => {
    const cast = await lendingCast(app);
    const [a, b, c, d, e] = [await createBox(app), await createBox(app), await createBox(app), await createBox(app), await createBox(app)];
    const live = await loanOut(app, cast, e.code);
    const row = (code: string, borrower: string, lent: string, due: string, returned: string) => [
      code,
      borrower,
      '工程部',
      '13800001111',
      '核对图纸',
      lent,
      due,
      returned,
      '张三',
      '李四',
      '',
    ];
    const rows = [
      row(a.code, '王小明', '2024-03-05', '2024-03-08', '2024-03-07'), // 2: fine, returned
      row('ZH-NONE-9999', '王小明', '2024-03-05', '2024-03-08', '2024-03-07'), // 3: no such box
      row(b.code, '', '2024-03-05', '2024-03-08', '2024-03-07'), // 4: no borrower
      row(c.code, '赵六', '2024-03-05', '2024-03-08', '2024-03-01'), // 5: back before it left
      row(d.code, '赵六', '2024-03-05', '2024-03-01', ''), // 6: due before lent
      row(a.code, '赵六', '2024-02-30', '2024-03-08', '2024-03-07'), // 7: no such day
      row(b.code, '钱七', '2024/5/6', '2024/5/9', ''), // 8: fine, still out (overdue)
      row(b.code, '孙八', '2024-06-01', '2024-06-04', ''), // 9: the same box out twice
      row(e.code, '孙八', '2024-06-01', '2024-06-04', ''), // 10: out on a live loan
      row(c.code, '周九', '2024年7月1日', '2024年7月11日', '2024年7月10日'), // 11: fine, ten days
    ];
    const custodian = cast.custodian;
    const file: CallInput<'import-loans-check'> = { fileName: '借阅登记2024.xlsx', base64: await xlsx(rows) };
    const check = await app.ok('import-loans-check', file, custodian);
    expect(check).toMatchObject({ rows: 10, footerRows: 0, stillOut: 1 });
    expect(check.mapping).toMatchObject({
      boxCode: '档案盒编号',
      borrowerName: '借阅人',
      department: '借阅部门',
      lentDate: '借出日期',
      dueDate: '应还日期',
      returnedDate: '归还日期',
      approver: '批准人',
      handler: '经办人',
    });
    expect(check.problems.map((p) => [p.row, p.field, p.message])).toEqual([
      [3, 'boxCode', 'v.importBoxUnknown'],
      [4, 'borrowerName', 'v.required'],
      [5, 'returnedDate', 'v.importReturnedBeforeLent'],
      [6, 'dueDate', 'v.importDueBeforeLent'],
      [7, 'lentDate', 'v.importDate'],
      [9, 'boxCode', 'v.importBoxOutTwice'],
      [10, 'boxCode', 'v.importBoxBusy'],
    ]);
    expect(check.problems.find((p) => p.row === 10)!.value).toBe(live.loanNo);

    const before = snapshot(app.runtime.requireDb());
    expect(errorCode(await app.call('import-loans-run', file, custodian))).toBe('IMPORT_HAS_PROBLEMS');
    expect(errorCode(await app.call('import-loans-run', { ...file, skipRows: [3, 4, 5, 6, 7, 9] }, custodian))).toBe('IMPORT_HAS_PROBLEMS');
    expect(snapshot(app.runtime.requireDb())).toEqual(before);

    const done = await app.ok('import-loans-run', { ...file, skipRows: [3, 4, 5, 6, 7, 9, 10] }, custodian);
    expect(done).toEqual({ loans: 3, stillOut: 1 });

    const ofBox = async (id: number) => (await app.ok('loan-list', { boxId: id }, custodian)).rows;
    const [returned] = await ofBox(a.id);
    expect(returned).toMatchObject({
      status: 'returned',
      imported: true,
      loanType: 'short',
      days: 3,
      decidedByName: '张三（纸质登记）',
      handedOutByName: '李四',
      handedOutAt: localDayStart('2024-03-05'),
      requestedAt: localDayStart('2024-03-05'),
      dueDate: '2024-03-08',
      returnedAt: localDayStart('2024-03-07'),
      borrower: { userId: null, name: '王小明', department: '工程部', phone: '13800001111' },
    });
    expect(returned!.loanNo).toMatch(/^JY-2024-\d{4}$/);
    // Ten days is over a short loan's three: long, and the real span kept although live loans stop at 7.
    expect((await ofBox(c.id))[0]).toMatchObject({ status: 'returned', loanType: 'long', days: 10, dueDate: '2024-07-11' });

    const [out] = await ofBox(b.id);
    expect(out).toMatchObject({ status: 'out', dueDate: '2024-05-09', returnedAt: null });
    expect(out!.daysOverdue).toBeGreaterThan(500);
    expect((await app.ok('box-get', { id: b.id }, custodian)).box.status).toBe('on_loan');
    // The box is out: a new request for it is refused as for any loan still out.
    expect(errorCode(await app.call('loan-request', validLoanInput({ boxCode: b.code }), cast.clerk))).toBe('LOAN_BOX_UNAVAILABLE');
    expect((await app.ok('loan-list', { overdue: true }, custodian)).rows.map((l) => l.id)).toContain(out!.id);
    // …and it comes back the ordinary way.
    await app.ok(
      'loan-return',
      { id: out!.id, condition: 'intact', missingDocumentIds: [], incident: { description: '', responsible: '', followUp: '' } },
      custodian,
    );
    expect((await app.ok('box-get', { id: b.id }, custodian)).box.status).toBe('in_stock');

    const audit = auditRows(app.runtime.requireDb());
    expect(audit.filter((r) => r.action === 'loan-import')).toHaveLength(3);
    expect(audit.filter((r) => r.action === 'import' && r.entity === 'loan')).toHaveLength(1);

    // The same file again: each row imported the first time is named as already held.
    const again = await app.ok('import-loans-check', file, custodian);
    expect(again.problems.filter((p) => p.message === 'v.importLoanExists').map((p) => p.row)).toEqual([2, 8, 11]);
  }, 120_000);

  it('numbers rows as Excel shows them across a blank line, and imports what is left once a bad row is skipped', async () => {
    const custodian = await app.as('custodian');
    const [a, b] = [await createBox(app), await createBox(app)];
    const row = (code: string, borrower: string) => [code, borrower, '工程部', '', '核对图纸', '2024-03-05', '2024-03-08', '2024-03-07', '张三', '李四', ''];
    const file = { fileName: '借阅登记.xlsx', base64: await xlsx([row(a.code, '王小明'), [], row(b.code, ''), row(b.code, '赵六')]) };
    const check = await app.ok('import-loans-check', file, custodian);
    // The blank line is not a row; the rows after it keep their numbers.
    expect(check).toMatchObject({ rows: 3, footerRows: 0 });
    expect(check.problems.map((p) => [p.row, p.field, p.message, p.value])).toEqual([[4, 'borrowerName', 'v.required', '']]);
    expect(await app.ok('import-loans-run', { ...file, skipRows: [4] }, custodian)).toEqual({ loans: 2, stillOut: 0 });
  }, 60_000);

  it('refuses a file without the columns a loan needs, naming them', async () => {
    const custodian = await app.as('custodian');
    const check = await app.ok('import-loans-check', { fileName: 'x.xlsx', base64: await xlsx([['1', '2']], ['序号', '事由']) }, custodian);
    expect(check.problems.map((p) => [p.row, p.field, p.message, p.value])).toEqual([
      [1, 'boxCode', 'v.importColumnMissing', '档案盒编号'],
      [1, 'borrowerName', 'v.importColumnMissing', '借阅人'],
      [1, 'lentDate', 'v.importColumnMissing', '借出日期'],
    ]);
  });

  it('reads a GBK CSV register: one loan returned, one still out', async () => {
    const custodian = await app.as('custodian');
    const one = await createBox(app, { code: 'ZH-GBK-0001' });
    const two = await createBox(app, { code: 'ZH-GBK-0002' });
    const file = { fileName: '借阅登记.csv', base64: Buffer.from(GBK_CSV, 'hex').toString('base64') };
    const check = await app.ok('import-loans-check', file, custodian);
    expect(check).toMatchObject({ encoding: 'gb18030', rows: 2, problems: [], stillOut: 1 });
    expect(await app.ok('import-loans-run', file, custodian)).toEqual({ loans: 2, stillOut: 1 });
    const first = (await app.ok('loan-list', { boxId: one.id }, custodian)).rows[0]!;
    expect(first).toMatchObject({
      borrower: { name: '王小明', department: '工程部' },
      purpose: '核对装修图纸',
      status: 'returned',
      decidedByName: '张三（纸质登记）',
    });
    const second = (await app.ok('loan-list', { boxId: two.id }, custodian)).rows[0]!;
    expect(second).toMatchObject({
      borrower: { name: '赵六', department: '财务部', phone: '' },
      status: 'out',
      dueDate: '2024-04-11',
      days: 10,
      loanType: 'long',
      handedOutByName: null,
    });
  }, 60_000);

  it('refuses a register imported twice, and a row repeated in one file, naming the loan or row it repeats', async () => {
    const custodian = await app.as('custodian');
    const box = await createBox(app, { code: 'ZH-TWICE-0001' });
    const row = ['ZH-TWICE-0001', '王小明', '工程部', '', '核对图纸', '2024-03-05', '2024-03-08', '2024-03-07', '张三', '李四', ''];
    const file = { fileName: '借阅登记.xlsx', base64: await xlsx([row]) };
    expect(await app.ok('import-loans-run', file, custodian)).toEqual({ loans: 1, stillOut: 0 });
    const loanNo = (await app.ok('loan-list', { boxId: box.id }, custodian)).rows[0]!.loanNo;
    const before = snapshot(app.runtime.requireDb());
    const again = await app.ok('import-loans-check', file, custodian);
    expect(again.problems).toEqual([{ row: 2, field: 'lentDate', message: 'v.importLoanExists', value: loanNo }]);
    expect(errorCode(await app.call('import-loans-run', file, custodian))).toBe('IMPORT_HAS_PROBLEMS');
    expect(snapshot(app.runtime.requireDb())).toEqual(before);
    // Another day, or another borrower, is another loan; the same row twice in a file is not.
    const other = [{ ...row }, row.map((v, i) => (i === 5 ? '2024-04-01' : i === 6 ? '2024-04-03' : i === 7 ? '2024-04-02' : v))];
    const repeated = await app.ok('import-loans-check', { fileName: '借阅登记.xlsx', base64: await xlsx([other[1]!, other[1]!]) }, custodian);
    expect(repeated.problems).toEqual([{ row: 3, field: 'lentDate', message: 'v.importLoanTwice', value: '2' }]);
  }, 60_000);

  it('reads a box code and a borrower as the forms clean them: full-width code, zero-width space in the name', async () => {
    const custodian = await app.as('custodian');
    const box = await createBox(app, { code: 'ZH-WIDE-0001' });
    const row = ['ｚｈ－ｗｉｄｅ－０００１', '王\u200B小明 ', '工程部', '', '核对图纸', '2024-03-05', '2024-03-08', '2024-03-07', '张三', '李四', ''];
    expect(await app.ok('import-loans-run', { fileName: '借阅登记.xlsx', base64: await xlsx([row]) }, custodian)).toEqual({ loans: 1, stillOut: 0 });
    const loan = (await app.ok('loan-list', { boxId: box.id }, custodian)).rows[0]!;
    expect(loan.borrower.name).toBe('王小明');
    // The same loan written plainly is the loan already imported.
    const plain = row.map((v, i) => (i === 0 ? 'ZH-WIDE-0001' : i === 1 ? '王小明' : v));
    const again = await app.ok('import-loans-check', { fileName: '借阅登记.xlsx', base64: await xlsx([plain]) }, custodian);
    expect(again.problems).toEqual([{ row: 2, field: 'lentDate', message: 'v.importLoanExists', value: loan.loanNo }]);
    const wide = await app.ok('import-loans-check', { fileName: '借阅登记.xlsx', base64: await xlsx([row]) }, custodian);
    expect(wide.problems).toEqual([{ row: 2, field: 'lentDate', message: 'v.importLoanExists', value: loan.loanNo }]);
  }, 60_000);

  it('reads our own loan register export back without taking its footer lines for loans', async () => {
    const cast = await lendingCast(app);
    const box = await createBox(app);
    const loan = await loanOut(app, cast, box.code);
    await app.ok(
      'loan-return',
      { id: loan.id, condition: 'intact', missingDocumentIds: [], incident: { description: '', responsible: '', followUp: '' } },
      cast.custodian,
    );
    const today = localDate();
    for (const format of ['csv', 'xlsx'] as const) {
      const exported = await app.ok('loan-register-export', { from: today, to: today, format }, cast.clerk);
      const check = await app.ok('import-loans-check', { fileName: exported.fileName, base64: exported.base64 }, cast.custodian);
      // Read back into the archive it came from, the loan is one it already holds.
      expect(check).toMatchObject({
        rows: 1,
        footerRows: 2,
        problems: [{ row: 2, field: 'lentDate', message: 'v.importLoanExists', value: loan.loanNo }],
        stillOut: 0,
      });
      expect(check.mapping).toMatchObject({
        boxCode: '档案编号',
        borrowerName: '借阅人',
        lentDate: '借出时间',
        dueDate: '应还日期',
        returnedDate: '归还时间',
        approver: '审批人',
        handler: '经办人',
      });
    }
  }, 60_000);

  it('prints an imported loan on the register and its slip with the paper approver marked so, and dates without hours', async () => {
    const custodian = await app.as('custodian');
    const box = await createBox(app, { title: '星巴克装修图纸' });
    const csv = `档案盒编号,借阅人,借阅部门,借阅事由,借出日期,应还日期,归还日期,批准人,经办人\r\n${box.code},王小明,工程部,核对装修图纸,2024-03-05,2024-03-08,2024-03-07,张三,李四\r\n`;
    await app.ok('import-loans-run', { fileName: '借阅登记.csv', base64: Buffer.from(csv).toString('base64') }, custodian);
    const loan = (await app.ok('loan-list', { boxId: box.id }, custodian)).rows[0]!;
    const dir = mkdtempSync(join(tmpdir(), 'loan-import-pdf-'));
    try {
      const text = (file: { base64: string }, name: string) => {
        writeFileSync(join(dir, name), Buffer.from(file.base64, 'base64'));
        return execFileSync('pdftotext', ['-layout', join(dir, name), '-'], { encoding: 'utf8' });
      };
      const register = text(await app.ok('loan-register-export', { from: '2024-01-01', to: '2024-12-31', format: 'pdf' }, custodian), 'register.pdf');
      const slip = text(await app.ok('loan-slip-pdf', { id: loan.id }, custodian), 'slip.pdf');
      // KEEP_PDF=<dir> leaves page images there to look at.
      if (process.env.KEEP_PDF)
        for (const name of ['register', 'slip']) execFileSync('pdftoppm', ['-png', '-r', '60', join(dir, `${name}.pdf`), join(process.env.KEEP_PDF, name)]);
      expect(register).toContain(loan.loanNo);
      // The register's approver column is narrow: the mark wraps onto a second line.
      expect(register).toMatch(/张三（纸\s[\s\S]*质登记）/);
      expect(register).toContain('2024-03-05');
      expect(register).not.toContain('00:00');
      expect(slip).toContain('张三（纸质登记）');
      expect(slip).toContain('李四');
      const csvExport = Buffer.from(
        (await app.ok('loan-register-export', { from: '2024-01-01', to: '2024-12-31', format: 'csv' }, custodian)).base64,
        'base64',
      ).toString('utf8');
      expect(csvExport).toContain('张三（纸质登记）');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('an imported loan obeys the rules of lending', () => {
  it('keeps a loan still out within the 3/7-day caps, refuses a far due date even on history, and lets an overdue one stand with its real dates', async () => {
    const custodian = await app.as('custodian');
    const boxes: Awaited<ReturnType<typeof createBox>>[] = [];
    for (let i = 0; i < 7; i++) boxes.push(await createBox(app));
    const today = localDate();
    const day = (n: number) => addDays(today, n);
    const row = (code: string, lent: string, due: string, returned: string) => [
      code,
      '王小明',
      '工程部',
      '',
      '核对图纸',
      lent,
      due,
      returned,
      '王经理（纸质登记）',
      '李四',
      '',
    ];
    const rows = [
      row(boxes[0]!.code, today, '2099-12-31', ''), // 2: a live loan due in 2099
      row(boxes[1]!.code, day(-2), day(6), ''), // 3: still out, eight days from the day lent
      row(boxes[2]!.code, '2024-03-01', '2099-12-31', '2024-03-05'), // 4: history, but due in 2099
      row(boxes[3]!.code, day(-1), day(2), ''), // 5: short, three days
      row(boxes[4]!.code, day(-1), day(6), ''), // 6: long, seven days
      row(boxes[5]!.code, '2024-05-06', '2024-05-20', ''), // 7: fourteen days, long overdue: paper history
      row(boxes[6]!.code, '2024-01-01', day(3), ''), // 8: lent long ago and due in three days
    ];
    const file = { fileName: '借阅登记.xlsx', base64: await xlsx(rows) };
    const check = await app.ok('import-loans-check', file, custodian);
    expect(check.problems.map((p) => [p.row, p.field, p.message, p.value])).toEqual([
      [2, 'dueDate', 'v.importLoanCap', '2099-12-31'],
      [3, 'dueDate', 'v.importLoanCap', day(6)],
      [4, 'dueDate', 'v.importLoanCap', '2099-12-31'],
      [8, 'dueDate', 'v.importLoanCap', day(3)],
    ]);
    expect(await app.ok('import-loans-run', { ...file, skipRows: [2, 3, 4, 8] }, custodian)).toEqual({ loans: 3, stillOut: 3 });
    const of = async (i: number) => (await app.ok('loan-list', { boxId: boxes[i]!.id }, custodian)).rows[0]!;
    expect(await of(3)).toMatchObject({ status: 'out', loanType: 'short', days: 3, dueDate: day(2), daysOverdue: 0, decidedByName: '王经理（纸质登记）' });
    expect(await of(4)).toMatchObject({ status: 'out', loanType: 'long', days: 7, dueDate: day(6), daysOverdue: 0 });
    const overdue = await of(5);
    expect(overdue).toMatchObject({ status: 'out', loanType: 'long', days: 14, dueDate: '2024-05-20' });
    expect(overdue.daysOverdue).toBeGreaterThan(0);
    for (const i of [0, 1, 2, 6]) expect(await app.ok('loan-list', { boxId: boxes[i]!.id }, custodian)).toMatchObject({ rows: [] });
  }, 60_000);

  it('refuses the importing custodian as the paper approver, and a loan still out that nobody approved', async () => {
    const custodian = await app.as('custodian');
    const me = (await app.ok('session-current', {}, custodian))!;
    const [a, b, c, d] = [await createBox(app), await createBox(app), await createBox(app), await createBox(app)];
    const row = (code: string, approver: string, returned: string) => [
      code,
      '王小明',
      '工程部',
      '',
      '核对图纸',
      '2024-03-05',
      '2024-03-08',
      returned,
      approver,
      '李四',
      '',
    ];
    const rows = [
      row(a.code, `${me.displayName}（纸质登记）`, ''), // 2: the custodian approving on paper
      row(b.code, me.displayName, '2024-03-07'), // 3: the same, on a loan long returned
      row(c.code, '', ''), // 4: out, and nobody consented
      row(d.code, '', '2024-03-07'), // 5: returned history without an approver's name stands
    ];
    const check = await app.ok('import-loans-check', { fileName: '借阅登记.xlsx', base64: await xlsx(rows) }, custodian);
    expect(check.problems.map((p) => [p.row, p.field, p.message, p.value])).toEqual([
      [2, 'approver', 'v.importSelfApproval', `${me.displayName}（纸质登记）`],
      [3, 'approver', 'v.importSelfApproval', me.displayName],
      [4, 'approver', 'v.importApproverRequired', ''],
    ]);
  }, 60_000);

  it('holds every row to the limits of the loan form, control characters included', async () => {
    const custodian = await app.as('custodian');
    const box = await createBox(app);
    // Each row on another day, so none repeats another.
    let n = 0;
    const row = (over: Record<number, string>) => {
      const lent = addDays('2024-03-01', 7 * n++);
      return Object.assign([box.code, '王小明', '工程部', '13800001111', '核对图纸', lent, addDays(lent, 3), addDays(lent, 2), '张三', '李四', ''], over);
    };
    const rows = [
      row({ 1: '王'.repeat(41) }), // 2
      row({ 2: '部'.repeat(61) }), // 3
      row({ 3: '电话未知' }), // 4
      row({ 3: '1'.repeat(31) }), // 5
      row({ 4: '事'.repeat(201) }), // 6
      row({ 8: '张'.repeat(41) }), // 7
      row({ 9: '李'.repeat(41) }), // 8
      row({ 10: '备'.repeat(501) }), // 9
      row({ 10: '第一行\n第二行' }), // 10: a line break in a note is fine, as in the form
    ];
    const check = await app.ok('import-loans-check', { fileName: '借阅登记.xlsx', base64: await xlsx(rows) }, custodian);
    expect(check.problems.map((p) => [p.row, p.field, p.message, p.value])).toEqual([
      [2, 'borrowerName', 'v.importTooLong', '40'],
      [3, 'department', 'v.importTooLong', '60'],
      [4, 'phone', 'v.phone', '电话未知'],
      [5, 'phone', 'v.importTooLong', '30'],
      [6, 'purpose', 'v.importTooLong', '200'],
      [7, 'approver', 'v.importTooLong', '40'],
      [8, 'handler', 'v.importTooLong', '40'],
      [9, 'note', 'v.importTooLong', '500'],
    ]);
    // Excel cannot hold a control character (exceljs drops them), a CSV can: written out where it is.
    const csv = [HEADERS.join(','), row({ 1: '王小\u0007明', 10: '\u001b[31m' }).join(',')].join('\r\n');
    const control = await app.ok('import-loans-check', { fileName: '借阅登记.csv', base64: Buffer.from(csv).toString('base64') }, custodian);
    expect(control.problems.map((p) => [p.row, p.field, p.message, p.value])).toEqual([
      [2, 'borrowerName', 'v.importControlChar', '王小\\u0007明'],
      [2, 'note', 'v.importControlChar', '\\u001b[31m'],
    ]);
  }, 60_000);
});

describe('a loan import is an audited act the manager sees', () => {
  it('writes one entry for the import as a whole, lists it for the manager, and lets the desk show only paper loans', async () => {
    const cast = await lendingCast(app);
    const [a, b, c] = [await createBox(app), await createBox(app), await createBox(app)];
    const live = await loanOut(app, cast, c.code);
    const row = (code: string, returned: string) => [code, '王小明', '工程部', '', '核对图纸', '2024-03-05', '2024-03-08', returned, '王经理', '李四', ''];
    const file = { fileName: '借阅登记2024.xlsx', base64: await xlsx([row(a.code, '2024-03-07'), row(b.code, ''), row('ZH-NONE-0001', '')]) };
    expect(await app.ok('import-loans-run', { ...file, skipRows: [4] }, cast.custodian)).toEqual({ loans: 2, stillOut: 1 });

    const [entry, ...more] = auditRows(app.runtime.requireDb()).filter((r) => r.action === 'import');
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ entity: 'loan', entityId: null, actorName: 'custodian-测试' });
    expect(JSON.parse(entry!.changes).after).toEqual({
      kind: 'loans',
      file: '借阅登记2024.xlsx',
      sheet: '借阅登记',
      headerRow: 1,
      rows: 3,
      loans: 2,
      stillOut: 1,
      skippedRows: [4],
    });

    const recent = await app.ok('import-recent', { kind: 'loans' }, cast.manager);
    expect(recent).toEqual([{ at: entry!.at, actorName: 'custodian-测试', fileName: '借阅登记2024.xlsx', rows: 3, count: 2, stillOut: 1 }]);
    expect(await app.ok('import-recent', { kind: 'boxes' }, cast.manager)).toEqual([]);
    expect(errorCode(await app.call('import-recent', { kind: 'loans' }, cast.clerk))).toBe('FORBIDDEN');

    const paper = (await app.ok('loan-list', { imported: true }, cast.manager)).rows;
    expect(paper.map((l) => l.boxId).sort()).toEqual([a.id, b.id].sort());
    expect((await app.ok('loan-list', {}, cast.manager)).rows.map((l) => l.id)).toContain(live.id);
  }, 60_000);
});
