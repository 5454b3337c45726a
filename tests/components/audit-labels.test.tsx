import { LANGUAGES } from '../../electron/core/vocabulary';
import { auditFieldLabel, auditValueText, parseChanges } from '../../electron/core/vocabulary/audit-changes';
import type { TestBridge } from '../support/bridge';
import { createBox } from '../support/fixtures';
import { approvedTransfer, custodyCast, expiredBox, signOff, validExecution } from '../support/custody';
import { loanOut } from '../support/lending';
import { bridgeSignedInAs } from './catalogue-fixtures';
let bridge: TestBridge;
beforeEach(async () => {
  bridge = await bridgeSignedInAs('auditor');
});
afterEach(() => bridge.close());

/**
 * Issue #19: the viewer names every field the services record for loans, incidents, transfers,
 * destructions and inspections in the user's words; a field the services start writing without a
 * label fails here, in both languages.
 */
describe('audit field labels of real entries', { timeout: 90_000 }, () => {
  it('labels every field of incident, transfer, destruction and inspection entries, and names the people', async () => {
    const app = bridge.app;
    const cast = await custodyCast(app);
    // A loan returned damaged (an incident), closed; with a copy registered while out.
    const lent = await createBox(app);
    const out = await loanOut(app, cast, lent.code, { copyRequested: true });
    await app.ok(
      'loan-return',
      { id: out.id, condition: 'damaged', missingDocumentIds: [], incident: { description: '封面破损', responsible: '王芳', followUp: '修补' } },
      cast.custodian,
    );
    const incident = (await app.ok('loan-get', { id: out.id }, cast.clerk)).incidents[0];
    await app.ok('incident-close', { id: incident.id, resolution: '已修补' }, cast.manager);
    // A transfer made, approved and signed off; a destruction proposed, approved and carried out; an inspection.
    const moved = await createBox(app);
    const transfer = await approvedTransfer(app, cast, [moved.code]);
    await app.ok('transfer-sign-off', signOff(transfer.id), cast.clerk);
    const old = await expiredBox(app);
    const destruction = await app.ok('destruction-propose', { boxCodes: [old.code], reason: '保管期限已满' }, cast.custodian);
    await app.ok('destruction-decide', { id: destruction.id, approve: true, reason: '' }, cast.manager);
    await app.ok('destruction-execute', validExecution(destruction.id), cast.custodian);
    const inspection = await app.ok('inspection-start', {}, cast.custodian);
    const item = inspection.items[0];
    await app.ok(
      'inspection-check',
      { itemId: item.id, present: true, complete: false, correctlyFiled: true, condition: 'damp', note: '受潮', followUpOwner: '王芳' },
      cast.custodian,
    );

    const { rows } = await app.ok('audit-list', { limit: 200 }, cast.auditor);
    const entities = ['loan', 'incident', 'transfer', 'destruction', 'inspection', 'follow-up'];
    const unlabelled = new Set<string>();
    for (const lang of LANGUAGES) {
      for (const row of rows.filter((r) => entities.includes(r.entity))) {
        const changes = parseChanges(row.changes);
        if (changes.kind !== 'fields' && changes.kind !== 'record') continue;
        for (const line of changes.lines) if (auditFieldLabel(row.entity, line.field, lang) === line.field) unlabelled.add(`${row.entity}.${line.field}`);
      }
    }
    expect([...unlabelled]).toEqual([]);

    // The record by its own number, the people by name.
    const approval = rows.find((r) => r.action === 'loan-approve')!;
    expect(approval.objectNo).toBe(out.loanNo);
    expect(auditValueText('decidedBy', cast.managerId, 'zh-CN', 'loan', approval.refs)).toBe('manager-测试');
    const proposal = rows.find((r) => r.action === 'destruction-propose' && r.entity === 'destruction')!;
    expect(proposal.objectNo).toBe(destruction.registerNo);
    expect(proposal.objectNo).toMatch(/^XH-\d{4}-\d{4}$/);
    expect(rows.find((r) => r.action === 'transfer-sign-off' && r.entity === 'transfer')!.objectNo).toBe(transfer.transferNo);
    expect(rows.find((r) => r.action === 'inspection-start')!.objectNo).toBe(inspection.month);
    const opened = rows.find((r) => r.action === 'incident-open')!;
    const loanLine = (parseChanges(opened.changes) as { lines: { field: string; after: unknown }[] }).lines.find((l) => l.field === 'loanId')!;
    expect(auditFieldLabel('incident', 'loanId', 'zh-CN')).toBe('借阅单号');
    expect(auditValueText('loanId', loanLine.after, 'zh-CN', 'incident', opened.refs)).toBe(out.loanNo);
    expect(auditValueText('createdBy', cast.custodianId, 'zh-CN', 'incident', opened.refs)).toBe('custodian-测试');
    expect(auditValueText('kind', 'damaged', 'zh-CN', 'incident')).toBe('损毁');
  });
});
