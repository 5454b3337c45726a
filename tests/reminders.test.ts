import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { users } from '../db/schema';
import { chinaPhone, isoMonth } from '../electron/core/contract/fields';
import { phoneText } from '../electron/core/phone-text';
import { localDate, monthDays } from '../electron/server/services/local-date';
import type { TestApp } from './support/app';
import { auditRows, createBox, createSetUpApp, errorCode, snapshot, validSettings } from './support/fixtures';
import { lendingCast, loanOut, type Cast } from './support/lending';

/** Kept after the run (test-results/ is ignored by git) so a person can look at the notices. */
const OUT = resolve(__dirname, '..', 'test-results', 'reminders');

// The desk is in Beijing, eight hours ahead of UTC: its calendar, not UTC's, decides what is due.
const savedTz = process.env.TZ;
let app: TestApp;
let cast: Cast;
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
  mkdirSync(OUT, { recursive: true });
});
afterAll(() => {
  process.env.TZ = savedTz;
});
beforeEach(async () => {
  app = await createSetUpApp();
  cast = await lendingCast(app);
});
afterEach(() => {
  vi.useRealTimers();
  app.close();
});

/** A local wall-clock time on the desk's calendar. */
const at = (dateTime: string) => vi.setSystemTime(new Date(dateTime.includes('T') ? dateTime : `${dateTime}T12:00:00`));
const returnLoan = (id: number) =>
  app.ok('loan-return', { id, condition: 'intact', missingDocumentIds: [], incident: { description: '', responsible: '', followUp: '' } }, cast.custodian);
const wangFang = { kind: 'person', name: '王芳', phone: '0571-88881234' } as const;
const liLei = { kind: 'person', department: '工程部', name: '李雷', phone: '13900002222' } as const;
const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
const save = (base64: string, name: string) => {
  const path = join(OUT, name);
  writeFileSync(path, Buffer.from(base64, 'base64'));
  return path;
};
const userId = (username: string) => app.runtime.requireDb().select().from(users).where(eq(users.username, username)).get()!.id;

/**
 * On 4 May (local): 王芳 borrows three boxes (due 5th, 7th, 11th), 李雷 one (due 7th), the auditor
 * (an account) one due the 7th; 王芳's box due the 5th comes back… depending on the test.
 */
async function lendingWeek() {
  vi.useFakeTimers({ toFake: ['Date'] });
  at('2026-05-04');
  const box = async (title: string) => (await createBox(app, { title })).code;
  const early = await loanOut(app, cast, await box('2019 年租户押金台账'), { days: 1 });
  const tomorrow = await loanOut(app, cast, await box('员工花名册'), { days: 3 });
  const later = await loanOut(app, cast, await box('工程图纸'), { loanType: 'long', days: 7 });
  const li = await loanOut(app, cast, await box('消防检查记录'), { borrower: liLei, days: 3 });
  const own = await loanOut(app, cast, await box('审计底稿'), { borrower: { kind: 'user', userId: userId('auditor') }, days: 3 });
  return { early, tomorrow, later, li, own };
}

