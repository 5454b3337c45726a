import { z } from 'zod';
import { ROOM_RISKS, type INCIDENT_STATUSES, type READING_SOURCES } from '../enums';
import { call } from './define';
import { id, requiredText, text } from './fields';
import { IMPORT_MAX_BASE64 } from './imports';

/**
 * The archive-room range of JGJ 25-2010《档案馆建筑设计规范》 for paper records: 14–24 °C and
 * 45–60 % relative humidity. The custodian may set others; these are what a new archive starts with.
 */
export const JGJ_25_2010 = { minTemperature: 14, maxTemperature: 24, minHumidity: 45, maxHumidity: 60 } as const;

/** What a room thermometer and hygrometer can read at all: beyond it a reading is a typo (-300 °C, 150 %). */
export const temperature = z.number({ error: 'v.temperatureRange' }).min(-40, { error: 'v.temperatureRange' }).max(60, { error: 'v.temperatureRange' });
export const humidity = z.number({ error: 'v.humidityRange' }).min(0, { error: 'v.humidityRange' }).max(100, { error: 'v.humidityRange' });

export const thresholdsSchema = z
  .object({ minTemperature: temperature, maxTemperature: temperature, minHumidity: humidity, maxHumidity: humidity })
  .strict()
  .superRefine((v, ctx) => {
    if (v.minTemperature >= v.maxTemperature) ctx.addIssue({ code: 'custom', message: 'v.rangeOrder', path: ['maxTemperature'] });
    if (v.minHumidity >= v.maxHumidity) ctx.addIssue({ code: 'custom', message: 'v.rangeOrder', path: ['maxHumidity'] });
  });
export type Thresholds = z.infer<typeof thresholdsSchema>;

/** Local time as read off the instrument, to the minute. */
export const readAt = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, { error: 'v.readAt' });

export const readingAddInput = z.object({ roomId: id, readAt, temperature, humidity, note: text(200) }).strict();

/** A danger the keepers report (§4.5.1); out_of_range is opened by a reading, never by hand. */
export const REPORTED_RISKS = ROOM_RISKS.filter((r) => r !== 'out_of_range');
export const riskReportInput = z
  .object({ roomId: id, risk: z.enum(REPORTED_RISKS as [Exclude<(typeof ROOM_RISKS)[number], 'out_of_range'>]), description: requiredText(500) })
  .strict();
export const roomIncidentCloseInput = z.object({ id, followUp: requiredText(500) }).strict();

export const readingsImportInput = z
  .object({
    roomId: id,
    fileName: requiredText(200).regex(/\.csv$/i, { error: 'v.readingsFileType' }),
    base64: z.string().min(1).max(IMPORT_MAX_BASE64),
    apply: z.boolean(),
  })
  .strict();

export interface RoomReading {
  id: number;
  readAt: string;
  temperature: number;
  humidity: number;
  outOfRange: boolean;
  source: (typeof READING_SOURCES)[number];
  note: string;
  recordedByName: string;
}

export interface RoomIncident {
  id: number;
  roomId: number;
  roomName: string;
  risk: (typeof ROOM_RISKS)[number];
  description: string;
  status: (typeof INCIDENT_STATUSES)[number];
  openedAt: string;
  openedByName: string;
  closedAt: string | null;
  closedByName: string | null;
  followUp: string;
}

/** One room's month: its readings, their lowest and highest, and how many fell outside the range. */
export interface RoomMonth {
  readings: RoomReading[];
  summary: { count: number; minTemperature: number; maxTemperature: number; minHumidity: number; maxHumidity: number; outOfRange: number } | null;
}

/** The rooms' month as the inspection record prints it. */
export interface MonthConditions {
  rooms: { name: string; summary: RoomMonth['summary'] }[];
  incidents: RoomIncident[];
}

export interface ReadingsImportResult {
  rows: number;
  problems: { row: number; message: string; value: string }[];
  /** Rows already recorded for that room and minute: left as they are. */
  duplicates: number;
  outOfRange: number;
  applied: boolean;
}

export const roomCalls = {
  'room-thresholds': call<Thresholds>()({ input: z.object({}).strict(), access: 'signed-in', reads: ['room'] }),
  'room-thresholds-set': call<Thresholds>()({ input: thresholdsSchema, access: ['custodian'], changes: ['room'] }),
  'room-readings': call<RoomMonth>()({
    input: z.object({ roomId: id, month: z.string().regex(/^\d{4}-\d{2}$/, { error: 'v.month' }) }).strict(),
    access: 'signed-in',
    reads: ['room'],
  }),
  /** A reading outside the range opens an out-of-range incident for the room (one while it stays open). */
  'room-reading-add': call<{ reading: RoomReading; incidentId: number | null }>()({
    input: readingAddInput,
    access: ['custodian', 'clerk'],
    changes: ['room'],
  }),
  'room-readings-import': call<ReadingsImportResult>()({ input: readingsImportInput, access: ['custodian'], changes: ['room'] }),
  'room-risk-report': call<RoomIncident>()({ input: riskReportInput, access: ['custodian', 'clerk', 'manager'], changes: ['room'] }),
  'room-incident-close': call<RoomIncident>()({ input: roomIncidentCloseInput, access: ['custodian', 'manager'], changes: ['room'] }),
  /** Open ones first: what the manager's overview shows at once. */
  'room-incidents': call<{ incidents: RoomIncident[] }>()({
    input: z.object({ status: z.enum(['open', 'closed']).optional() }).strict(),
    access: 'signed-in',
    reads: ['room'],
  }),
};
