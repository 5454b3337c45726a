import { and, asc, eq, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import { preparedOnce } from '../../../db/prepared';
import { boxes, boxMoves, inspectionItems, inspectionParts, locations, type Location, type LocationRow } from '../../../db/schema';
import { AppError } from '../../core/contract/errors';
import {
  cabinetNames,
  locationPath,
  positionCode,
  positionIdOf,
  positionName,
  shelfName,
  type CabinetGrid,
  type cabinetsCreateInput,
  type ConversionReport,
  type LocationKind,
  type LocationNode,
} from '../../core/contract/locations';
import { ownerKey } from '../../core/contract/owner-names';
import { LOCATION_KINDS } from '../../core/enums';
import { nowIso, type Actor } from './actor';
import type { AuditEntry } from './audit';
import { rehearse } from './import-rehearsal';
import { indexBox } from './search-index';
import { mutate } from './transaction';

/** Boxes that left the archive hold no place: their last position is free for the next box. */
const GONE = ['destroyed', 'transferred'] as const;
const standing = notInArray(boxes.status, [...GONE]);

/** Sibling names are one name however they were typed: C03, Ｃ03 and c 03 are the same cabinet. */
export const locationKey = ownerKey;

// The reads a placement or an import's row makes, prepared once: building a drizzle query costs
// more than running it, and an import of thousands of rows runs them for every row.
const byId = sql.placeholder('id');
const namedKeys = inArray(locations.nameKey, [sql.placeholder('key'), sql.placeholder('otherKey')]);
const locationQueries = (db: Db) =>
  preparedOnce(db, 'location-reads', (d) => ({
    node: d.select().from(locations).where(eq(locations.id, byId)).prepare(),
    holder: d
      .select({ id: boxes.id, code: boxes.code })
      .from(boxes)
      .where(and(eq(boxes.locationId, byId), standing))
      .prepare(),
    /** A room (no parent) or a child of a node, named by either of two keys. */
    room: d
      .select()
      .from(locations)
      .where(and(isNull(locations.parentId), namedKeys))
      .prepare(),
    child: d
      .select()
      .from(locations)
      .where(and(eq(locations.parentId, sql.placeholder('parentId')), namedKeys))
      .prepare(),
  }));

// A placement's writes, prepared once for the same reason: an import places every box it makes.
const placingQueries = (db: Db) =>
  preparedOnce(db, 'box-placing', (d) => ({
    box: d.select().from(boxes).where(eq(boxes.id, byId)).prepare(),
    place: d
      .update(boxes)
      .set(Object.fromEntries(['room', 'cabinet', 'shelf', 'position', 'locationId', 'updatedAt'].map((name) => [name, sql.placeholder(name)])))
      .where(eq(boxes.id, byId))
      .prepare(),
    move: d
      .insert(boxMoves)
      .values({
        boxId: sql.placeholder('boxId'),
        // As JSON text or NULL: through the column's encoder a placeholder's null would be written as 'null'.
        fromLocation: sql`${sql.placeholder('fromLocation')}`,
        toLocation: sql.placeholder('toLocation'),
        reason: sql.placeholder('reason'),
        movedBy: sql.placeholder('movedBy'),
        movedAt: sql.placeholder('movedAt'),
      })
      .prepare(),
  }));

export function getLocation(tx: Db, id: number): LocationRow {
  const row = locationQueries(tx).node.get({ id });
  if (!row) throw new AppError('LOCATION_UNKNOWN', { params: { text: String(id) } });
  return row;
}

/** A node's place as a box carries it: its own name and its ancestors' in their slots. */
export function placeOf(tx: Db, node: LocationRow): Location {
  const place: Location = { room: '', cabinet: '', shelf: '', position: '' };
  for (let at: LocationRow | null = node; at; at = at.parentId === null ? null : getLocation(tx, at.parentId)) place[at.kind] = at.name;
  return place;
}

function assertNameFree(tx: Db, parentId: number | null, name: string, exceptId?: number): void {
  const clash = tx
    .select({ id: locations.id })
    .from(locations)
    .where(and(parentId === null ? isNull(locations.parentId) : eq(locations.parentId, parentId), eq(locations.nameKey, locationKey(name))))
    .get();
  if (clash && clash.id !== exceptId)
    throw new AppError('LOCATION_NAME_TAKEN', { params: { name }, issues: [{ path: ['name'], message: 'v.locationNameTaken' }] });
}

function insertNode(tx: Db, kind: LocationKind, parentId: number | null, name: string, seq: number): LocationRow {
  return tx
    .insert(locations)
    .values({ kind, parentId, name, nameKey: locationKey(name), seq })
    .returning()
    .get();
}

const nextSeq = (tx: Db, parentId: number | null): number =>
  (tx
    .select({ seq: sql<number>`coalesce(max(${locations.seq}), 0)` })
    .from(locations)
    .where(parentId === null ? isNull(locations.parentId) : eq(locations.parentId, parentId))
    .get()?.seq ?? 0) + 1;

const nodeOf = (row: LocationRow, boxCount: number): LocationNode => ({
  id: row.id,
  kind: row.kind,
  parentId: row.parentId,
  name: row.name,
  seq: row.seq,
  boxes: boxCount,
});

/** The whole tree, flat, in shelf order, with how many boxes stand at each node. */
export function locationTree(db: Db): { nodes: LocationNode[] } {
  const counts = new Map(
    db
      .select({ id: boxes.locationId, n: sql<number>`count(*)` })
      .from(boxes)
      .where(and(standing, sql`${boxes.locationId} IS NOT NULL`))
      .groupBy(boxes.locationId)
      .all()
      .map((c) => [c.id, c.n]),
  );
  const rows = db.select().from(locations).orderBy(asc(locations.parentId), asc(locations.seq), asc(locations.id)).all();
  return { nodes: rows.map((r) => nodeOf(r, counts.get(r.id) ?? 0)) };
}

export function createRoom(db: Db, actor: Actor, name: string): LocationNode {
  return mutate(db, actor, (tx) => {
    assertNameFree(tx, null, name);
    const row = insertNode(tx, 'room', null, name, nextSeq(tx, null));
    return { result: nodeOf(row, 0), audit: { action: 'location-create', entity: 'location', entityId: row.id, after: { kind: 'room', name } } };
  });
}

/** Whole cabinets at once, each with its shelves 第1层… and their positions 01…. */
export function createCabinets(db: Db, actor: Actor, input: z.output<typeof cabinetsCreateInput>): { ids: number[] } {
  return mutate(db, actor, (tx) => {
    const room = getLocation(tx, input.roomId);
    if (room.kind !== 'room') throw new AppError('LOCATION_UNKNOWN', { params: { text: room.name } });
    const names = cabinetNames(input.first, input.count);
    let seq = nextSeq(tx, room.id);
    const ids = names.map((name) => {
      assertNameFree(tx, room.id, name);
      const cabinet = insertNode(tx, 'cabinet', room.id, name, seq++);
      for (let s = 1; s <= input.shelves; s++) {
        const shelf = insertNode(tx, 'shelf', cabinet.id, shelfName(s), s);
        for (let p = 1; p <= input.positions; p++) insertNode(tx, 'position', shelf.id, positionName(p), p);
      }
      return cabinet.id;
    });
    return {
      result: { ids },
      audit: {
        action: 'location-create',
        entity: 'location',
        entityId: ids[0]!,
        after: { kind: 'cabinet', path: room.name, names, shelves: input.shelves, positions: input.positions },
      },
    };
  });
}

/** Every node under (and including) the given ones, breadth first. */
function subtreeIds(tx: Db, rootId: number): number[] {
  const all = [rootId];
  for (let level = [rootId]; level.length > 0; ) {
    level = tx
      .select({ id: locations.id })
      .from(locations)
      .where(inArray(locations.parentId, level))
      .all()
      .map((r) => r.id);
    all.push(...level);
  }
  return all;
}

/** Boxes keep their place and get no move; the path they carry (and search) takes the new name. */
export function renameLocation(db: Db, actor: Actor, id: number, name: string): LocationNode {
  return mutate(db, actor, (tx) => {
    const before = getLocation(tx, id);
    assertNameFree(tx, before.parentId, name, id);
    const after = tx
      .update(locations)
      .set({ name, nameKey: locationKey(name) })
      .where(eq(locations.id, id))
      .returning()
      .get();
    const inside = tx
      .select({ id: boxes.id })
      .from(boxes)
      .where(inArray(boxes.locationId, subtreeIds(tx, id)))
      .all();
    for (const box of inside) {
      tx.update(boxes)
        .set({ [before.kind]: name })
        .where(eq(boxes.id, box.id))
        .run();
      indexBox(tx, box.id);
    }
    return {
      result: nodeOf(after, 0),
      audit: { action: 'location-rename', entity: 'location', entityId: id, before: { name: before.name }, after: { name, boxes: inside.length } },
    };
  });
}

/** Whether an inspection walked any of these cabinets or found a box in one: its record must keep naming them. */
function inspectedIn(tx: Db, ids: number[]): boolean {
  const part = tx.select({ id: inspectionParts.id }).from(inspectionParts).where(inArray(inspectionParts.cabinetId, ids)).limit(1).get();
  const item = tx
    .select({ id: inspectionItems.id })
    .from(inspectionItems)
    .where(or(inArray(inspectionItems.cabinetId, ids), inArray(inspectionItems.foundInId, ids)))
    .limit(1)
    .get();
  return part !== undefined || item !== undefined;
}

/** Only an empty node goes, with everything under it; a box anywhere inside keeps it (§ managed locations). */
export function removeLocation(db: Db, actor: Actor, id: number): null {
  return mutate(db, actor, (tx) => {
    const node = getLocation(tx, id);
    const ids = subtreeIds(tx, id);
    const inside = tx.select({ n: sql<number>`count(*)` }).from(boxes).where(inArray(boxes.locationId, ids)).get()!.n;
    if (inside > 0) throw new AppError('LOCATION_IN_USE', { params: { name: node.name, count: inside } });
    if (inspectedIn(tx, ids)) throw new AppError('LOCATION_HAS_RECORDS', { params: { name: node.name } });
    for (const nodeId of ids.reverse()) tx.delete(locations).where(eq(locations.id, nodeId)).run();
    return {
      result: null,
      audit: { action: 'location-remove', entity: 'location', entityId: id, before: { kind: node.kind, path: locationPath(placeOf(tx, node)) } },
    };
  });
}

/** Where a box may be put: a position (every screen and scan), or any node (an import's register that names only a cabinet). */
export type Placing = 'position' | 'any-node';

/**
 * Puts a box at a node inside the caller's transaction: the id, the path beside it, the move in
 * the box's history and the search index, together. A position holds one standing box.
 */
export function placeBox(
  tx: Db,
  actor: Actor,
  boxId: number,
  locationId: number | null,
  reason: string,
  placing: Placing = 'position',
): { from: Location | null; to: Location } {
  const queries = placingQueries(tx);
  const box = queries.box.get({ id: boxId });
  if (!box) throw new AppError('NOT_FOUND');
  const to =
    locationId === null
      ? { room: '', cabinet: '', shelf: '', position: '' }
      : placing === 'any-node' && getLocation(tx, locationId).kind !== 'position'
        ? placeOf(tx, getLocation(tx, locationId))
        : placeAt(tx, locationId, boxId);
  queries.place.run({ ...to, locationId, updatedAt: nowIso(), id: boxId });
  const from = box.room || box.cabinet || box.shelf || box.position ? { room: box.room, cabinet: box.cabinet, shelf: box.shelf, position: box.position } : null;
  queries.move.run({ boxId, fromLocation: from && JSON.stringify(from), toLocation: to, reason, movedBy: actor.id ?? 0, movedAt: nowIso() });
  indexBox(tx, boxId);
  return { from, to };
}

/** The place of a free position the box may go to; refused for a shelf, a cabinet or a taken position. */
export function placeAt(tx: Db, locationId: number, boxId: number | null): Location {
  const node = getLocation(tx, locationId);
  const place = placeOf(tx, node);
  if (node.kind !== 'position') throw new AppError('LOCATION_NOT_POSITION', { params: { path: locationPath(place) } });
  const holder = locationQueries(tx).holder.get({ id: locationId });
  if (holder && holder.id !== boxId) throw new AppError('POSITION_TAKEN', { params: { path: locationPath(place), code: holder.code } });
  return place;
}

const moveAudit = (boxId: number, code: string, from: Location | null, to: Location, reason: string): AuditEntry => ({
  action: 'box-move',
  entity: 'box',
  entityId: boxId,
  boxCode: code,
  before: from,
  after: { ...to, reason },
});

/** Scan the box, then the position's label: the box goes there, or nothing changes. */
export function placeByScan(
  db: Db,
  actor: Actor,
  input: { boxCode: string; positionCode: string; reason: string },
): { boxId: number; code: string; path: string } {
  return mutate(db, actor, (tx) => {
    const box = tx.select({ id: boxes.id, code: boxes.code }).from(boxes).where(eq(boxes.code, input.boxCode)).get();
    if (!box) throw new AppError('NOT_FOUND', { params: { code: input.boxCode } });
    const positionId = positionIdFromScan(tx, input.positionCode);
    const { from, to } = placeBox(tx, actor, box.id, positionId, input.reason);
    return { result: { boxId: box.id, code: box.code, path: locationPath(to) }, audit: moveAudit(box.id, box.code, from, to, input.reason) };
  });
}

/** A scanned label's position, refused with what was read when it names none. */
function positionIdFromScan(tx: Db, scanned: string): number {
  const id = positionIdOf(scanned);
  const node = id === null ? undefined : tx.select().from(locations).where(eq(locations.id, id)).get();
  if (node?.kind !== 'position') throw new AppError('LOCATION_UNKNOWN', { params: { text: scanned } });
  return node.id;
}

/** The positions under a shelf or cabinet in shelf order, each with its shelf's and its own seq. */
export function positionsUnder(tx: Db, node: LocationRow): { id: number; key: string }[] {
  if (node.kind === 'position') return [{ id: node.id, key: '0/0' }];
  const shelves = node.kind === 'shelf' ? [node] : tx.select().from(locations).where(eq(locations.parentId, node.id)).orderBy(asc(locations.seq)).all();
  return shelves.flatMap((shelf, s) =>
    tx
      .select()
      .from(locations)
      .where(eq(locations.parentId, shelf.id))
      .orderBy(asc(locations.seq))
      .all()
      .map((p, i) => ({ id: p.id, key: `${s}/${i}` })),
  );
}

/**
 * A whole shelf or cabinet to another of the same kind and layout: each box to the position at
 * the same shelf and place, one move each, in one transaction; a taken target refuses them all.
 */
export function moveContents(db: Db, actor: Actor, input: { fromId: number; toId: number; reason: string }): { moved: number } {
  return mutate(db, actor, (tx) => {
    const from = getLocation(tx, input.fromId);
    const to = getLocation(tx, input.toId);
    const sources = positionsUnder(tx, from);
    const targets = new Map(positionsUnder(tx, to).map((p) => [p.key, p.id]));
    if (from.kind !== to.kind || (from.kind !== 'shelf' && from.kind !== 'cabinet') || from.id === to.id)
      throw new AppError('LOCATION_LAYOUT_DIFFERS', { params: { from: from.name, to: to.name } });
    const audits: AuditEntry[] = [];
    const moving = sources.flatMap((source) =>
      tx
        .select({ id: boxes.id, code: boxes.code })
        .from(boxes)
        .where(and(eq(boxes.locationId, source.id), standing))
        .all()
        .map((box) => ({ box, target: targets.get(source.key) })),
    );
    // Every target is checked before any box moves, so a taken one refuses the whole move.
    for (const { target } of moving) {
      if (target === undefined) throw new AppError('LOCATION_LAYOUT_DIFFERS', { params: { from: from.name, to: to.name } });
      placeAt(tx, target, null);
    }
    for (const { box, target } of moving) {
      const { from: was, to: now } = placeBox(tx, actor, box.id, target!, input.reason);
      audits.push(moveAudit(box.id, box.code, was, now, input.reason));
    }
    if (audits.length === 0) throw new AppError('NOT_FOUND');
    return { result: { moved: audits.length }, audit: audits };
  });
}

/** One cabinet as the location screen draws it: its shelves, their positions and who stands where. */
export function cabinetGrid(db: Db, id: number): CabinetGrid {
  const cabinet = getLocation(db, id);
  if (cabinet.kind !== 'cabinet' || cabinet.parentId === null) throw new AppError('LOCATION_UNKNOWN', { params: { text: cabinet.name } });
  const room = getLocation(db, cabinet.parentId);
  const shelves = db.select().from(locations).where(eq(locations.parentId, id)).orderBy(asc(locations.seq), asc(locations.id)).all();
  const positions = shelves.length
    ? db
        .select()
        .from(locations)
        .where(
          inArray(
            locations.parentId,
            shelves.map((s) => s.id),
          ),
        )
        .orderBy(asc(locations.seq), asc(locations.id))
        .all()
    : [];
  const ids = [id, ...shelves.map((s) => s.id), ...positions.map((p) => p.id)];
  const standingBoxes = db
    .select({ id: boxes.id, code: boxes.code, title: boxes.title, status: boxes.status, locationId: boxes.locationId })
    .from(boxes)
    .where(and(inArray(boxes.locationId, ids), standing))
    .orderBy(asc(boxes.code))
    .all();
  const at = (nodeId: number) => standingBoxes.filter((b) => b.locationId === nodeId).map(({ locationId: _, ...b }) => b);
  return {
    cabinet: nodeOf(cabinet, at(id).length),
    room: nodeOf(room, 0),
    shelves: shelves.map((s) => ({
      id: s.id,
      name: s.name,
      positions: positions.filter((p) => p.parentId === s.id).map((p) => ({ id: p.id, name: p.name, code: positionCode(p.id), boxes: at(p.id) })),
    })),
    unplacedBoxes: standingBoxes.filter((b) => b.locationId === id || shelves.some((s) => s.id === b.locationId)).length,
  };
}

/** A blank part with a filled one below it is named so, never left blank in the tree. */
const UNNAMED = '未注明';

/**
 * The free-text places of boxes not yet in the tree, made into nodes: identical texts (as folded:
 * width, case, spaces) become one node, joined to a node of that name already there. A box whose
 * text stops early (no position) stands at the deepest node it names.
 */
function convertFreeText(tx: Db): Omit<ConversionReport, 'applied'> {
  const pending = tx
    .select()
    .from(boxes)
    .where(and(isNull(boxes.locationId), or(sql`${boxes.room} <> ''`, sql`${boxes.cabinet} <> ''`, sql`${boxes.shelf} <> ''`, sql`${boxes.position} <> ''`)))
    .orderBy(asc(boxes.id))
    .all();
  const report = new Map<number, { kind: LocationKind; path: string; variants: Set<string>; existing: boolean }>();
  for (const box of pending) {
    const parts = LOCATION_KINDS.map((kind) => box[kind]);
    const depth = parts.findLastIndex((p) => p !== '') + 1;
    let parent: LocationRow | null = null;
    for (let level = 0; level < depth; level++) {
      const kind = LOCATION_KINDS[level]!;
      const name = parts[level] || UNNAMED;
      const parentId: number | null = parent === null ? null : parent.id;
      const found: LocationRow | undefined = tx
        .select()
        .from(locations)
        .where(and(parentId === null ? isNull(locations.parentId) : eq(locations.parentId, parentId), eq(locations.nameKey, locationKey(name))))
        .get();
      const node: LocationRow = found ?? insertNode(tx, kind, parentId, name, nextSeq(tx, parentId));
      const entry = report.get(node.id) ?? {
        kind,
        path: locationPath(placeOf(tx, node)),
        variants: new Set<string>(),
        existing: found !== undefined && !report.has(node.id),
      };
      entry.variants.add(name);
      report.set(node.id, entry);
      parent = node;
    }
    // The converted path is the node's, which may spell a merged text the first way it was met.
    const place = placeOf(tx, parent!);
    tx.update(boxes)
      .set({ ...place, locationId: parent!.id })
      .where(eq(boxes.id, box.id))
      .run();
    indexBox(tx, box.id);
  }
  const nodes = [...report.values()].map((n) => ({ kind: n.kind, path: n.path, variants: [...n.variants], existing: n.existing }));
  return { nodes, merged: nodes.filter((n) => n.variants.length > 1).map(({ existing: _, ...n }) => n), boxes: pending.length };
}

/**
 * The node a written place names (an import's 存放位置), or null, with its place as the tree spells
 * it: each part matched as folded, a shelf also as 第N层 and a position also as 0N, the way the
 * custodian's cabinets are named. A register names its rooms, cabinets and shelves row after row:
 * each step down the tree is looked up once per finder.
 */
export function placeFinder(tx: Db): (place: Location) => { node: LocationRow; place: Location } | null {
  const queries = locationQueries(tx);
  const steps = new Map<string, LocationRow | null>();
  const step = (parentId: number | null, level: number, written: string): LocationRow | null => {
    const memo = `${parentId}\u0000${written}`;
    let node = steps.get(memo);
    if (node === undefined) {
      const spellings = [written];
      if (/^\d+$/.test(written)) spellings.push(level === 2 ? shelfName(Number(written)) : positionName(Number(written)));
      const [key, otherKey = key] = spellings.map(locationKey);
      const found = parentId === null ? queries.room.get({ key, otherKey }) : queries.child.get({ parentId, key, otherKey });
      node = found && found.kind === LOCATION_KINDS[level] ? found : null;
      steps.set(memo, node);
    }
    return node;
  };
  return (written) => {
    const parts = LOCATION_KINDS.map((kind) => written[kind]);
    const depth = parts.findLastIndex((p) => p !== '') + 1;
    const place: Location = { room: '', cabinet: '', shelf: '', position: '' };
    let node: LocationRow | null = null;
    for (let level = 0; level < depth; level++) {
      node = step(node === null ? null : node.id, level, parts[level] || UNNAMED);
      if (!node) return null;
      place[node.kind] = node.name;
    }
    return node && { node, place };
  };
}

/** The dry run runs the conversion's own writes and rolls them back; apply keeps them, with one audit entry. */
export function convertLocations(db: Db, actor: Actor, apply: boolean): ConversionReport {
  if (!apply) return { ...rehearse(db, convertFreeText), applied: false };
  return mutate(db, actor, (tx) => {
    const report = convertFreeText(tx);
    return {
      result: { ...report, applied: true },
      audit: { action: 'location-convert', entity: 'location', entityId: null, after: { nodes: report.nodes.length, boxes: report.boxes } },
    };
  });
}
