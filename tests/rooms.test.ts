import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDate } from '../electron/server/services/local-date';
import type { TestApp } from './support/app';
import { createSetUpApp, errorCode, snapshot } from './support/fixtures';

let app: TestApp;
let custodian: string;
let roomId: number;
beforeEach(async () => {
  app = await createSetUpApp();
  custodian = await app.as('custodian');
  roomId = (await app.ok('location-room-create', { name: '一号库房' }, custodian)).id;
});
afterEach(() => app.close());

const state = () => snapshot(app.runtime.requireDb());
const reading = (readAt: string, temperature: number, humidity: number) => ({ roomId, readAt, temperature, humidity, note: '' });
const openIncidents = async () => (await app.ok('room-incidents', { status: 'open' }, await app.as('manager'))).incidents;
const csv = (text: string) => ({ roomId, fileName: '记录仪.csv', base64: Buffer.from(text).toString('base64') });

describe('room readings 温湿度', () => {
  it('start from the JGJ 25-2010 archive-room range, which the custodian may change', async () => {
    expect(await app.ok('room-thresholds', {}, await app.as('clerk'))).toEqual({ minTemperature: 14, maxTemperature: 24, minHumidity: 45, maxHumidity: 60 });
    await app.ok('room-thresholds-set', { minTemperature: 16, maxTemperature: 22, minHumidity: 45, maxHumidity: 55 }, custodian);
    expect((await app.ok('room-thresholds', {}, custodian)).maxHumidity).toBe(55);
    expect(errorCode(await app.call('room-thresholds-set', { minTemperature: 24, maxTemperature: 14, minHumidity: 45, maxHumidity: 60 }, custodian))).toBe(
      'VALIDATION',
    );
    expect(
      errorCode(await app.call('room-thresholds-set', { minTemperature: 14, maxTemperature: 24, minHumidity: 45, maxHumidity: 60 }, await app.as('clerk'))),
    ).toBe('FORBIDDEN');
  });

  it('refuses a reading no room can have (-300 °C, 150 % RH) in words, and changes nothing', async () => {
    const before = state();
    const cold = await app.call('room-reading-add', reading('2026-03-05 09:00', -300, 50), custodian);
    expect(cold).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['temperature'], message: 'v.temperatureRange' }] } });
    const wet = await app.call('room-reading-add', reading('2026-03-05 09:00', 20, 150), custodian);
    expect(wet).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['humidity'], message: 'v.humidityRange' }] } });
    expect(errorCode(await app.call('room-reading-add', reading('2026-3-5', 20, 50), custodian))).toBe('VALIDATION');
    expect(state()).toEqual(before);
  });

  it('opens one out-of-range incident the manager sees at once, and closes it with its follow-up', async () => {
    const fine = await app.ok('room-reading-add', reading('2026-03-05 09:00', 18.5, 52), custodian);
    expect(fine).toMatchObject({ reading: { outOfRange: false, source: 'manual' }, incidentId: null });
    expect(await openIncidents()).toEqual([]);

    const damp = await app.ok('room-reading-add', reading('2026-03-06 09:00', 19, 68), custodian);
    expect(damp.reading.outOfRange).toBe(true);
    const [incident] = await openIncidents();
    expect(incident).toMatchObject({ id: damp.incidentId, roomName: '一号库房', risk: 'out_of_range', status: 'open' });
    expect(incident!.description).toContain('相对湿度 68 %');
    // A second bad reading while it is open is the same danger, not another incident.
    expect((await app.ok('room-reading-add', reading('2026-03-06 15:00', 25, 70), custodian)).incidentId).toBe(damp.incidentId);
    expect(await openIncidents()).toHaveLength(1);
    expect(errorCode(await app.call('room-reading-add', reading('2026-03-06 15:00', 20, 50), custodian))).toBe('READING_EXISTS');

    const manager = await app.as('manager');
    const closed = await app.ok('room-incident-close', { id: damp.incidentId!, followUp: '开启除湿机，次日复测 52 %' }, manager);
    expect(closed).toMatchObject({ status: 'closed', followUp: '开启除湿机，次日复测 52 %', closedByName: 'manager-测试' });
    expect(errorCode(await app.call('room-incident-close', { id: damp.incidentId!, followUp: '再关一次' }, manager))).toBe('INCIDENT_CLOSED');
    expect(await openIncidents()).toEqual([]);

    const month = await app.ok('room-readings', { roomId, month: '2026-03' }, custodian);
    expect(month.summary).toEqual({ count: 3, minTemperature: 18.5, maxTemperature: 25, minHumidity: 52, maxHumidity: 70, outOfRange: 2 });
  });

  it('a reported risk (火情/漏水/虫害/鼠害/被盗) opens a room incident; out-of-range is not reported by hand', async () => {
    const clerk = await app.as('clerk');
    const leak = await app.ok('room-risk-report', { roomId, risk: 'leak', description: '北墙窗下渗水，已移开 C-03 下层档案' }, clerk);
    expect(leak).toMatchObject({ risk: 'leak', status: 'open', openedByName: 'clerk-测试' });
    expect((await openIncidents()).map((i) => i.risk)).toEqual(['leak']);
    expect(errorCode(await app.call('room-risk-report', { roomId, risk: 'out_of_range', description: 'x' }, clerk))).toBe('VALIDATION');
    expect(errorCode(await app.call('room-risk-report', { roomId: 9999, risk: 'fire', description: '冒烟' }, clerk))).toBe('LOCATION_UNKNOWN');
  });
});

