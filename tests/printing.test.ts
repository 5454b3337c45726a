import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { users } from '../db/schema';
import type { ExportFile } from '../electron/core/contract/audit';
import type { SignedInContext } from '../electron/server/handlers/types';
import { chainHead } from '../electron/server/services/audit-log';
import { unavailablePrinter, type Printer } from '../electron/server/services/printing/printer';
import { loanSlipPdf } from '../electron/server/services/printing/loans';
import { escapeHtml, html } from '../electron/server/services/printing/templates/html';
import { LOCAL_CLIENT } from '../electron/server/dispatch';
import { actorOf } from '../electron/server/services/users';
import { chromiumPrinter, findChromium } from '../electron/shells/web/print-chromium';
import type { TestApp } from './support/app';
import { auditRows, createBox, createOwner, createSetUpApp, thrownCode } from './support/fixtures';

const EVIL_NAME = '<script>alert(1)</script>';
const EVIL_TITLE = '<img src=x onerror="alert(2)">人事档案';
const OWNER_NAME = '星巴克咖啡（万象城店）';
/** Kept after the run (test-results/ is ignored by git) so a person can look at the forms. */
const OUT = resolve(__dirname, '..', 'test-results', 'printing');

let app: TestApp;
let work: string;
let loanId: number;
let boxCode: string;

beforeAll(async () => {
  app = await createSetUpApp();
  work = mkdtempSync(join(tmpdir(), 'archive-desk-print-'));
  mkdirSync(OUT, { recursive: true });
  ({ id: loanId, boxCode } = await lendOut(EVIL_TITLE, EVIL_NAME));
});
afterAll(async () => {
  await app.runtime.printer.close();
  app.close();
  rmSync(work, { recursive: true, force: true });
});

/** A loan through the real services: requested, approved with copying, handed out, renewed once. */
async function lendOut(boxTitle: string, borrowerName: string): Promise<{ id: number; boxCode: string }> {
  const ownerId = await createOwner(app, { name: OWNER_NAME });
  const box = await createBox(app, { title: boxTitle, kind: 'tenant', ownerId });
  const clerk = await app.as('clerk');
  const manager = await app.as('manager');
  const loan = await app.ok(
    'loan-request',
    {
      boxCode: box.code,
      borrower: { kind: 'person', name: borrowerName, department: '财务部', phone: '0571-88886666' },
      purpose: '年度审计核对租赁合同',
      loanType: 'long',
      days: 5,
      copyRequested: true,
      note: '',
    },
    clerk,
  );
  await app.ok('loan-decide', { id: loan.id, approve: true, copyAllowed: true, reason: '' }, manager);
  await app.ok('loan-hand-out', { id: loan.id }, clerk);
  const madeOn = new Date().toLocaleDateString('sv-SE');
  await app.ok(
    'loan-copy-register',
    { loanId: loan.id, kind: 'copy', description: '租赁合同复印', documentIds: [], pages: 3, copies: 2, madeBy: '李会计', madeOn },
    clerk,
  );
  const renewed = await app.ok('loan-renewal-request', { loanId: loan.id, days: 2, reason: '核对未完成' }, clerk);
  await app.ok('loan-renewal-decide', { id: renewed.renewals[0].id, approve: true, reason: '' }, manager);
  return { id: loan.id, boxCode: box.code };
}

/** The signed-in context a handler would get, for calling the print services directly. */
function contextOf(username: string): SignedInContext {
  const db = app.runtime.requireDb();
  const user = db.select().from(users).where(eq(users.username, username)).get()!;
  return { runtime: app.runtime, handle: null, user, actor: actorOf(user), db, client: LOCAL_CLIENT };
}

/** The real printer, remembering the HTML it was given. */
function recording(): Printer & { html: string[] } {
  const seen: string[] = [];
  return { html: seen, pdf: (doc) => (seen.push(doc), app.runtime.printer.pdf(doc)), close: () => Promise.resolve() };
}

function save(file: ExportFile, name: string): string {
  const path = join(OUT, name);
  writeFileSync(path, Buffer.from(file.base64, 'base64'));
  return path;
}

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
const pdfPageSize = (path: string) =>
  /Page size:\s+([\d.]+) x ([\d.]+)/
    .exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))!
    .slice(1)
    .map(Number);

describe('escaping', () => {
  it('escapes markup and quotes, and leaves fragments made by html alone', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    const inner = html`<b>${EVIL_NAME}</b>`;
    expect(html`<td title="${'"><script>'}">${inner}${[EVIL_TITLE, 1]}${null}${false}</td>`.value).toBe(
      '<td title="&quot;&gt;&lt;script&gt;"><b>&lt;script&gt;alert(1)&lt;/script&gt;</b>&lt;img src=x onerror=&quot;alert(2)&quot;&gt;人事档案1</td>',
    );
  });
});

