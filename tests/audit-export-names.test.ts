import type { TestApp } from './support/app';
import { createBox, createSetUpApp, validLoanInput } from './support/fixtures';
import { lendingCast, type Cast } from './support/lending';

let app: TestApp;
let cast: Cast;
beforeEach(async () => {
  app = await createSetUpApp();
  cast = await lendingCast(app);
});
afterEach(() => app.close());

/** Issue #19: the audit export names records and people as the viewer does, the stored values beside them. */
describe('audit export names', () => {
  it('names the loan by its number and the ids in its changes by the people they are', async () => {
    const box = await createBox(app);
    const loan = await app.ok('loan-request', validLoanInput({ boxCode: box.code }), cast.clerk);
    await app.ok('loan-decide', { id: loan.id, approve: true, copyAllowed: false, reason: '' }, cast.manager);

    const file = await app.ok('audit-export', { format: 'csv', action: 'loan-approve' }, cast.auditor);
    const lines = Buffer.from(file.base64, 'base64').toString('utf8').split('\r\n');
    const header = lines[0].replace('\uFEFF', '').split(',');
    expect(header.slice(header.indexOf('对象'), header.indexOf('对象') + 2)).toEqual(['对象', '对象编号']);
    expect(header[header.indexOf('变更内容') + 1]).toBe('关联编号');
    const approval = lines.find((l) => l.includes('批准借阅'))!;
    // The record by its number, its stored id in 对象编号; the approver's id named.
    expect(approval).toContain(`,借阅 ${loan.loanNo},${loan.id},`);
    expect(approval).toContain(`用户账户 ${cast.managerId}：manager-测试`);
  });
});