describe('the daily reminder list 催还清单', () => {
  it('lists loans due tomorrow and overdue by borrower, with days overdue; not what is due later or returned', async () => {
    const { early, tomorrow, later, li, own } = await lendingWeek();
    at('2026-05-06');
    const list = await app.ok('reminder-list', {}, cast.clerk);
    expect(list).toMatchObject({ today: '2026-05-06', tomorrow: '2026-05-07', overdue: 1, dueTomorrow: 3 });
    // The borrower with an overdue loan first; then the rest by name (Chinese order, names in letters after).
    expect(list.borrowers.map((b) => [b.borrower.name, b.overdue, b.dueTomorrow])).toEqual([
      ['王芳', 1, 1],
      ['李雷', 0, 1],
      ['auditor-测试', 0, 1],
    ]);
    const wang = list.borrowers[0];
    expect(wang.ref).toEqual({ kind: 'person', name: '王芳', phone: '057188881234' });
    expect(wang.loans.map((l) => [l.loanNo, l.boxCode, l.lentOn, l.dueDate, l.daysOverdue])).toEqual([
      [early.loanNo, early.boxCode, '2026-05-04', '2026-05-05', 1],
      [tomorrow.loanNo, tomorrow.boxCode, '2026-05-04', '2026-05-07', 0],
    ]);
    expect(wang.loans.map((l) => l.loanId)).not.toContain(later.id);
    expect(list.borrowers[2].ref).toEqual({ kind: 'user', userId: userId('auditor') });
    expect(list.borrowers[1].borrower).toMatchObject({ department: '工程部', phone: '13900002222' });

    // Returned loans leave the list; a borrower with nothing left leaves it too.
    await returnLoan(early.id);
    await returnLoan(li.id);
    const after = await app.ok('reminder-list', {}, cast.manager);
    expect(after).toMatchObject({ overdue: 0, dueTomorrow: 2 });
    expect(after.borrowers.map((b) => b.borrower.name)).toEqual(['王芳', 'auditor-测试']);
    expect(after.borrowers.flatMap((b) => b.loans.map((l) => l.loanId))).toEqual([tomorrow.id, own.id]);
    expect(errorCode(await app.call('reminder-list', {}, cast.admin))).toBe('FORBIDDEN');
  });

  it('turns at local midnight, not at UTC midnight', async () => {
    const { early, tomorrow } = await lendingWeek();
    // 23:30 on the 6th in Beijing is 15:30 UTC: the 5th's loan is 1 day overdue, the 7th's due tomorrow.
    at('2026-05-06T23:30:00');
    let list = await app.ok('reminder-list', {}, cast.clerk);
    expect([list.today, list.overdue, list.dueTomorrow]).toEqual(['2026-05-06', 1, 3]);
    // 00:30 on the 7th in Beijing is still the 6th in UTC: the desk's day has turned.
    at('2026-05-07T00:30:00');
    expect(new Date().toISOString().slice(0, 10)).toBe('2026-05-06');
    list = await app.ok('reminder-list', {}, cast.clerk);
    expect(list.today).toBe('2026-05-07');
    // Due today is neither: the 7th's loans wait for the day to end; the 11th's is not near.
    expect([list.overdue, list.dueTomorrow]).toEqual([1, 0]);
    expect(list.borrowers.flatMap((b) => b.loans).map((l) => [l.loanId, l.daysOverdue])).toEqual([[early.id, 2]]);
    at('2026-05-08T00:01:00');
    const loans = (await app.ok('reminder-list', {}, cast.clerk)).borrowers.flatMap((b) => b.loans);
    expect(loans.find((l) => l.loanId === tomorrow.id)?.daysOverdue).toBe(1);
  });
});

