import { addDays } from '../electron/server/services/local-date';
import type { TestApp } from './support/app';
import { auditRows, createSetUpApp, errorCode, snapshot, validLoanInput } from './support/fixtures';
import { boxWithDocuments, lendingCast, type Cast } from './support/lending';

let app: TestApp;
let cast: Cast;
beforeEach(async () => {
  app = await createSetUpApp();
  cast = await lendingCast(app);
});
afterEach(() => app.close());

const state = () => snapshot(app.runtime.requireDb());

describe('a loan from request to a return with missing documents', () => {
  it('request → approve with copy permission → hand out → renew → return damaged with missing documents → incident → history', async () => {
    const box = await boxWithDocuments(app, cast.custodian);
    const requested = await app.ok(
      'loan-request',
      validLoanInput({ boxCode: box.code, loanType: 'long', days: 7, copyRequested: true, purpose: '核对装修押金' }),
      cast.clerk,
    );
    expect((await app.ok('loan-dashboard', {}, cast.manager)).awaitingApproval).toBe(1);

    const approved = await app.ok('loan-decide', { id: requested.id, approve: true, copyAllowed: true, reason: '同意，可复印装修资料' }, cast.manager);
    expect(approved).toMatchObject({ status: 'approved', copyAllowed: true, decidedByName: 'manager-测试' });

    const out = await app.ok('loan-hand-out', { id: requested.id }, cast.clerk);
    expect((await app.ok('box-get', { id: box.id }, cast.auditor)).box.status).toBe('on_loan');

    const asked = await app.ok('loan-renewal-request', { loanId: out.id, days: 3, reason: '审计延期' }, cast.clerk);
    const renewed = await app.ok('loan-renewal-decide', { id: asked.renewals[0].id, approve: true, reason: '' }, cast.manager);
    expect(renewed.dueDate).toBe(addDays(out.dueDate!, 3));

    const returned = await app.ok(
      'loan-return',
      {
        id: out.id,
        condition: 'documents_missing',
        missingDocumentIds: [box.documentIds[0]],
        incident: { description: '消防验收单缺失', responsible: '王芳（财务部）', followUp: '三日内找回，否则书面说明' },
      },
      cast.custodian,
    );
    expect(returned).toMatchObject({ status: 'returned', returnCondition: 'documents_missing', receivedByName: 'custodian-测试' });
    expect(returned.incidents).toEqual([
      expect.objectContaining({
        boxId: box.id,
        loanId: out.id,
        kind: 'documents_missing',
        description: '消防验收单缺失',
        responsible: '王芳（财务部）',
        followUp: '三日内找回，否则书面说明',
        missingDocumentTitles: ['消防验收单'],
        status: 'open',
        createdByName: 'custodian-测试',
        closedAt: null,
      }),
    ]);
    // Back on the shelf, with the incident open.
    expect((await app.ok('box-get', { id: box.id }, cast.auditor)).box.status).toBe('in_stock');
    expect(await app.ok('loan-dashboard', {}, cast.auditor)).toMatchObject({ openIncidents: 1, out: 0, awaitingApproval: 0 });

    const history = await app.ok('loan-list', { boxId: box.id }, cast.auditor);
    expect(history.rows).toHaveLength(1);
    expect(history.rows[0]).toMatchObject({
      loanNo: requested.loanNo,
      copyAllowed: true,
      status: 'returned',
      renewals: [expect.objectContaining({ status: 'approved', days: 3 })],
      incidents: [expect.objectContaining({ status: 'open' })],
    });

    const actions = auditRows(app.runtime.requireDb())
      .filter((r) => r.entity === 'loan' || r.entity === 'incident')
      .map((r) => r.action);
    expect(actions).toEqual(['loan-request', 'loan-approve', 'loan-hand-out', 'loan-renewal-request', 'loan-renewal-approve', 'loan-return', 'incident-open']);
  });
});

describe('closing an incident', () => {
  async function openIncident() {
    const box = await boxWithDocuments(app, cast.custodian);
    const loan = await app.ok('loan-request', validLoanInput({ boxCode: box.code }), cast.clerk);
    await app.ok('loan-decide', { id: loan.id, approve: true, copyAllowed: false, reason: '' }, cast.manager);
    await app.ok('loan-hand-out', { id: loan.id }, cast.clerk);
    const back = await app.ok(
      'loan-return',
      { id: loan.id, condition: 'damaged', missingDocumentIds: [], incident: { description: '水渍', responsible: '王芳', followUp: '' } },
      cast.custodian,
    );
    return back.incidents[0];
  }

  it('closes with a resolution, by the custodian or the manager, once', async () => {
    const incident = await openIncident();
    const before = state();
    expect(errorCode(await app.call('incident-close', { id: incident.id, resolution: '  ' }, cast.custodian))).toBe('VALIDATION');
    for (const handle of [cast.clerk, cast.auditor, cast.admin])
      expect(errorCode(await app.call('incident-close', { id: incident.id, resolution: '已修复' }, handle))).toBe('FORBIDDEN');
    expect(errorCode(await app.call('incident-close', { id: 999, resolution: '已修复' }, cast.manager))).toBe('NOT_FOUND');
    expect(state()).toEqual(before);

    const closed = await app.ok('incident-close', { id: incident.id, resolution: '已修复，责任人书面检讨' }, cast.manager);
    expect(closed).toMatchObject({ status: 'closed', resolution: '已修复，责任人书面检讨' });
    expect(closed.closedAt).not.toBeNull();
    expect((await app.ok('loan-dashboard', {}, cast.auditor)).openIncidents).toBe(0);
    const after = state();
    expect(errorCode(await app.call('incident-close', { id: incident.id, resolution: '再次' }, cast.custodian))).toBe('INCIDENT_CLOSED');
    expect(state()).toEqual(after);
    expect(auditRows(app.runtime.requireDb()).at(-1)).toMatchObject({ action: 'incident-close', entity: 'incident', entityId: String(incident.id) });
  });

  it("lists a box's incidents newest first, open or closed, page by page", async () => {
    const first = await openIncident();
    const second = await openIncident();
    await app.ok('incident-close', { id: first.id, resolution: '已修复' }, cast.custodian);
    expect((await app.ok('incident-list', { boxId: first.boxId }, cast.auditor)).rows.map((i) => [i.id, i.status])).toEqual([[first.id, 'closed']]);
    expect((await app.ok('incident-list', { status: 'open' }, cast.clerk)).rows.map((i) => i.id)).toEqual([second.id]);
    const page1 = await app.ok('incident-list', { limit: 1 }, cast.auditor);
    expect(page1.rows.map((i) => i.id)).toEqual([second.id]);
    expect(await app.ok('incident-list', { limit: 1, cursor: page1.nextCursor! }, cast.auditor)).toEqual({
      rows: [expect.objectContaining({ id: first.id, resolution: '已修复' })],
      nextCursor: null,
    });
  });
});
