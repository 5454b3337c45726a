import ExcelJS from 'exceljs';
import { auditChangesText, auditFieldLabel, parseChanges } from '../electron/core/vocabulary/audit-changes';
import { entryHash } from '../electron/server/services/audit';
import { localDate } from '../electron/server/services/local-date';
import type { TestApp } from './support/app';
import { createBox, createSetUpApp } from './support/fixtures';
import { custodyCast, type CustodyCast } from './support/custody';
import { boxWithDocuments, loanOut } from './support/lending';

let app: TestApp;
let cast: CustodyCast;
beforeEach(async () => {
  app = await createSetUpApp();
  cast = await custodyCast(app);
});
afterEach(() => app.close());

type Row = Record<string, string | number | null>;

/** The export as a spreadsheet reads it: one object per entry, keyed by the header row. */
async function exportedRows(filters: { action?: string } = {}): Promise<Row[]> {
  const file = await app.ok('audit-export', { format: 'xlsx', ...filters } as never, cast.auditor);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(Buffer.from(file.base64, 'base64')).buffer);
  const sheet = workbook.getWorksheet('审计日志')!;
  const header = (sheet.getRow(1).values as string[]).slice(1);
  const rows: Row[] = [];
  sheet.eachRow((row, n) => {
    const values = (row.values as unknown[]).slice(1);
    // The footer lines under the table fill the first cell only.
    if (n > 1 && typeof values[0] === 'number') rows.push(Object.fromEntries(header.map((h, i) => [h, (values[i] ?? null) as string | number | null])));
  });
  return rows;
}

/** A loan handed out, returned with a document missing (an incident), a hold placed and lifted, an inspection finding. */
async function recordTheDesksWork() {
  const box = await boxWithDocuments(app, cast.custodian);
  const loan = await loanOut(app, cast, box.code);
  await app.ok(
    'loan-return',
    {
      id: loan.id,
      condition: 'documents_missing',
      missingDocumentIds: [box.documentIds[1]],
      incident: { description: '缺页', responsible: '王芳', followUp: '追回' },
    },
    cast.custodian,
  );
  const held = await createBox(app);
  const hold = await app.ok('hold-place', { boxId: held.id, reason: '押金纠纷' }, cast.custodian);
  await app.ok('hold-lift', { id: hold.id, reason: '纠纷已解决' }, cast.manager);
  const inspection = await app.ok('inspection-start', {}, cast.custodian);
  const item = inspection.items.find((i) => i.code === box.code)!;
  await app.ok(
    'inspection-check',
    { itemId: item.id, present: true, complete: false, correctlyFiled: true, condition: 'damp', note: '受潮', followUpOwner: '王芳' },
    cast.custodian,
  );
  return { box, loan, held, month: inspection.month };
}