describe('the 催还通知单', () => {
  it('prints one A4 notice per borrower with the loans, due dates, days overdue and the desk’s phone, recorded per loan', async () => {
    await app.ok('settings-update', validSettings({ deskPhone: '0571-8765 4321' }), cast.admin);
    const { early, tomorrow, own } = await lendingWeek();
    at('2026-05-06');
    const before = auditRows(app.runtime.requireDb()).length;
    const file = await app.ok('reminder-notice-pdf', { borrowers: [wangFang] }, cast.clerk);
    expect(file).toMatchObject({ mimeType: 'application/pdf', fileName: '催还通知单-CH-2026-0001.pdf' });
    const path = save(file.base64, 'notice.pdf');
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n[\s\S]*Page size:.*\(A4\)/);
    const text = pdfText(path);
    for (const expected of [
      '万象广场运营部',
      '催还通知单',
      '编号：CH-2026-0001',
      '王芳',
      '财务部',
      '0571-88881234',
      '通知日期',
      '2026-05-06',
      early.loanNo,
      early.boxCode,
      '2019 年租户押金台账',
      tomorrow.boxCode,
      '2026-05-05',
      '2026-05-07',
      '逾期 1 天',
      '明天到期',
      '档案室电话',
      '0571-87654321',
      '借阅人签收',
      '日期：',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain(own.boxCode);
    const entries = auditRows(app.runtime.requireDb()).slice(before);
    expect(entries.map((e) => [e.action, e.entity, e.entityId, e.boxCode])).toEqual([
      ['print', 'loan', String(early.id), early.boxCode],
      ['print', 'loan', String(tomorrow.id), tomorrow.boxCode],
    ]);
    expect(JSON.parse(entries[0].changes!)).toMatchObject({ after: { form: '催还通知单', formNo: 'CH-2026-0001', borrower: '王芳', daysOverdue: 1 } });
    // Page 1 as an image, for a person to look at (test-results/reminders/notice-1.png).
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', path, join(OUT, 'notice-1')]);
    expect(existsSync(join(OUT, 'notice-1.png'))).toBe(true);
  });

  it('prints every borrower of the list at once, each on its own sheet and number', async () => {
    await lendingWeek();
    at('2026-05-06');
    const list = await app.ok('reminder-list', {}, cast.custodian);
    const file = await app.ok('reminder-notice-pdf', { borrowers: list.borrowers.map((b) => b.ref) }, cast.custodian);
    const path = save(file.base64, 'notices-all.pdf');
    expect(file.fileName).toBe('催还通知单-2026-05-06-3份.pdf');
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Pages:\s+3\n/);
    const pages = pdfText(path).split('\f');
    expect(pages[0]).toContain('CH-2026-0001');
    expect(pages[0]).toContain('王芳');
    expect(pages[1]).toContain('CH-2026-0002');
    expect(pages[1]).toContain('李雷');
    expect(pages[2]).toContain('auditor-测试');
    // No desk phone set yet: the line is left to write in.
    expect(pages[2]).toMatch(/档案室电话\s*\n/);
  });

  it('refuses a borrower with nothing due, in their name, and prints nothing, not even a number', async () => {
    const { li } = await lendingWeek();
    at('2026-05-06');
    await returnLoan(li.id);
    const db = app.runtime.requireDb();
    const before = snapshot(db);
    const refused = await app.call('reminder-notice-pdf', { borrowers: [wangFang, { kind: 'person', name: '李雷', phone: '139 0000 2222' }] }, cast.clerk);
    expect(refused).toMatchObject({ ok: false, error: { code: 'REMINDER_NOTHING_DUE', params: { name: '李雷' } } });
    const nobody = await app.call('reminder-notice-pdf', { borrowers: [{ kind: 'user', userId: userId('manager') }] }, cast.clerk);
    expect(nobody).toMatchObject({ ok: false, error: { code: 'REMINDER_NOTHING_DUE', params: { name: 'manager-测试' } } });
    expect(snapshot(db)).toEqual(before);
    for (const bad of [{ borrowers: [] }, { borrowers: [{ kind: 'person', name: '  ', phone: '1' }] }, { borrowers: [{ kind: 'user', userId: 0 }] }, {}])
      expect(errorCode(await app.call('reminder-notice-pdf', bad, cast.clerk))).toBe('VALIDATION');
    expect(errorCode(await app.call('reminder-notice-pdf', { borrowers: [wangFang] }, cast.auditor))).toBe('FORBIDDEN');
    expect(snapshot(db)).toEqual(before);
  });
});

describe('the desk phone 值班电话', () => {
  it.each([
    ['13800001111', '138 0000 1111'],
    ['+86 138 0000 1111', '+86 138 0000 1111'],
    ['0571-88881234', '0571-88881234'],
    ['(010) 6552 9988', '010-65529988'],
    ['020-8888123', '020-8888123'],
  ])('takes %j, printed as %j', (typed, printed) => {
    expect(phoneText(chinaPhone.parse(typed))).toBe(printed);
  });

  it.each(['12345', '8001', '23800001111', '0571-1234', '电话', '+1 415 555 0100'])('refuses %j as not a number in China', (typed) => {
    expect(chinaPhone.safeParse(typed).error?.issues.map((i) => i.message)).toEqual([expect.stringMatching(/^v\.(chinaPhone|phone)$/)]);
  });

  it('is kept in the settings, blank until set, and refused when not a phone', async () => {
    expect((await app.ok('settings-get', {}, cast.clerk)).deskPhone).toBe('');
    const refused = await app.call('settings-update', validSettings({ deskPhone: '8001' }), cast.admin);
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['deskPhone'], message: 'v.chinaPhone' }] } });
    await app.ok('settings-update', validSettings({ deskPhone: '138 0000 1111' }), cast.admin);
    expect((await app.ok('settings-get', {}, cast.clerk)).deskPhone).toBe('13800001111');
  });
});

