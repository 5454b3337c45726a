import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { overviewOutput, type Overview } from '../electron/core/contract/overview';
import type { Role } from '../electron/core/enums';
import { addDays, localDate, localDayStart } from '../electron/server/services/local-date';
import type { TestApp } from './support/app';
import { createBox, createSetUpApp, snapshot, validOwnerInput } from './support/fixtures';
import { lendingCast, loanOut, type Cast } from './support/lending';

let app: TestApp;
let cast: Cast;
beforeEach(async () => {
  app = await createSetUpApp();
  cast = await lendingCast(app);
});
afterEach(() => app.close());

const today = localDate();
/** 'YYYY-MM' moved by whole months from this one. */
const month = (shift: number) => {
  const [y, m] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + shift, 1)).toISOString().slice(0, 7);
};
/** The last day of a month 'YYYY-MM'. */
const lastDay = (m: string) => {
  const [y, mm] = m.split('-').map(Number);
  return `${m}-${String(new Date(Date.UTC(y, mm, 0)).getUTCDate()).padStart(2, '0')}`;
};
const sqlite = () => app.runtime.requireDb().$client;
const overviewAs = async (role: Role): Promise<Overview> => overviewOutput.parse(await app.ok('overview', {}, await app.as(role)));

/**
 * A small archive whose every figure is known: two tenants on L1 and L2, four boxes (one of them
 * personnel, of no floor), three loans out and overdue, one cancelled request three months back,
 * one request 13 months back, retention ending next month and in three months, a room with readings.
 */
async function knownArchive() {
  const l1 = await app.ok('owner-create', validOwnerInput({ name: '万达影城', unitNo: 'L1-001', floor: 'L1' }), cast.custodian);
  const l2 = await app.ok('owner-create', validOwnerInput({ name: '星巴克', unitNo: 'L2-015', floor: 'L2' }), cast.custodian);
  // y10 from a start ten years before the day it should end on.
  const endingIn = (shift: number) => `${String(Number(month(shift).slice(0, 4)) - 10)}${month(shift).slice(4)}-15`;
  const tenant = { kind: 'tenant' as const, retentionClass: 'y10' as const };
  const a1 = await createBox(app, { ...tenant, ownerId: l1.id, volume: 1, title: '万达影城 租户档案', retentionStart: '2000-01-01' });
  const a2 = await createBox(app, { ...tenant, ownerId: l1.id, volume: 2, title: '万达影城 租户档案 2', retentionStart: endingIn(1) });
  const b1 = await createBox(app, { ...tenant, ownerId: l2.id, volume: 1, title: '星巴克 租户档案', retentionStart: endingIn(3) });
  const p1 = await createBox(app, { title: '人事档案 张伟' });

  const person = (department: string) => ({ borrower: { kind: 'person' as const, name: '王芳', department, phone: '13800000000' } });
  const out = [
    await loanOut(app, cast, a1.code, person('财务部')),
    await loanOut(app, cast, a2.code, person('工程部')),
    await loanOut(app, cast, p1.code, person('工程部')),
  ];
  const past = addDays(today, -5);
  for (const loan of out) sqlite().prepare('UPDATE loans SET due_date = ? WHERE id = ?').run(past, loan.id);

  const cancelled = await app.ok('loan-request', { ...validLoan(b1.code), ...person('工程部') }, cast.clerk);
  await app.ok('loan-cancel', { id: cancelled.id }, cast.clerk);
  sqlite()
    .prepare('UPDATE loans SET requested_at = ? WHERE id = ?')
    .run(localDayStart(`${month(-3)}-10`), cancelled.id);
  const old = await app.ok('loan-request', { ...validLoan(b1.code), ...person('工程部') }, cast.clerk);
  await app.ok('loan-cancel', { id: old.id }, cast.clerk);
  sqlite()
    .prepare('UPDATE loans SET requested_at = ? WHERE id = ?')
    .run(localDayStart(`${month(-13)}-10`), old.id);

  const room = await app.ok('location-room-create', { name: '一号库房' }, cast.custodian);
  const reading = (day: string, time: string, temperature: number, humidity: number) => ({
    roomId: room.id,
    readAt: `${day} ${time}`,
    temperature,
    humidity,
    note: '',
  });
  await app.ok('room-reading-add', reading(addDays(today, -1), '09:00', 20, 50), cast.custodian);
  await app.ok('room-reading-add', reading(addDays(today, -1), '15:00', 22, 52), cast.custodian);
  // Out of range: opens the room incident the manager sees first.
  await app.ok('room-reading-add', reading(today, '09:00', 19, 68), cast.custodian);
  // Older than 30 days: not drawn.
  await app.ok('room-reading-add', reading(addDays(today, -40), '09:00', 18, 50), cast.custodian);
  return { room, boxes: { a1, a2, b1, p1 } };
}

