import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/connection';
import { boxes, inspectionItems, inspectionParts, locations, type InspectionRow, type LocationRow } from '../../../db/schema';
import type { ApartBox, InspectionPart } from '../../core/contract/inspections';
import { locationPath } from '../../core/contract/locations';
import type { BOX_STATUSES, INSPECTION_KINDS } from '../../core/enums';
import { findingsOf } from './inspection-findings';

type BoxStatus = (typeof BOX_STATUSES)[number];

/**
 * What each kind of inspection walks: the monthly check every box in stock (§4.8); the full
 * stocktake every box the archive still answers for on its shelves, those awaiting destruction and
 * those once reported missing included, so the register and the shelves are reconciled in full.
 */
export const WALKED: Record<(typeof INSPECTION_KINDS)[number], BoxStatus[]> = {
  monthly: ['in_stock'],
  full: ['in_stock', 'pending_destruction', 'missing'],
};

/** Boxes of a cabinet that are not on the shelf to be checked, so they are listed apart (§ managed locations). */
const AWAY: BoxStatus[] = ['on_loan', 'pending_destruction'];
const apartFor = (kind: InspectionRow['kind']) => AWAY.filter((s) => !WALKED[kind].includes(s));

/** The cabinets of the location tree, and which cabinet any node lies in. */
export interface CabinetIndex {
  cabinets: LocationRow[];
  /** The node's cabinet: itself, its nearest cabinet above it, or null (a room, or no place). */
  cabinetOf: (locationId: number | null) => number | null;
  pathOf: (cabinetId: number) => string;
}

export function cabinetIndex(tx: Db): CabinetIndex {
  const nodes = new Map(
    tx
      .select()
      .from(locations)
      .all()
      .map((n) => [n.id, n]),
  );
  const cabinetOf = (locationId: number | null): number | null => {
    for (let at = locationId === null ? undefined : nodes.get(locationId); at; at = at.parentId === null ? undefined : nodes.get(at.parentId))
      if (at.kind === 'cabinet') return at.id;
    return null;
  };
  const roomOf = (c: LocationRow) => (c.parentId === null ? undefined : nodes.get(c.parentId));
  const order = (c: LocationRow) => [roomOf(c)?.seq ?? 0, roomOf(c)?.id ?? 0, c.seq, c.id];
  const cabinets = [...nodes.values()]
    .filter((n) => n.kind === 'cabinet')
    .sort((a, b) => {
      const [ka, kb] = [order(a), order(b)];
      const i = ka.findIndex((v, j) => v !== kb[j]);
      return i === -1 ? 0 : ka[i] - kb[i];
    });
  const pathOf = (cabinetId: number) => {
    const cabinet = nodes.get(cabinetId);
    if (!cabinet) return '';
    return locationPath({ room: roomOf(cabinet)?.name ?? '', cabinet: cabinet.name, shelf: '', position: '' });
  };
  return { cabinets, cabinetOf, pathOf };
}

interface PlacedBox {
  id: number;
  code: string;
  title: string;
  status: BoxStatus;
  locationId: number | null;
  room: string;
  cabinet: string;
  shelf: string;
  position: string;
}

export function boxesWithStatus(tx: Db, statuses: BoxStatus[]): PlacedBox[] {
  if (statuses.length === 0) return [];
  return tx
    .select({
      id: boxes.id,
      code: boxes.code,
      title: boxes.title,
      status: boxes.status,
      locationId: boxes.locationId,
      room: boxes.room,
      cabinet: boxes.cabinet,
      shelf: boxes.shelf,
      position: boxes.position,
    })
    .from(boxes)
    .where(inArray(boxes.status, statuses))
    .all();
}

/** Every cabinet as a part of the inspection: started or not, its counts, and the boxes listed apart. */
export function partsOf(tx: Db, inspection: InspectionRow): InspectionPart[] {
  const index = cabinetIndex(tx);
  const started = new Map(
    tx
      .select()
      .from(inspectionParts)
      .where(eq(inspectionParts.inspectionId, inspection.id))
      .all()
      .map((p) => [p.cabinetId, p]),
  );
  const items = tx.select().from(inspectionItems).where(eq(inspectionItems.inspectionId, inspection.id)).all();
  const listed = new Set(items.map((it) => it.boxId));
  const open = inspection.status === 'open';
  const waiting = open ? boxesWithStatus(tx, WALKED[inspection.kind]).filter((b) => !listed.has(b.id)) : [];
  const apart = open ? boxesWithStatus(tx, apartFor(inspection.kind)) : [];
  return index.cabinets.map((cabinet) => {
    const mine = items.filter((it) => it.cabinetId === cabinet.id);
    const here = (b: PlacedBox) => index.cabinetOf(b.locationId) === cabinet.id;
    return {
      cabinetId: cabinet.id,
      path: index.pathOf(cabinet.id),
      startedAt: started.get(cabinet.id)?.startedAt ?? null,
      total: mine.length + (started.has(cabinet.id) ? 0 : waiting.filter(here).length),
      checked: mine.filter((it) => it.checkedAt !== null).length,
      withFindings: mine.filter((it) => findingsOf(it).length > 0).length,
      apart: apart.filter(here).map((b): ApartBox => ({ boxId: b.id, code: b.code, title: b.title, location: locationPath(b), status: b.status })),
    };
  });
}

const apartOf = (b: PlacedBox): ApartBox => ({ boxId: b.id, code: b.code, title: b.title, location: locationPath(b), status: b.status });

/** While the inspection is open, the archive's boxes away from their shelves, in shelf order. */
export function apartBoxes(tx: Db, inspection: InspectionRow): ApartBox[] {
  if (inspection.status !== 'open') return [];
  return boxesWithStatus(tx, apartFor(inspection.kind))
    .map(apartOf)
    .sort((a, b) => natural.compare(a.location, b.location) || natural.compare(a.code, b.code));
}

const natural = new Intl.Collator('zh-CN', { numeric: true });

/** The walked boxes the inspection has no item for yet: what keeps a walk by cabinet from completing. */
export function unlistedCount(tx: Db, inspection: InspectionRow): number {
  const listed = new Set(
    tx
      .select({ boxId: inspectionItems.boxId })
      .from(inspectionItems)
      .where(eq(inspectionItems.inspectionId, inspection.id))
      .all()
      .map((r) => r.boxId),
  );
  return boxesWithStatus(tx, WALKED[inspection.kind]).filter((b) => !listed.has(b.id)).length;
}

export const partOf = (tx: Db, inspectionId: number, cabinetId: number) =>
  tx
    .select()
    .from(inspectionParts)
    .where(and(eq(inspectionParts.inspectionId, inspectionId), eq(inspectionParts.cabinetId, cabinetId)))
    .get();
