import { execFileSync } from 'node:child_process';
import { localDate } from '../electron/server/services/local-date';
import type { TestApp } from './support/app';
import { custodyCast, goodCheck, expiredBox, type CustodyCast } from './support/custody';
import { createBox, createSetUpApp, errorCode } from './support/fixtures';
import { loanOut } from './support/lending';

let app: TestApp;
let cast: CustodyCast;
beforeEach(async () => {
  app = await createSetUpApp();
  cast = await custodyCast(app);
});
afterEach(() => app.close());

/** Sets when a stocktake was completed, as if it had been done that long ago. */
const completedOn = (id: number, at: string) => app.runtime.requireDb().$client.prepare('UPDATE inspections SET completed_at = ? WHERE id = ?').run(at, id);

describe('full stocktake 全面盘点', () => {
  it('is due when never done, walks every box on the shelves (awaiting destruction too, not those lent), besides the monthly check', async () => {
    const shelved = await createBox(app);
    const expiring = await expiredBox(app);
    await app.ok('destruction-propose', { boxCodes: [expiring.code], reason: '保管期限已满' }, cast.custodian);
    const lent = await createBox(app, { volume: 2 });
    await loanOut(app, cast, lent.code);

    expect(await app.ok('stocktake-status', {}, cast.manager)).toEqual({ last: null, findings: [], open: null, due: true });
    const monthly = await app.ok('inspection-start', {}, cast.custodian);
    expect(monthly.items.map((i) => i.code)).toEqual([shelved.code]);
    const full = await app.ok('inspection-start', { kind: 'full' }, cast.custodian);
    expect(full).toMatchObject({ kind: 'full', month: localDate().slice(0, 7), status: 'open' });
    expect(full.items.map((i) => i.code).sort()).toEqual([shelved.code, expiring.code].sort());
    expect(await app.call('inspection-start', { kind: 'full' }, cast.custodian)).toMatchObject({
      ok: false,
      error: { code: 'INSPECTION_EXISTS', params: { kind: 'full' } },
    });
    // The month's check is the monthly one, whatever else is open.
    expect((await app.ok('inspection-status', {}, cast.clerk)).current?.id).toBe(monthly.id);
    expect(await app.ok('stocktake-status', {}, cast.auditor)).toMatchObject({ last: null, open: { id: full.id, kind: 'full' }, due: true });
    expect(errorCode(await app.call('stocktake-status', {}, cast.clerk))).toBe('FORBIDDEN');
  });

  it('says when the last one was and lists what it found; due again once it is more than a year old', async () => {
    const [a, b] = [await createBox(app), await createBox(app, { volume: 2 })];
    const full = await app.ok('inspection-start', { kind: 'full' }, cast.custodian);
    const itemOf = (code: string) => full.items.find((i) => i.code === code)!.id;
    await app.ok('inspection-check', goodCheck(itemOf(a.code)), cast.custodian);
    await app.ok('inspection-check', { ...goodCheck(itemOf(b.code)), present: false, note: '架上未找到', followUpOwner: '李强' }, cast.custodian);
    await app.ok('inspection-complete', { id: full.id }, cast.custodian);

    const done = await app.ok('stocktake-status', {}, cast.manager);
    expect(done).toMatchObject({ last: { id: full.id, kind: 'full', checked: 2, withFindings: 1 }, open: null, due: false });
    expect(done.findings.map((f) => [f.boxCode, f.findings, f.owner, f.note])).toEqual([[b.code, ['missing_box'], '李强', '架上未找到']]);

    // Its printed record is the stocktake's own, with every box counted.
    const record = await app.ok('inspection-record-pdf', { id: full.id }, cast.auditor);
    expect(record.fileName).toBe(`档案全面盘点记录-${localDate().slice(0, 7)}.pdf`);
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(record.base64, 'base64') }).toString();
    for (const expected of ['档案全面盘点记录', '全面盘点：除每月检查外每年至少一次', a.code, b.code, '架上未找到']) expect(text).toContain(expected);

    const [y, m, d] = localDate().split('-').map(Number);
    const day = (years: number, days: number) => new Date(y - years, m - 1, d + days, 12).toISOString();
    completedOn(full.id, day(1, 1));
    expect((await app.ok('stocktake-status', {}, cast.manager)).due).toBe(false);
    completedOn(full.id, day(1, -1));
    expect(await app.ok('stocktake-status', {}, cast.manager)).toMatchObject({ last: { id: full.id }, due: true });
  });
});
