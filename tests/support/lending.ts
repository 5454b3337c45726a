import type { CallInput } from '../../electron/core/contract';
import type { TestApp } from './app';
import { createBox, validLoanInput } from './fixtures';

/** The handles of the people lending involves, and the manager's and clerk's account ids. */
export async function lendingCast(app: TestApp) {
  const [clerk, custodian, manager, auditor, admin] = [
    await app.as('clerk'),
    await app.as('custodian'),
    await app.as('manager'),
    await app.as('auditor'),
    await app.as('admin'),
  ];
  const idOf = async (handle: string) => (await app.ok('session-current', {}, handle))!.id;
  return { clerk, custodian, manager, auditor, admin, managerId: await idOf(manager), clerkId: await idOf(clerk) };
}
export type Cast = Awaited<ReturnType<typeof lendingCast>>;

/** A box with two documents; returns its id, code and the documents' ids. */
export async function boxWithDocuments(app: TestApp, custodian: string): Promise<{ id: number; code: string; documentIds: number[] }> {
  const box = await createBox(app);
  const documentIds: number[] = [];
  for (const title of ['消防验收单', '装修竣工验收记录']) {
    const detail = await app.ok('box-document-add', { boxId: box.id, docDate: '2025-03-01', title, category: 'b', pages: 2, note: '' }, custodian);
    documentIds.push(detail.documents.find((d) => d.title === title)!.id);
  }
  return { ...box, documentIds };
}

/** Requested by the clerk, approved by the manager, handed out by the clerk: a loan that is out. */
export async function loanOut(app: TestApp, cast: Cast, boxCode: string, over: Partial<CallInput<'loan-request'>> = {}) {
  const loan = await app.ok('loan-request', validLoanInput({ boxCode, ...over }), cast.clerk);
  await app.ok('loan-decide', { id: loan.id, approve: true, copyAllowed: false, reason: '' }, cast.manager);
  return app.ok('loan-hand-out', { id: loan.id }, cast.clerk);
}