describe('loan slip 借阅登记表', () => {
  it('prints the loan on A4 with its people, dates, the site and the chain head, names as text', async () => {
    const printer = recording();
    const file = await loanSlipPdf({ ...contextOf('clerk'), printer }, loanId);
    const head = chainHead(app.runtime.requireDb());
    const loan = await app.ok('loan-get', { id: loanId }, await app.as('clerk'));

    expect(file.mimeType).toBe('application/pdf');
    expect(file.fileName).toBe(`借阅登记表-${loan.loanNo}.pdf`);
    const [doc] = printer.html;
    expect(doc).not.toMatch(/<script|<img/i);
    expect(doc).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const path = save(file, 'loan-slip.pdf');
    const [width, height] = pdfPageSize(path);
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    // With its copy register and renewals the slip, signatures included, is still one sheet.
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    const text = pdfText(path);
    for (const expected of [
      EVIL_NAME,
      boxCode,
      '租户/客户',
      OWNER_NAME,
      'onerror="alert(2)">',
      loan.loanNo,
      loan.dueDate!,
      'manager-测试',
      'clerk-测试',
      '万象广场运营部',
      '借阅登记表',
      '财务部',
      '核对未完成',
      '三、复制/摘抄登记',
      '租赁合同复印',
      '李会计',
      '五、归还验收',
    ]) {
      expect(text).toContain(expected);
    }
    // The print was recorded before the footer was written: the head on paper is the head now.
    expect(text).toContain(`审计链 ${head.entries} 条 · 链头 ${head.headHash.slice(0, 12)}`);
    expect(auditRows(app.runtime.requireDb()).at(-1)).toMatchObject({
      action: 'print',
      entity: 'loan',
      entityId: String(loanId),
      boxCode,
      actorName: 'clerk-测试',
    });

    // Page 1 as an image, for a person to look at (test-results/printing/loan-slip-1.png).
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', path, join(OUT, 'loan-slip-1')]);
    expect(existsSync(join(OUT, 'loan-slip-1.png'))).toBe(true);
  });

  // Its speed is the bench's figure (loan slip PDF, warm), not a timed test.
  it('comes through the call, for any signed-in role', async () => {
    const auditor = await app.as('auditor');
    const file = await app.ok('loan-slip-pdf', { id: loanId }, auditor);
    expect(Buffer.from(file.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await app.call('loan-slip-pdf', { id: 999_999 }, auditor)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('loan register 借阅登记簿', () => {
  const today = new Date().toLocaleDateString('sv-SE');

  it('prints the period as a landscape table, one row per loan, recorded as an export', async () => {
    const second = await lendOut('万达影城租户档案', '王小明');
    const clerk = await app.as('clerk');
    const file = await app.ok('loan-register-export', { from: today, to: today, format: 'pdf' }, clerk);
    const head = chainHead(app.runtime.requireDb());
    const path = save(file, 'loan-register.pdf');
    const [width, height] = pdfPageSize(path);
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
    const text = pdfText(path);
    for (const expected of [
      '借阅登记簿',
      '万象广场运营部',
      boxCode,
      second.boxCode,
      '王小明',
      '<script>alert(1)',
      `登记期间：${today} 至 ${today}`,
      `审计链 ${head.entries} 条`,
      '登记 1 次',
    ])
      expect(text).toContain(expected);
    expect(auditRows(app.runtime.requireDb()).at(-1)).toMatchObject({ action: 'export', entity: 'loan', entityId: null });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', path, join(OUT, 'loan-register-1')]);
    expect(existsSync(join(OUT, 'loan-register-1.png'))).toBe(true);
  });

  it('exports the same rows as CSV and xlsx with the chain head under them', async () => {
    const clerk = await app.as('clerk');
    const csv = await app.ok('loan-register-export', { from: today, to: today, format: 'csv' }, clerk);
    const head = chainHead(app.runtime.requireDb());
    const lines = Buffer.from(csv.base64, 'base64').toString('utf8').split('\r\n');
    expect(lines[0]).toMatch(/^\uFEFF借阅单号,档案编号,案卷题名,借阅人/);
    expect(lines.filter((l) => l.startsWith('JY-'))).toHaveLength(2);
    expect(lines[0]).toContain('摘抄/复制,复制/摘抄登记,');
    expect(lines.filter((l) => l.includes(`${today} 复制 租赁合同复印 3页×2份 李会计`))).toHaveLength(2);
    expect(lines.join('\n')).toContain(`审计链条目数：${head.entries}　链头哈希：${head.headHash}`);

    const xlsx = await app.ok('loan-register-export', { from: today, to: today, format: 'xlsx' }, clerk);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('借阅登记簿')!;
    expect(sheet.getRow(2).getCell(2).value).toBe(boxCode);
    expect(sheet.getRow(2).getCell(4).value).toBe(EVIL_NAME);
  });

  it('is refused to the administrator, and an empty period prints as such', async () => {
    expect(await app.call('loan-register-export', { from: today, to: today, format: 'pdf' }, await app.as('admin'))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const file = await app.ok('loan-register-export', { from: '2001-01-01', to: '2001-01-31', format: 'pdf' }, await app.as('manager'));
    expect(pdfText(save(file, 'loan-register-empty.pdf'))).toContain('本期间无借阅记录');
  });
});

describe('printer', () => {
  it('fails with PRINTER_UNAVAILABLE when no Chromium is found', async () => {
    expect(await thrownCode(() => chromiumPrinter(() => null).pdf('<p>x</p>'))).toBe('PRINTER_UNAVAILABLE');
    expect(await thrownCode(() => loanSlipPdf({ ...contextOf('clerk'), printer: unavailablePrinter }, loanId))).toBe('PRINTER_UNAVAILABLE');
  });

  it('finds Chromium from the environment variable, /usr/bin or PATH', () => {
    expect(findChromium({ ARCHIVE_DESK_CHROMIUM: join(work, 'nothing-here') })).toBeNull();
    expect(findChromium({ ARCHIVE_DESK_CHROMIUM: '/usr/bin/chromium' })).toBe('/usr/bin/chromium');
    expect(findChromium({ PATH: '/nowhere' })).toBe(existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null);
  });

  it('runs no script and loads nothing the document names', async () => {
    const doc = `<!doctype html><meta charset="utf-8"><p id="p">静态</p><script>document.getElementById('p').textContent = '脚本已运行'</script><img src="http://127.0.0.1:9/x.png">`;
    const path = join(work, 'script.pdf');
    writeFileSync(path, await app.runtime.printer.pdf(doc));
    const text = pdfText(path);
    expect(text).toContain('静态');
    expect(text).not.toContain('脚本已运行');
  });
});
