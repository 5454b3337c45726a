import type { roomCalls } from '../../core/contract/rooms';
import { addReading, closeRoomIncident, getThresholds, importReadings, listRoomIncidents, reportRisk, roomMonth, setThresholds } from '../services/rooms';
import type { Handlers } from './types';

export const roomHandlers: Handlers<keyof typeof roomCalls> = {
  'room-thresholds': (_input, { db }) => getThresholds(db),
  'room-thresholds-set': (input, { db, actor }) => setThresholds(db, actor, input),
  'room-readings': (input, { db }) => roomMonth(db, input.roomId, input.month),
  'room-reading-add': (input, { db, actor }) => addReading(db, actor, input),
  'room-readings-import': (input, { db, actor }) => importReadings(db, actor, input),
  'room-risk-report': (input, { db, actor }) => reportRisk(db, actor, input),
  'room-incident-close': (input, { db, actor }) => closeRoomIncident(db, actor, input),
  'room-incidents': (input, { db }) => ({ incidents: listRoomIncidents(db, input) }),
};