describe('retention ending in a month', () => {
  it('lists the boxes whose retention ends in the month asked for, and the held ones apart with their holds', async () => {
    const box = (title: string, retentionStart: string) => createBox(app, { kind: 'other', title, retentionClass: 'y10', retentionStart, locationId: null });
    const first = await box('2016 年工作日志', '2016-05-01');
    const last = await box('2016 年来往函件', '2016-05-31');
    const held = await box('2016 年合同纠纷材料', '2016-05-15');
    await box('2016 年四月', '2016-04-30');
    await box('2016 年六月', '2016-06-01');
    await app.ok('hold-place', { boxId: held.id, reason: '合同纠纷诉讼中' }, cast.custodian);
    const may = await app.ok('retention-report', { month: '2026-05' }, cast.custodian);
    expect(may).toMatchObject({ by: '2026-05-31', month: '2026-05', heldExcluded: 1 });
    expect(may.rows.map((r) => [r.code, r.kind, r.retentionEnd, r.location])).toEqual([
      [first.code, 'other', '2026-05-01', ''],
      [last.code, 'other', '2026-05-31', ''],
    ]);
    expect(may.held).toEqual([
      expect.objectContaining({ code: held.code, retentionEnd: '2026-05-15', holdReason: '合同纠纷诉讼中', heldByName: 'custodian-测试' }),
    ]);
    // The report up to a date is as it was, with the held box apart too.
    const byDate = await app.ok('retention-report', { by: '2026-05-20' }, cast.custodian);
    expect(byDate.month).toBeNull();
    expect(byDate.rows.map((r) => r.code)).toEqual(expect.arrayContaining([first.code]));
    expect(byDate.rows.map((r) => r.code)).not.toContain(last.code);
  });

  it('refuses a month that is not one, or both a month and a date', async () => {
    for (const month of ['2026-13', '2026-00', '2026-5', '五月'])
      expect(await app.call('retention-report', { month }, cast.custodian)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', issues: [{ path: ['month'], message: 'v.month' }] },
      });
    expect(errorCode(await app.call('retention-report', { month: '2026-05', by: '2026-05-01' }, cast.custodian))).toBe('VALIDATION');
    expect(errorCode(await app.call('retention-report', {}, cast.custodian))).toBe('VALIDATION');
    expect(isoMonth.safeParse('2026-12').success).toBe(true);
    expect(monthDays('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
  });
});

describe('what concerns each person (reminder-mine)', () => {
  it('gives the desk its chasing, the custodian the month’s retention and holds, a borrower their own loans', async () => {
    const { own } = await lendingWeek();
    const ends = await createBox(app, { kind: 'other', retentionClass: 'y10', retentionStart: '2016-05-20' });
    const held = await createBox(app, { kind: 'other', retentionClass: 'y10', retentionStart: '2016-05-21' });
    await app.ok('hold-place', { boxId: held.id, reason: '审计中' }, cast.manager);
    at('2026-05-06');
    expect(localDate()).toBe('2026-05-06');
    expect(await app.ok('reminder-mine', {}, cast.clerk)).toEqual({ desk: { dueTomorrow: 3, overdue: 1 }, custody: null, own: [] });
    expect(await app.ok('reminder-mine', {}, cast.custodian)).toMatchObject({
      desk: { dueTomorrow: 3, overdue: 1 },
      custody: { month: '2026-05', retentionEnding: 1, heldEnding: 1 },
    });
    const auditor = await app.ok('reminder-mine', {}, cast.auditor);
    expect(auditor).toMatchObject({ desk: null, custody: null });
    expect(auditor.own.map((l) => [l.loanId, l.dueDate, l.daysOverdue])).toEqual([[own.id, '2026-05-07', 0]]);
    expect(await app.ok('reminder-mine', {}, cast.manager)).toEqual({ desk: null, custody: null, own: [] });
    expect(ends.code).not.toBe(held.code);
  });
});