function validLoan(boxCode: string) {
  return { boxCode, purpose: '核对租户押金', loanType: 'short' as const, days: 3, copyRequested: false, note: '' };
}

describe('overview 概览', () => {
  it('counts every figure of a small known archive in the database', async () => {
    const { room } = await knownArchive();
    const o = await overviewAs('manager');

    expect(o.today).toBe(today);
    expect(o.boxTotal).toBe(4);
    expect(o.roomIncidents).toEqual([expect.objectContaining({ roomId: room.id, roomName: '一号库房', risk: 'out_of_range', status: 'open' })]);

    expect(o.loansByMonth).toHaveLength(12);
    expect(o.loansByMonth![11]).toEqual({ month: month(0), count: 3 });
    expect(o.loansByMonth![8]).toEqual({ month: month(-3), count: 1 });
    expect(o.loansByMonth!.reduce((n, m) => n + m.count, 0)).toBe(4);
    expect(o.loansByMonth![0].month).toBe(month(-11));

    expect(o.overdueByDepartment).toEqual([
      { department: '工程部', count: 2 },
      { department: '财务部', count: 1 },
    ]);
    expect(o.boxesByStatus).toEqual([
      { status: 'in_stock', count: 1 },
      { status: 'on_loan', count: 3 },
      { status: 'transferred', count: 0 },
      { status: 'pending_destruction', count: 0 },
      { status: 'destroyed', count: 0 },
      { status: 'missing', count: 0 },
    ]);
    expect(o.boxesByFloor).toEqual({
      floors: [
        { floor: 'L1', count: 2 },
        { floor: 'L2', count: 1 },
      ],
      noFloor: 1,
    });

    expect(o.retentionByMonth).toHaveLength(12);
    expect(o.retentionByMonth![0].month).toBe(month(0));
    expect(o.retentionByMonth!.filter((m) => m.count > 0)).toEqual([
      { month: month(1), count: 1 },
      { month: month(3), count: 1 },
    ]);

    expect(o.inspection).toEqual({ month: month(0), started: false, completed: false, total: 0, checked: 0, withFindings: 0, openFollowUps: 0 });
    expect(o.backups).toEqual({ media: [], overdueDays: 7 });

    expect(o.rooms!.from).toBe(addDays(today, -29));
    expect(o.rooms!.thresholds).toEqual({ minTemperature: 14, maxTemperature: 24, minHumidity: 45, maxHumidity: 60 });
    expect(o.rooms!.rooms).toEqual([
      {
        roomId: room.id,
        name: '一号库房',
        days: [
          {
            day: addDays(today, -1),
            temperature: 21,
            humidity: 51,
            minTemperature: 20,
            maxTemperature: 22,
            minHumidity: 50,
            maxHumidity: 52,
            readings: 2,
            outOfRange: 0,
          },
          { day: today, temperature: 19, humidity: 68, minTemperature: 19, maxTemperature: 19, minHumidity: 68, maxHumidity: 68, readings: 1, outOfRange: 1 },
        ],
      },
    ]);
  });

  it('agrees with the lists it clicks through to', async () => {
    await knownArchive();
    const o = await overviewAs('manager');
    const dept = await app.ok('loan-list', { overdue: true, borrowerDepartment: '工程部', limit: 50 }, cast.manager);
    expect(dept.rows).toHaveLength(o.overdueByDepartment![0].count);
    const last = month(-3);
    const inMonth = await app.ok('loan-list', { from: `${last}-01`, to: lastDay(last), limit: 50 }, cast.manager);
    expect(inMonth.rows).toHaveLength(1);
    const onFloor = await app.ok('box-list', { floor: 'L1', limit: 50 }, cast.manager);
    expect(onFloor.total).toBe(2);
    const onLoan = await app.ok('box-list', { status: 'on_loan', limit: 50 }, cast.manager);
    expect(onLoan.total).toBe(3);
    const next = month(1);
    const ending = await app.ok('retention-report', { from: `${next}-01`, by: lastDay(next) }, cast.manager);
    expect(ending.rows.map((r) => r.title)).toEqual(['万达影城 租户档案 2']);
    // Without the start, the report also lists what ended long ago.
    expect((await app.ok('retention-report', { by: lastDay(next) }, cast.manager)).rows).toHaveLength(2);
  });

  it('shows this month’s inspection as it goes, and each medium’s days since its last good backup', async () => {
    await knownArchive();
    const inspection = await app.ok('inspection-start', {}, cast.custodian);
    const [item] = inspection.items;
    await app.ok(
      'inspection-check',
      { itemId: item.id, present: true, complete: false, correctlyFiled: true, condition: 'good', note: '缺营业执照复印件', followUpOwner: '李强' },
      cast.custodian,
    );
    const media = mkdtempSync(join(tmpdir(), 'archive-overview-usb-'));
    try {
      await app.ok('backup-settings-update', { folders: [media, join(media, '第二块盘')], keep: 3, dailyAt: null, onClose: false }, cast.custodian);
      const o = await overviewAs('manager');
      expect(o.inspection).toEqual({ month: month(0), started: true, completed: false, total: 1, checked: 1, withFindings: 1, openFollowUps: 1 });
      expect(o.backups!.media).toEqual([
        { folder: media, lastGoodAt: null, days: null, failedSince: null },
        { folder: join(media, '第二块盘'), lastGoodAt: null, days: null, failedSince: null },
      ]);
      // The USB drive takes a verified backup; the second disk is not plugged in, so it fails.
      await app.ok('backup-run', {}, cast.custodian);
      const [usb, missing] = (await overviewAs('manager')).backups!.media;
      expect(usb).toMatchObject({ folder: media, days: 0, failedSince: null });
      expect(usb.lastGoodAt).not.toBeNull();
      expect(missing).toMatchObject({ lastGoodAt: null, days: null });
      expect(missing.failedSince).not.toBeNull();
    } finally {
      rmSync(media, { recursive: true, force: true });
    }
  });

  it('gives each role only the figures of the lists it may open', async () => {
    await knownArchive();
    const figures = (o: Overview) =>
      Object.entries(o)
        .filter(([key, value]) => !['today', 'boxTotal', 'roomIncidents'].includes(key) && value !== null)
        .map(([key]) => key)
        .sort();
    const everything = ['backups', 'boxesByFloor', 'boxesByStatus', 'inspection', 'loansByMonth', 'overdueByDepartment', 'retentionByMonth', 'rooms'];
    expect(figures(await overviewAs('manager'))).toEqual(everything);
    expect(figures(await overviewAs('custodian'))).toEqual(everything);
    expect(figures(await overviewAs('auditor'))).toEqual(everything.filter((f) => f !== 'backups'));
    expect(figures(await overviewAs('clerk'))).toEqual(['boxesByFloor', 'boxesByStatus', 'loansByMonth', 'overdueByDepartment', 'rooms']);
    expect(figures(await overviewAs('admin'))).toEqual(['backups', 'boxesByFloor', 'boxesByStatus', 'loansByMonth', 'overdueByDepartment', 'rooms']);
    // Every role sees an open room incident: a danger is everybody's business.
    for (const role of ['clerk', 'custodian', 'manager', 'auditor', 'admin'] as const) expect((await overviewAs(role)).roomIncidents).toHaveLength(1);
    expect(await app.call('overview', {})).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect(await app.call('overview', { role: 'manager' }, cast.clerk)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('answers an empty archive with zeros and changes nothing', async () => {
    const before = snapshot(app.runtime.requireDb());
    const o = await overviewAs('manager');
    expect(snapshot(app.runtime.requireDb())).toEqual(before);
    expect(o.boxTotal).toBe(0);
    expect(o.roomIncidents).toEqual([]);
    expect(o.loansByMonth!.every((m) => m.count === 0)).toBe(true);
    expect(o.overdueByDepartment).toEqual([]);
    expect(o.boxesByStatus!.every((s) => s.count === 0)).toBe(true);
    expect(o.boxesByFloor).toEqual({ floors: [], noFloor: 0 });
    expect(o.retentionByMonth!.every((m) => m.count === 0)).toBe(true);
    expect(o.inspection).toMatchObject({ started: false, total: 0 });
    expect(o.rooms).toMatchObject({ rooms: [] });
  });
});