describe("a logger's CSV", () => {
  const FILE = ['设备编号,DL-01', '时间,温度(℃),湿度(%RH)', '2026/3/5 8:00,18.2,50', '2026/3/5 9:00,18.6,61.5', '2026/3/5 10:00,19.0,52', ''].join('\r\n');

  it('is checked in a dry run, then recorded once: a file read again adds nothing', async () => {
    const before = state();
    const dry = await app.ok('room-readings-import', { ...csv(FILE), apply: false }, custodian);
    expect(dry).toEqual({ rows: 3, problems: [], duplicates: 0, outOfRange: 1, applied: false });
    expect(state()).toEqual(before);
    expect(await app.ok('room-readings-import', { ...csv(FILE), apply: true }, custodian)).toEqual({ ...dry, applied: true });
    const month = await app.ok('room-readings', { roomId, month: '2026-03' }, custodian);
    expect(month.readings.map((r) => [r.readAt, r.temperature, r.humidity, r.source])).toEqual([
      ['2026-03-05 10:00', 19, 52, 'logger'],
      ['2026-03-05 09:00', 18.6, 61.5, 'logger'],
      ['2026-03-05 08:00', 18.2, 50, 'logger'],
    ]);
    expect((await openIncidents()).map((i) => i.risk)).toEqual(['out_of_range']);
    expect(await app.ok('room-readings-import', { ...csv(FILE), apply: true }, custodian)).toMatchObject({ duplicates: 3, applied: true });
    expect((await app.ok('room-readings', { roomId, month: '2026-03' }, custodian)).summary?.count).toBe(3);
  });

  it('names each impossible row and imports none of the file', async () => {
    const bad = ['时间,温度,湿度', '2026-03-05 08:00,-300,50', '2026-03-05 09:00,20,150', '昨天,20,50', '2026-03-05 11:00,20,50'].join('\n');
    const dry = await app.ok('room-readings-import', { ...csv(bad), apply: false }, custodian);
    expect(dry.problems).toEqual([
      { row: 2, message: 'v.temperatureRange', value: '-300' },
      { row: 3, message: 'v.humidityRange', value: '150' },
      { row: 4, message: 'v.readAt', value: '昨天' },
    ]);
    const before = state();
    expect(await app.call('room-readings-import', { ...csv(bad), apply: true }, custodian)).toMatchObject({
      ok: false,
      error: { code: 'READINGS_HAVE_PROBLEMS', params: { rows: 3 } },
    });
    expect(state()).toEqual(before);
    expect((await app.ok('room-readings-import', { ...csv('a,b\n1,2\n'), apply: false }, custodian)).problems).toEqual([
      { row: 1, message: 'v.readingsNoHeader', value: '' },
    ]);
  });
});

describe('the monthly inspection record', () => {
  it("prints the month's lowest and highest readings per room and the room incidents with their follow-up", async () => {
    const month = localDate().slice(0, 7);
    await app.ok('location-room-create', { name: '二号库房' }, custodian);
    await app.ok('room-reading-add', reading(`${month}-01 09:00`, 16.5, 48), custodian);
    await app.ok('room-reading-add', reading(`${month}-02 09:00`, 21, 63), custodian);
    const leak = await app.ok('room-risk-report', { roomId, risk: 'leak', description: '北墙渗水' }, custodian);
    await app.ok('room-incident-close', { id: leak.id, followUp: '已修补防水层' }, await app.as('manager'));
    const inspection = await app.ok('inspection-start', {}, custodian);

    const file = await app.ok('inspection-record-pdf', { id: inspection.id }, custodian);
    const work = mkdtempSync(join(tmpdir(), 'rooms-record-'));
    try {
      const pdf = join(work, 'record.pdf');
      writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
      const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
      expect(text).toContain('库房温湿度与安全');
      expect(text).toMatch(/一号库房\s+2\s+16\.5–21 °C\s+48–63 %\s+1\s*次/);
      expect(text).toMatch(/二号库房\s+本月无读数/);
      expect(text).toMatch(/温湿度超出范围/);
      expect(text).toMatch(/漏水.*北墙渗水\s+已修补防水层/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 60_000);
});
