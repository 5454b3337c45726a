import type { locationCalls } from '../../core/contract/locations';
import {
  cabinetGrid,
  convertLocations,
  createCabinets,
  createRoom,
  locationTree,
  moveContents,
  placeByScan,
  removeLocation,
  renameLocation,
} from '../services/locations';
import { positionLabelsPdf } from '../services/printing/labels';
import { outputOf, type Handlers } from './types';

export const locationHandlers: Handlers<keyof typeof locationCalls> = {
  'location-tree': (_input, { db }) => locationTree(db),
  'location-cabinet': (input, { db }) => cabinetGrid(db, input.id),
  'location-room-create': (input, { db, actor }) => createRoom(db, actor, input.name),
  'location-cabinets-create': (input, { db, actor }) => createCabinets(db, actor, input),
  'location-rename': (input, { db, actor }) => renameLocation(db, actor, input.id, input.name),
  'location-remove': (input, { db, actor }) => removeLocation(db, actor, input.id),
  'box-place': (input, { db, actor }) => placeByScan(db, actor, input),
  'location-move-contents': (input, { db, actor }) => moveContents(db, actor, input),
  'location-convert': (input, { db, actor }) => convertLocations(db, actor, input.apply),
  'location-labels-pdf': (input, ctx) => positionLabelsPdf(outputOf(ctx), input.id),
};
