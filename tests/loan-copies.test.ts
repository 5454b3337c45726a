import type { CallInput } from '../electron/core/contract';
import { addDays, localDate } from '../electron/server/services/local-date';
import type { TestApp } from './support/app';
import { auditRows, createSetUpApp, errorCode, snapshot, validLoanInput } from './support/fixtures';
import { boxWithDocuments, lendingCast, type Cast } from './support/lending';

let app: TestApp;
let cast: Cast;
let box: { id: number; code: string; documentIds: number[] };
beforeEach(async () => {
  app = await createSetUpApp();
  cast = await lendingCast(app);
  box = await boxWithDocuments(app, cast.custodian);
});
afterEach(() => app.close());

const state = () => snapshot(app.runtime.requireDb());

/** A loan that asked for copying, approved with (or without) the consent, and handed out unless told not to. */
async function loan({ copyAllowed = true, handOut = true } = {}) {
  const requested = await app.ok('loan-request', validLoanInput({ boxCode: box.code, copyRequested: true }), cast.clerk);
  const decided = await app.ok('loan-decide', { id: requested.id, approve: true, copyAllowed, reason: '' }, cast.manager);
  return handOut ? app.ok('loan-hand-out', { id: requested.id }, cast.clerk) : decided;
}

const copyInput = (loanId: number, over: Partial<CallInput<'loan-copy-register'>> = {}): CallInput<'loan-copy-register'> => ({
  loanId,
  kind: 'copy',
  description: '消防验收单复印件',
  documentIds: [box.documentIds[0]],
  pages: 2,
  copies: 1,
  madeBy: '王芳',
  madeOn: localDate(),
  ...over,
});

async function refusedUnchanged(result: Promise<{ ok: boolean; error?: { code: string; params?: unknown } }>, code: string, params?: unknown) {
  const before = state();
  const answer = await result;
  expect(errorCode(answer)).toBe(code);
  if (params) expect(answer.error?.params).toEqual(params);
  expect(state()).toEqual(before);
}

describe('复制/摘抄登记 (§4.6.2)', () => {
  it('registers a copy on a loan out with the consent, with the documents’ titles, and audits it under the loan', async () => {
    const out = await loan();
    const after = await app.ok('loan-copy-register', copyInput(out.id, { pages: 4, copies: 2, madeBy: ' 王  芳 ' }), cast.clerk);
    expect(after.copies).toEqual([
      expect.objectContaining({ kind: 'copy', description: '消防验收单复印件', documentTitles: ['消防验收单'], pages: 4, copies: 2, madeBy: '王 芳' }),
    ]);
    expect(after.copies[0].createdByName).toBe('clerk-测试');
    const excerpt = await app.ok('loan-copy-register', copyInput(out.id, { kind: 'excerpt', documentIds: [], description: '摘抄押金条款' }), cast.custodian);
    expect(excerpt.copies.map((c) => c.kind)).toEqual(['copy', 'excerpt']);

    const entry = auditRows(app.runtime.requireDb()).find((r) => r.action === 'loan-copy-register')!;
    expect([entry.entity, entry.entityId, entry.boxCode, entry.actorName]).toEqual(['loan', String(out.id), box.code, 'clerk-测试']);
    expect(JSON.parse(entry.changes).after).toMatchObject({ pages: 4, copies: 2, madeBy: '王 芳', documentTitles: ['消防验收单'] });
  });

  it('refuses a loan approved without the copy consent (LOAN_COPY_NOT_ALLOWED), changing nothing', async () => {
    const out = await loan({ copyAllowed: false });
    await refusedUnchanged(app.call('loan-copy-register', copyInput(out.id), cast.clerk), 'LOAN_COPY_NOT_ALLOWED');
  });

  it('refuses before the hand-out and after the return (LOAN_COPY_NOT_OUT with the status)', async () => {
    const approved = await loan({ handOut: false });
    await refusedUnchanged(app.call('loan-copy-register', copyInput(approved.id), cast.clerk), 'LOAN_COPY_NOT_OUT', { status: 'approved' });
    await app.ok('loan-hand-out', { id: approved.id }, cast.clerk);
    await app.ok(
      'loan-return',
      { id: approved.id, condition: 'intact', missingDocumentIds: [], incident: { description: '', responsible: '', followUp: '' } },
      cast.custodian,
    );
    await refusedUnchanged(app.call('loan-copy-register', copyInput(approved.id), cast.clerk), 'LOAN_COPY_NOT_OUT', { status: 'returned' });
  });

  it('refuses a document of another box, a date after today or before the hand-out, and zero pages', async () => {
    const out = await loan();
    const other = await boxWithDocuments(app, cast.custodian);
    const issues = async (over: Partial<CallInput<'loan-copy-register'>>) => {
      const before = state();
      const result = await app.call('loan-copy-register', copyInput(out.id, over), cast.clerk);
      expect(errorCode(result)).toBe('VALIDATION');
      expect(state()).toEqual(before);
      return (result as unknown as { error: { issues: { path: string[]; message: string }[] } }).error.issues.map((i) => [i.path.join('.'), i.message]);
    };
    expect(await issues({ documentIds: [other.documentIds[0]] })).toEqual([['documentIds', 'v.documentNotInBox']]);
    expect(await issues({ madeOn: addDays(localDate(), 1) })).toEqual([['madeOn', 'v.copyDate']]);
    expect(await issues({ madeOn: addDays(localDate(), -1) })).toEqual([['madeOn', 'v.copyDate']]);
    expect((await issues({ pages: 0 })).map(([path]) => path)).toEqual(['pages']);
  });

  it('lets only the desk (clerk, custodian) register copies', async () => {
    const out = await loan();
    for (const handle of [cast.manager, cast.auditor, cast.admin])
      await refusedUnchanged(app.call('loan-copy-register', copyInput(out.id), handle), 'FORBIDDEN');
  });
});
