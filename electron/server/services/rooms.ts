import { aliasedTable, and, asc, desc, eq, gte, like, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import { locations, roomIncidents, roomReadings, settings, users, type RoomReadingRow } from '../../../db/schema';
import { AppError } from '../../core/contract/errors';
import {
  humidity,
  JGJ_25_2010,
  readAt,
  temperature,
  thresholdsSchema,
  type readingAddInput,
  type ReadingsImportResult,
  type riskReportInput,
  type RoomIncident,
  type MonthConditions,
  type RoomMonth,
  type RoomReading,
  type Thresholds,
} from '../../core/contract/rooms';
import { nowIso, type Actor } from './actor';
import type { AuditEntry } from './audit';
import { decodeCsv } from './import-sheet';
import { localDayStart } from './local-date';
import { getLocation } from './locations';
import { mutate } from './transaction';

const KEY = 'roomThresholds';

export function getThresholds(db: Db): Thresholds {
  const row = db.select().from(settings).where(eq(settings.key, KEY)).get();
  return row ? thresholdsSchema.parse(row.value) : { ...JGJ_25_2010 };
}

export function setThresholds(db: Db, actor: Actor, next: Thresholds): Thresholds {
  return mutate(db, actor, (tx) => {
    const before = getThresholds(tx);
    tx.insert(settings)
      .values({ key: KEY, value: next })
      .onConflictDoUpdate({ target: settings.key, set: { value: next } })
      .run();
    return { result: next, audit: { action: 'room-thresholds-set', entity: 'room-reading', entityId: null, before, after: next } };
  });
}

const outside = (t: Thresholds, r: { temperature: number; humidity: number }) =>
  r.temperature < t.minTemperature || r.temperature > t.maxTemperature || r.humidity < t.minHumidity || r.humidity > t.maxHumidity;

function room(tx: Db, roomId: number) {
  const node = getLocation(tx, roomId);
  if (node.kind !== 'room') throw new AppError('LOCATION_UNKNOWN', { params: { text: node.name } });
  return node;
}

type NewReading = { roomId: number; readAt: string; temperature: number; humidity: number; note: string; source: RoomReadingRow['source'] };

/**
 * One reading inside the caller's transaction; outside the range it opens the room's
 * out-of-range incident unless one is open already (a logger's day of bad readings is one danger).
 */
function insertReading(
  tx: Db,
  actor: Actor,
  thresholds: Thresholds,
  reading: NewReading,
): { row: RoomReadingRow; incidentId: number | null; audit: AuditEntry[] } {
  const row = tx
    .insert(roomReadings)
    .values({ ...reading, outOfRange: outside(thresholds, reading), recordedBy: actor.id ?? 0, recordedAt: nowIso() })
    .returning()
    .get();
  if (!row.outOfRange) return { row, incidentId: null, audit: [] };
  const open = tx
    .select({ id: roomIncidents.id })
    .from(roomIncidents)
    .where(and(eq(roomIncidents.roomId, reading.roomId), eq(roomIncidents.risk, 'out_of_range'), eq(roomIncidents.status, 'open')))
    .get();
  if (open) return { row, incidentId: open.id, audit: [] };
  const description = `${reading.readAt} 温度 ${reading.temperature} °C，相对湿度 ${reading.humidity} %（范围 ${thresholds.minTemperature}–${thresholds.maxTemperature} °C，${thresholds.minHumidity}–${thresholds.maxHumidity} %）`;
  const incident = tx
    .insert(roomIncidents)
    .values({ roomId: reading.roomId, risk: 'out_of_range', readingId: row.id, description, openedBy: actor.id ?? 0, openedAt: nowIso() })
    .returning()
    .get();
  return { row, incidentId: incident.id, audit: [{ action: 'room-incident-open', entity: 'room-incident', entityId: incident.id, after: incident }] };
}

const recorder = aliasedTable(users, 'recorder');

function readingView(db: Db, id: number): RoomReading {
  const r = db
    .select({ reading: roomReadings, name: recorder.displayName })
    .from(roomReadings)
    .innerJoin(recorder, eq(recorder.id, roomReadings.recordedBy))
    .where(eq(roomReadings.id, id))
    .get()!;
  const { id: readingId, readAt: at, temperature: t, humidity: h, outOfRange, source, note } = r.reading;
  return { id: readingId, readAt: at, temperature: t, humidity: h, outOfRange, source, note, recordedByName: r.name };
}

export function addReading(db: Db, actor: Actor, input: z.output<typeof readingAddInput>): { reading: RoomReading; incidentId: number | null } {
  const done = mutate(db, actor, (tx) => {
    room(tx, input.roomId);
    const taken = tx
      .select({ id: roomReadings.id })
      .from(roomReadings)
      .where(and(eq(roomReadings.roomId, input.roomId), eq(roomReadings.readAt, input.readAt)))
      .get();
    if (taken) throw new AppError('READING_EXISTS', { params: { readAt: input.readAt }, issues: [{ path: ['readAt'], message: 'v.readingExists' }] });
    const made = insertReading(tx, actor, getThresholds(tx), { ...input, source: 'manual' });
    return {
      result: { id: made.row.id, incidentId: made.incidentId },
      audit: [{ action: 'room-reading-add', entity: 'room-reading', entityId: made.row.id, after: made.row }, ...made.audit],
    };
  });
  return { reading: readingView(db, done.id), incidentId: done.incidentId };
}

/** A logger's header cells: the time (or date and time), the temperature and the humidity columns. */
const HEADER = {
  time: /时间|日期|time|date/i,
  temperature: /温度|temp/i,
  humidity: /湿度|humid|rh/i,
};

/** 2026/3/5 8:00, 2026-03-05 08:00:00 or 2026-03-05T08:00 as the minute it names. */
function minuteOf(cell: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T]+(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(cell.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m as unknown as [string, string, string, string, string, string];
  return `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')} ${h.padStart(2, '0')}:${mi}`;
}

/**
 * A data logger's CSV for one room: every row checked (the time, and readings a room can have);
 * a dry run reports, apply records all new rows in one transaction, or none while a row is wrong.
 * A minute already recorded for the room is left as it is, so a file read twice adds nothing.
 */
export function importReadings(db: Db, actor: Actor, input: { roomId: number; fileName: string; base64: string; apply: boolean }): ReadingsImportResult {
  room(db, input.roomId);
  const lines = decodeCsv(Buffer.from(input.base64, 'base64'))
    .text.split(/\r?\n/)
    .map((line) => line.split(/[,;\t]/).map((cell) => cell.trim().replace(/^"|"$/g, '')));
  const headerAt = lines.findIndex((cells) => HEADER.temperature.test(cells.join(' ')) && HEADER.humidity.test(cells.join(' ')));
  if (headerAt < 0) return { rows: 0, problems: [{ row: 1, message: 'v.readingsNoHeader', value: '' }], duplicates: 0, outOfRange: 0, applied: false };
  const header = lines[headerAt]!;
  const col = (re: RegExp) => header.findIndex((h) => re.test(h));
  const [timeCol, tempCol, humCol] = [col(HEADER.time), col(HEADER.temperature), col(HEADER.humidity)];
  const problems: ReadingsImportResult['problems'] = [];
  const readings: NewReading[] = [];
  lines.slice(headerAt + 1).forEach((cells, i) => {
    const row = headerAt + i + 2;
    if (cells.every((c) => c === '')) return;
    const at = minuteOf(cells[timeCol] ?? '');
    const t = temperature.safeParse(Number((cells[tempCol] ?? '').replace(/[°℃C\s]/g, '') || Number.NaN));
    const h = humidity.safeParse(Number((cells[humCol] ?? '').replace(/[%\s]|RH/gi, '') || Number.NaN));
    if (!at || !readAt.safeParse(at).success) problems.push({ row, message: 'v.readAt', value: cells[timeCol] ?? '' });
    if (!t.success) problems.push({ row, message: 'v.temperatureRange', value: cells[tempCol] ?? '' });
    if (!h.success) problems.push({ row, message: 'v.humidityRange', value: cells[humCol] ?? '' });
    if (at && t.success && h.success) readings.push({ roomId: input.roomId, readAt: at, temperature: t.data, humidity: h.data, note: '', source: 'logger' });
  });
  const thresholds = getThresholds(db);
  const known = new Set(
    db
      .select({ readAt: roomReadings.readAt })
      .from(roomReadings)
      .where(eq(roomReadings.roomId, input.roomId))
      .all()
      .map((r) => r.readAt),
  );
  const fresh: NewReading[] = [];
  for (const reading of readings) {
    if (known.has(reading.readAt)) continue;
    known.add(reading.readAt);
    fresh.push(reading);
  }
  const result = {
    rows: readings.length + new Set(problems.map((p) => p.row)).size,
    problems,
    duplicates: readings.length - fresh.length,
    outOfRange: fresh.filter((r) => outside(thresholds, r)).length,
    applied: false,
  };
  if (!input.apply) return result;
  if (problems.length > 0) throw new AppError('READINGS_HAVE_PROBLEMS', { params: { rows: new Set(problems.map((p) => p.row)).size } });
  return mutate(db, actor, (tx) => {
    const audit: AuditEntry[] = [];
    for (const reading of fresh) audit.push(...insertReading(tx, actor, thresholds, reading).audit);
    audit.unshift({
      action: 'room-readings-import',
      entity: 'room-reading',
      entityId: null,
      after: { roomId: input.roomId, file: input.fileName, rows: fresh.length, outOfRange: result.outOfRange },
    });
    return { result: { ...result, applied: true }, audit };
  });
}

/** Min and max of the month per room (the inspection record prints them), with the readings themselves. */
export function roomMonth(db: Db, roomId: number, month: string): RoomMonth {
  room(db, roomId);
  const ids = db
    .select({ id: roomReadings.id })
    .from(roomReadings)
    .where(and(eq(roomReadings.roomId, roomId), like(roomReadings.readAt, `${month}-%`)))
    .orderBy(desc(roomReadings.readAt))
    .all();
  const readings = ids.map((r) => readingView(db, r.id));
  if (readings.length === 0) return { readings, summary: null };
  const t = readings.map((r) => r.temperature);
  const h = readings.map((r) => r.humidity);
  return {
    readings,
    summary: {
      count: readings.length,
      minTemperature: Math.min(...t),
      maxTemperature: Math.max(...t),
      minHumidity: Math.min(...h),
      maxHumidity: Math.max(...h),
      outOfRange: readings.filter((r) => r.outOfRange).length,
    },
  };
}

export function reportRisk(db: Db, actor: Actor, input: z.output<typeof riskReportInput>): RoomIncident {
  const id = mutate(db, actor, (tx) => {
    room(tx, input.roomId);
    const row = tx
      .insert(roomIncidents)
      .values({ ...input, openedBy: actor.id ?? 0, openedAt: nowIso() })
      .returning()
      .get();
    return { result: row.id, audit: { action: 'room-incident-open', entity: 'room-incident', entityId: row.id, after: row } };
  });
  return roomIncident(db, id);
}

export function closeRoomIncident(db: Db, actor: Actor, input: { id: number; followUp: string }): RoomIncident {
  mutate(db, actor, (tx) => {
    const before = tx.select().from(roomIncidents).where(eq(roomIncidents.id, input.id)).get();
    if (!before) throw new AppError('NOT_FOUND');
    if (before.status === 'closed') throw new AppError('INCIDENT_CLOSED');
    const after = tx
      .update(roomIncidents)
      .set({ status: 'closed', followUp: input.followUp, closedBy: actor.id ?? 0, closedAt: nowIso() })
      .where(eq(roomIncidents.id, input.id))
      .returning()
      .get();
    return { result: null, audit: { action: 'room-incident-close', entity: 'room-incident', entityId: input.id, before, after } };
  });
  return roomIncident(db, input.id);
}

const opener = aliasedTable(users, 'opener');
const closer = aliasedTable(users, 'closer');

/** The instants a local calendar month ('YYYY-MM') starts and ends, as stored timestamps are. */
function monthSpan(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return [localDayStart(`${month}-01`), localDayStart(`${next}-01`)];
}

/** Room incidents, open ones first and newest first within; `month` keeps those opened in that local month. */
export function listRoomIncidents(db: Db, filter: { status?: 'open' | 'closed'; id?: number; month?: string } = {}): RoomIncident[] {
  const where = and(
    filter.status ? eq(roomIncidents.status, filter.status) : undefined,
    filter.id ? eq(roomIncidents.id, filter.id) : undefined,
    filter.month ? gte(roomIncidents.openedAt, monthSpan(filter.month)[0]) : undefined,
    filter.month ? lt(roomIncidents.openedAt, monthSpan(filter.month)[1]) : undefined,
  );
  return db
    .select({
      id: roomIncidents.id,
      roomId: roomIncidents.roomId,
      roomName: locations.name,
      risk: roomIncidents.risk,
      description: roomIncidents.description,
      status: roomIncidents.status,
      openedAt: roomIncidents.openedAt,
      closedAt: roomIncidents.closedAt,
      followUp: roomIncidents.followUp,
      openedByName: opener.displayName,
      closedByName: closer.displayName,
    })
    .from(roomIncidents)
    .innerJoin(locations, eq(locations.id, roomIncidents.roomId))
    .innerJoin(opener, eq(opener.id, roomIncidents.openedBy))
    .leftJoin(closer, eq(closer.id, roomIncidents.closedBy))
    .where(where)
    .orderBy(desc(sql`${roomIncidents.status} = 'open'`), desc(roomIncidents.openedAt), asc(roomIncidents.id))
    .all();
}

const roomIncident = (db: Db, id: number): RoomIncident => listRoomIncidents(db, { id })[0]!;

/** What the monthly inspection record prints of the rooms (§4.5.1): each room's lowest and highest readings, and the month's incidents. */
export function monthConditions(db: Db, month: string): MonthConditions {
  const rooms = db.select().from(locations).where(eq(locations.kind, 'room')).orderBy(asc(locations.seq), asc(locations.id)).all();
  return {
    rooms: rooms.map((r) => ({ name: r.name, summary: roomMonth(db, r.id, month).summary })),
    incidents: listRoomIncidents(db, { month }),
  };
}
