import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ExportFile } from '../electron/core/contract/audit';
import { chainHead } from '../electron/server/services/audit-log';
import type { TestApp } from './support/app';
import { positionAt } from './support/locations';
import { PASSWORD } from './support/app';
import { auditRows, createBox, createSetUpApp } from './support/fixtures';
import { approvedTransfer, custodyCast, expiredBox, validExecution, type CustodyCast } from './support/custody';
import { scribblePng } from './support/signature-png';

const EVIL = '<script>alert(1)</script>';
/** Kept after the run (test-results/ is ignored by git) so a person can look at the forms. */
const OUT = resolve(__dirname, '..', 'test-results', 'printing');

let app: TestApp;
let cast: CustodyCast;
beforeAll(async () => {
  app = await createSetUpApp();
  cast = await custodyCast(app);
  mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await app.runtime.printer.close();
  app.close();
});

function save(file: ExportFile, name: string): string {
  const path = join(OUT, name);
  writeFileSync(path, Buffer.from(file.base64, 'base64'));
  // Page 1 as an image, for a person to look at.
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path, path.replace(/\.pdf$/, '-1')]);
  expect(existsSync(path.replace(/\.pdf$/, '-1.png'))).toBe(true);
  return path;
}
/** The page's text with all white space dropped: a cell that wraps still reads as one string. */
const pdfText = (path: string) => execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
const pageSize = (path: string) =>
  /Page size:\s+([\d.]+) x ([\d.]+)/
    .exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))!
    .slice(1)
    .map((n) => Math.round(Number(n)));
/** Images on the page, not counting their transparency masks. */
const pdfImages = (path: string) =>
  execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => /^\s+\d+\s+\d+\s+image\b/.test(l)).length;

describe('档案移交签收表', () => {
  it('prints sheet no., departments, reason, the list with item counts, the approver and both signatures (the drawn one as an image)', async () => {
    const box = await createBox(app, { title: `人事档案 ${EVIL}` });
    await app.ok('box-document-add', { boxId: box.id, docDate: '2025-03-01', title: '劳动合同', category: 'g', pages: 3, note: '' }, cast.custodian);
    const t = await approvedTransfer(app, cast, [box.code], { personnelMoveDate: '2026-11-02' });
    await app.ok(
      'transfer-sign-off',
      {
        id: t.id,
        handover: { kind: 'account', username: 'custodian', password: PASSWORD },
        receiver: { kind: 'person', name: '赵敏', signature: scribblePng() },
      },
      cast.custodian,
    );
    const file = await app.ok('transfer-sheet-pdf', { id: t.id }, cast.auditor);
    expect(file.fileName).toBe(`档案移交签收表-${t.transferNo}.pdf`);
    const path = save(file, 'transfer-sheet.pdf');
    expect(pageSize(path)).toEqual([595, 842]);
    const text = pdfText(path);
    for (const expected of [
      '档案移交签收表',
      `编号：${t.transferNo}`,
      '万象广场运营部',
      '运营部',
      '行政人事部',
      '员工调动，人事档案移交',
      box.code,
      EVIL.replace(/\s/g, ''),
      '合计：1盒',
      'manager-测试',
      'custodian-测试',
      '账户密码确认',
      '赵敏',
      '2026-11-09',
    ]) {
      expect(text).toContain(expected);
    }
    expect(pdfImages(path)).toBe(1);
    const head = chainHead(app.runtime.requireDb());
    expect(text).toContain(`审计链${head.entries}条`);
    expect(auditRows(app.runtime.requireDb()).at(-1)).toMatchObject({ action: 'print', entity: 'transfer', entityId: String(t.id), actorName: 'auditor-测试' });
  });

  it('an order not yet signed prints with blank lines to sign by hand', async () => {
    const box = await createBox(app);
    const t = await app.ok(
      'transfer-create',
      { boxCodes: [box.code], fromDepartment: '运营部', toDepartment: '财务部', reason: '审计调阅', personnelMoveDate: null },
      cast.custodian,
    );
    const text = pdfText(save(await app.ok('transfer-sheet-pdf', { id: t.id }, cast.clerk), 'transfer-sheet-blank.pdf'));
    for (const expected of ['移交人签字', '接收人签字', '部门负责人签字']) expect(text).toContain(expected);
  });
});

describe('档案销毁清册', () => {
  it('prints landscape A4 with the list, approver, method, date, executor and both supervisors with signature lines', async () => {
    const box = await expiredBox(app, { yearFrom: 2008, yearTo: 2009 });
    const d = await app.ok('destruction-propose', { boxCodes: [box.code], reason: '保管期限已满' }, cast.custodian);
    await app.ok('destruction-decide', { id: d.id, approve: true, reason: '' }, cast.manager);
    await app.ok('destruction-execute', validExecution(d.id), cast.custodian);
    const path = save(await app.ok('destruction-register-pdf', { id: d.id }, cast.auditor), 'destruction-register.pdf');
    expect(pageSize(path)).toEqual([842, 595]);
    const text = pdfText(path);
    for (const expected of [
      '档案销毁清册',
      `编号：${d.registerNo}`,
      box.code,
      '2009年度工作日志',
      '2008–2009',
      '定期10年',
      '2020-01-01',
      '保管期限已满',
      'manager-测试',
      '粉碎',
      '2026-01-05',
      '李强',
      '王芳',
      '张伟',
      '批准人签字',
      '执行人签字',
      '监销人签字',
    ]) {
      expect(text).toContain(expected);
    }
  });
});

describe('档案检查记录', () => {
  it('prints the month, inspector, each box’s check, findings and their follow-up', async () => {
    const fresh = await createSetUpApp();
    try {
      const c = await custodyCast(fresh);
      const [a, b] = [
        await createBox(fresh, { locationId: await positionAt(fresh, '一号档案室', 'C01', 1, 1) }),
        await createBox(fresh, { locationId: await positionAt(fresh, '一号档案室', 'C01', 2, 1) }),
      ];
      const insp = await fresh.ok('inspection-start', {}, c.custodian);
      await fresh.ok(
        'inspection-check',
        { itemId: insp.items[0].id, present: true, complete: true, correctlyFiled: true, condition: 'good', note: '', followUpOwner: '' },
        c.custodian,
      );
      await fresh.ok(
        'inspection-check',
        { itemId: insp.items[1].id, present: true, complete: false, correctlyFiled: true, condition: 'damp', note: '缺一页', followUpOwner: '李强' },
        c.custodian,
      );
      const path = save(await fresh.ok('inspection-record-pdf', { id: insp.id }, c.manager), 'inspection-record.pdf');
      const text = pdfText(path);
      for (const expected of [
        '档案检查记录',
        `月份：${insp.month}`,
        'custodian-测试',
        a.code,
        b.code,
        '文件不齐全',
        '保存状况异常',
        '缺一页',
        '受潮',
        '李强·跟进中',
        '检查人签字',
      ]) {
        expect(text).toContain(expected);
      }
    } finally {
      await fresh.runtime.printer.close();
      fresh.close();
    }
  });
});