/** Issue #19: the audit export reads as the viewer does, the entry as stored beside it. */
describe('audit export in words', { timeout: 60_000 }, () => {
  it('writes the changes in words, every id named, with no field code or stored value left', async () => {
    const { box, loan, held, month } = await recordTheDesksWork();
    const rows = await exportedRows();
    const header = Object.keys(rows[0]);
    expect(header.slice(0, 9)).toEqual(['序号', '时间', '操作人', '来源', '操作', '对象', '档案编号', '变更内容', '原始记录']);

    const handOut = rows.find((r) => r.操作 === '借出')!;
    expect(handOut.对象).toBe(`借阅 ${loan.loanNo}`);
    expect(String(handOut.变更内容).split('\n')).toEqual([
      '状态：已批准 → 借出中',
      expect.stringMatching(/^借出：— → \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      '经办人：— → clerk-测试',
      expect.stringMatching(/^应还日期：— → \d{4}-\d{2}-\d{2}$/),
      '档案状态：在库 → 借出',
    ]);
    // Ids inside a creation: the loan by its number, the missing item by its title, the finding's inspection by its month.
    const incident = String(rows.find((r) => r.操作 === '登记损毁/缺失事件')!.变更内容);
    expect(incident).toContain(`借阅单号：${loan.loanNo}`);
    expect(incident).toContain('缺失文件：装修竣工验收记录');
    expect(incident).toContain('事件类别：文件缺失');
    const finding = String(rows.find((r) => r.操作 === '登记检查问题')!.变更内容);
    expect(finding).toContain(`所属检查：${month}`);
    expect(finding).toContain(`检查项：${month} · ${box.code}`);
    expect(finding).toContain('检查发现：文件不齐全、保存状况异常');

    // Records without a number of their own: by their box and day, never by a bare id.
    const today = localDate();
    expect(rows.find((r) => r.操作 === '登记损毁/缺失事件')!.对象).toBe(`损毁/缺失事件 ${box.code} · ${today}`);
    expect(rows.find((r) => r.操作 === '解除冻结')!.对象).toBe(`冻结 ${held.code} · ${today}`);
    expect(rows.find((r) => r.操作 === '登记检查问题')!.对象).toBe(`检查问题跟进 ${box.code} · ${today}`);
    expect(rows.filter((r) => /#\d/.test(String(r.对象)))).toEqual([]);

    // No stored field name or code in the words of any entry: each field's line carries its label and worded values.
    for (const row of rows) {
      const changes = parseChanges(String(row.原始记录));
      if (changes.kind !== 'fields' && changes.kind !== 'record') continue;
      const lines = String(row.变更内容).split('\n');
      for (const line of changes.lines) {
        const where = `entry ${row.序号}, ${line.field}`;
        expect(
          lines.some((l) => l.startsWith(`${line.field}：`)),
          where,
        ).toBe(false);
        const label = auditFieldLabel(String(row.对象代码), line.field, 'zh-CN');
        const own = lines.filter((l) => l.startsWith(`${label}：`));
        // A user name is typed by the admin (admin, clerk…), not a stored code.
        if (line.field === 'username') continue;
        for (const value of [line.before, line.after].flat())
          if (typeof value === 'string' && /^[a-z][a-z_]+$/.test(value)) expect(own.join('\n'), where).not.toMatch(new RegExp(`[：、 ]${value}($|[、\n])`));
      }
    }
  });

  it('keeps each entry as stored, so its hash can be recomputed from the file alone', async () => {
    await recordTheDesksWork();
    const rows = await exportedRows();
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) {
      const stored = {
        seq: r.序号 as number,
        at: r.记录时间 as string,
        actorId: r.操作人编号 as number | null,
        actorName: r.操作人 as string,
        action: r.操作代码 as string,
        entity: r.对象代码 as string,
        entityId: r.对象编号 === null ? null : String(r.对象编号),
        boxCode: r.档案编号 as string | null,
        changes: r.原始记录 as string,
        clientAddress: r.来源地址 as string | null,
        clientName: r.来源名称 as string | null,
        prevHash: r.前一哈希 as string,
      };
      expect(entryHash(stored), `entry ${r.序号}`).toBe(r.哈希);
    }
  });

  it('reads the same entries in English where the viewer speaks it', async () => {
    const { loan } = await recordTheDesksWork();
    const { rows } = await app.ok('audit-list', { limit: 200 }, cast.auditor);
    const handOut = rows.find((r) => r.action === 'loan-hand-out')!;
    const text = auditChangesText(handOut, 'en').split('\n');
    expect(text[0]).toBe('Status: Approved → Out');
    expect(text).toContain('Handed out by: — → clerk-测试');
    expect(text).toContain('Box status: In stock → On loan');
    const opened = rows.find((r) => r.action === 'incident-open')!;
    expect(auditChangesText(opened, 'en')).toContain(`Loan no.: ${loan.loanNo}`);
    expect(auditChangesText(opened, 'en')).toContain('Incident kind: Documents missing');
  });
});
