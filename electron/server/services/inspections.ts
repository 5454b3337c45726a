import { locationPath } from '../../core/contract/locations';
import { and, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import {
  boxes,
  followUps,
  inspectionItems,
  inspectionParts,
  inspections,
  locations,
  users,
  type FollowUpRow,
  type InspectionItemRow,
  type InspectionRow,
} from '../../../db/schema';
import { AppError } from '../../core/contract/errors';
import type {
  Finding,
  FollowUp,
  followUpListInput,
  Inspection,
  inspectionCheckInput,
  InspectionItem,
  inspectionPartStartInput,
  inspectionScanInput,
  InspectionStatus,
  InspectionSummary,
  StocktakeStatus,
} from '../../core/contract/inspections';
import type { INSPECTION_KINDS } from '../../core/enums';
import { nowIso, type Actor } from './actor';
import type { AuditEntry } from './audit';
import { findingsOf } from './inspection-findings';
import { apartBoxes, boxesWithStatus, cabinetIndex, partOf, partsOf, unlistedCount, WALKED } from './inspection-parts';
import { localDate, localDayStart } from './local-date';
import { mutate } from './transaction';

export { findingsOf };
export const currentMonth = (): string => localDate().slice(0, 7);

const isChecked = (item: Pick<InspectionItemRow, 'checkedAt'>) => item.checkedAt !== null;

/** Shelf order: room, cabinet, shelf, position, compared as people read them (2 before 10). */
const natural = new Intl.Collator('zh-CN', { numeric: true });
const shelfKey = (b: { room: string; cabinet: string; shelf: string; position: string; code: string }) => [b.room, b.cabinet, b.shelf, b.position, b.code];
function shelfOrder<T extends { room: string; cabinet: string; shelf: string; position: string; code: string }>(a: T, b: T): number {
  const ka = shelfKey(a);
  const kb = shelfKey(b);
  for (let i = 0; i < ka.length; i++) {
    const c = natural.compare(ka[i], kb[i]);
    if (c !== 0) return c;
  }
  return 0;
}

const starter = alias(users, 'starter');
const completer = alias(users, 'completer');

function summaries(db: Db, where?: SQL): InspectionSummary[] {
  const rows = db
    .select({ i: inspections, startedByName: starter.displayName, completedByName: completer.displayName })
    .from(inspections)
    .innerJoin(starter, eq(starter.id, inspections.startedBy))
    .leftJoin(completer, eq(completer.id, inspections.completedBy))
    .where(where)
    .orderBy(desc(inspections.month))
    .all();
  if (!rows.length) return [];
  const items = db
    .select()
    .from(inspectionItems)
    .where(
      inArray(
        inspectionItems.inspectionId,
        rows.map((r) => r.i.id),
      ),
    )
    .all();
  return rows.map(({ i, startedByName, completedByName }) => {
    const mine = items.filter((it) => it.inspectionId === i.id);
    return {
      id: i.id,
      month: i.month,
      kind: i.kind,
      status: i.status,
      startedAt: i.startedAt,
      startedByName,
      completedAt: i.completedAt,
      completedByName,
      byCabinet: i.byCabinet,
      total: mine.length,
      checked: mine.filter(isChecked).length,
      withFindings: mine.filter((it) => findingsOf(it).length > 0).length,
    };
  });
}

export const listInspections = (db: Db): InspectionSummary[] => summaries(db);

function itemsOf(db: Db, where: SQL): InspectionItem[] {
  return db
    .select({ it: inspectionItems, box: boxes, checkedByName: users.displayName, foundCabinet: foundCabinet.name, foundRoom: foundRoom.name })
    .from(inspectionItems)
    .innerJoin(boxes, eq(boxes.id, inspectionItems.boxId))
    .leftJoin(users, eq(users.id, inspectionItems.checkedBy))
    .leftJoin(foundCabinet, eq(foundCabinet.id, inspectionItems.foundInId))
    .leftJoin(foundRoom, eq(foundRoom.id, foundCabinet.parentId))
    .where(where)
    .orderBy(inspectionItems.seq)
    .all()
    .map(({ it, box, checkedByName, foundCabinet, foundRoom }) => ({
      id: it.id,
      seq: it.seq,
      boxId: box.id,
      code: box.code,
      title: box.title,
      location: locationPath(box),
      present: it.present,
      complete: it.complete,
      correctlyFiled: it.correctlyFiled,
      condition: it.condition,
      note: it.note,
      checkedAt: it.checkedAt,
      checkedByName,
      findings: findingsOf(it),
      cabinetId: it.cabinetId,
      foundIn: foundCabinet === null ? null : locationPath({ room: foundRoom ?? '', cabinet: foundCabinet, shelf: '', position: '' }),
    }));
}

const foundCabinet = alias(locations, 'found_cabinet');
const foundRoom = alias(locations, 'found_room');
const followUpCreator = alias(users, 'follow_up_creator');
const followUpCloser = alias(users, 'follow_up_closer');

function followUpsWhere(db: Db, where: SQL | undefined, limit = 1000): FollowUp[] {
  return db
    .select({
      f: followUps,
      month: inspections.month,
      boxCode: boxes.code,
      boxTitle: boxes.title,
      createdByName: followUpCreator.displayName,
      closedByName: followUpCloser.displayName,
    })
    .from(followUps)
    .innerJoin(inspections, eq(inspections.id, followUps.inspectionId))
    .innerJoin(boxes, eq(boxes.id, followUps.boxId))
    .innerJoin(followUpCreator, eq(followUpCreator.id, followUps.createdBy))
    .leftJoin(followUpCloser, eq(followUpCloser.id, followUps.closedBy))
    .where(where)
    .orderBy(desc(followUps.id))
    .limit(limit)
    .all()
    .map(({ f, month, boxCode, boxTitle, createdByName, closedByName }) => ({
      id: f.id,
      inspectionId: f.inspectionId,
      month,
      itemId: f.itemId,
      boxId: f.boxId,
      boxCode,
      boxTitle,
      findings: f.findings as Finding[],
      note: f.note,
      owner: f.owner,
      status: f.status,
      createdAt: f.createdAt,
      createdByName,
      closedAt: f.closedAt,
      closedByName,
      resolution: f.resolution,
    }));
}

export function getInspection(db: Db, id: number): Inspection {
  const summary = summaries(db, eq(inspections.id, id))[0];
  if (!summary) throw new AppError('NOT_FOUND');
  const row = db.select().from(inspections).where(eq(inspections.id, id)).get() as InspectionRow;
  return {
    ...summary,
    items: itemsOf(db, eq(inspectionItems.inspectionId, id)),
    followUps: followUpsWhere(db, eq(followUps.inspectionId, id)),
    parts: row.byCabinet ? partsOf(db, row) : [],
    apart: row.byCabinet ? [] : apartBoxes(db, row),
  };
}

export function listFollowUps(db: Db, input: z.output<typeof followUpListInput>): FollowUp[] {
  return followUpsWhere(
    db,
    and(input.status && eq(followUps.status, input.status), input.inspectionId ? eq(followUps.inspectionId, input.inspectionId) : undefined),
    input.limit,
  );
}

export function inspectionStatus(db: Db): InspectionStatus {
  const month = currentMonth();
  const current = summaries(db, and(eq(inspections.month, month), eq(inspections.kind, 'monthly')))[0] ?? null;
  return {
    month,
    current,
    done: current?.status === 'completed',
    openFollowUps: db.select({ n: count() }).from(followUps).where(eq(followUps.status, 'open')).get()?.n ?? 0,
  };
}

/**
 * This month's inspection of a kind, its boxes in the order the shelves are walked. Walked by
 * cabinet, only the boxes in no cabinet are listed now; each cabinet's when its part starts.
 */
export function startInspection(db: Db, actor: Actor, kind: (typeof INSPECTION_KINDS)[number] = 'monthly', byCabinet = false): Inspection {
  const id = mutate(db, actor, (tx) => {
    const month = currentMonth();
    if (
      tx
        .select({ id: inspections.id })
        .from(inspections)
        .where(and(eq(inspections.month, month), eq(inspections.kind, kind)))
        .get()
    )
      throw new AppError('INSPECTION_EXISTS', { params: { month, kind } });
    const row = tx
      .insert(inspections)
      .values({ month, kind, byCabinet, startedAt: nowIso(), startedBy: actor.id ?? 0 })
      .returning()
      .get();
    const { cabinetOf } = cabinetIndex(tx);
    const inStock = boxesWithStatus(tx, WALKED[kind]).filter((b) => !byCabinet || cabinetOf(b.locationId) === null);
    listItems(tx, row.id, inStock, 1, null);
    return {
      result: row.id,
      audit: { action: 'inspection-start', entity: 'inspection', entityId: row.id, before: null, after: { ...row, boxes: inStock.length } },
    };
  });
  return getInspection(db, id);
}

/** Inserts the boxes' items in shelf order from seq `from`, in chunks: one statement per box would be slow for thousands. */
function listItems(tx: Db, inspectionId: number, listed: (Parameters<typeof shelfKey>[0] & { id: number })[], from: number, cabinetId: number | null): void {
  const ordered = [...listed].sort(shelfOrder);
  for (let i = 0; i < ordered.length; i += 500) {
    tx.insert(inspectionItems)
      .values(ordered.slice(i, i + 500).map((b, j) => ({ inspectionId, boxId: b.id, seq: from + i + j, cabinetId })))
      .run();
  }
}

const nextSeq = (tx: Db, inspectionId: number): number =>
  (tx
    .select({ n: sql<number>`coalesce(max(${inspectionItems.seq}), 0)` })
    .from(inspectionItems)
    .where(eq(inspectionItems.inspectionId, inspectionId))
    .get()?.n ?? 0) + 1;

/** Starts (or reopens) one cabinet of an inspection walked by cabinet: its boxes in stock now are what it expects. */
export function startPart(db: Db, actor: Actor, input: z.output<typeof inspectionPartStartInput>): Inspection {
  mutate(db, actor, (tx) => {
    const row = openInspection(tx, input.inspectionId);
    if (!row.byCabinet) throw new AppError('INSPECTION_NOT_BY_CABINET');
    const index = cabinetIndex(tx);
    if (!index.cabinets.some((c) => c.id === input.cabinetId)) throw new AppError('LOCATION_UNKNOWN', { params: { text: String(input.cabinetId) } });
    if (partOf(tx, row.id, input.cabinetId)) return { result: null, audit: [] };
    tx.insert(inspectionParts)
      .values({ inspectionId: row.id, cabinetId: input.cabinetId, startedAt: nowIso(), startedBy: actor.id ?? 0 })
      .run();
    const listed = new Set(
      tx
        .select({ boxId: inspectionItems.boxId })
        .from(inspectionItems)
        .where(eq(inspectionItems.inspectionId, row.id))
        .all()
        .map((r) => r.boxId),
    );
    const here = boxesWithStatus(tx, WALKED[row.kind]).filter((b) => index.cabinetOf(b.locationId) === input.cabinetId && !listed.has(b.id));
    listItems(tx, row.id, here, nextSeq(tx, row.id), input.cabinetId);
    return {
      result: null,
      audit: {
        action: 'inspection-part-start',
        entity: 'inspection',
        entityId: row.id,
        before: null,
        after: { cabinet: index.pathOf(input.cabinetId), boxes: here.length },
      },
    };
  });
  return getInspection(db, input.inspectionId);
}

/** The day a year before today, on the local calendar (29 February counts from 1 March). */
function yearAgo(): string {
  const [y, m, d] = localDate().split('-').map(Number);
  return new Date(Date.UTC(y - 1, m - 1, d)).toISOString().slice(0, 10);
}

/** When the last full stocktake was, what it found, and whether one is due (never, or over a year ago). */
export function stocktakeStatus(db: Db): StocktakeStatus {
  const full = summaries(db, eq(inspections.kind, 'full'));
  const last = full.filter((s) => s.status === 'completed').sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''))[0] ?? null;
  return {
    last,
    findings: last ? followUpsWhere(db, eq(followUps.inspectionId, last.id)) : [],
    open: full.find((s) => s.status === 'open') ?? null,
    due: last === null || (last.completedAt ?? '') < localDayStart(yearAgo()),
  };
}

function openInspection(tx: Db, id: number): InspectionRow {
  const row = tx.select().from(inspections).where(eq(inspections.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND');
  if (row.status !== 'open') throw new AppError('INSPECTION_CLOSED', { params: { month: row.month } });
  return row;
}

const getItem = (db: Db, id: number): InspectionItem => {
  const item = itemsOf(db, eq(inspectionItems.id, id))[0];
  if (!item) throw new AppError('NOT_FOUND');
  return item;
};

/**
 * Records one box's check. Findings open a follow-up with its owner; checking the box again
 * updates its still-open follow-up rather than opening a second one.
 */
export function checkItem(db: Db, actor: Actor, input: z.output<typeof inspectionCheckInput>): InspectionItem {
  mutate(db, actor, (tx) => {
    const item = tx.select().from(inspectionItems).where(eq(inspectionItems.id, input.itemId)).get();
    if (!item) throw new AppError('NOT_FOUND');
    openInspection(tx, item.inspectionId);
    const box = tx.select({ code: boxes.code }).from(boxes).where(eq(boxes.id, item.boxId)).get();
    // Found in another cabinet, it cannot be recorded as filed right: the finding stands until it is moved.
    if (item.foundInId !== null && input.present && input.correctlyFiled) throw new AppError('INSPECTION_WRONG_PLACE', { params: { code: box?.code ?? '' } });
    const after = tx
      .update(inspectionItems)
      .set({
        present: input.present,
        complete: input.complete,
        correctlyFiled: input.correctlyFiled,
        condition: input.condition,
        note: input.note,
        checkedAt: nowIso(),
        checkedBy: actor.id,
      })
      .where(eq(inspectionItems.id, item.id))
      .returning()
      .get();
    const entries: AuditEntry[] = [{ action: 'inspection-check', entity: 'inspection', entityId: item.inspectionId, boxCode: box?.code, before: item, after }];
    const findings = findingsOf(after);
    if (findings.length > 0) {
      const open = tx
        .select()
        .from(followUps)
        .where(and(eq(followUps.itemId, item.id), eq(followUps.status, 'open')))
        .get();
      const fields = { findings, note: input.note, owner: input.followUpOwner };
      const followUp: FollowUpRow = open
        ? tx.update(followUps).set(fields).where(eq(followUps.id, open.id)).returning().get()
        : tx
            .insert(followUps)
            .values({ ...fields, inspectionId: item.inspectionId, itemId: item.id, boxId: item.boxId, createdAt: nowIso(), createdBy: actor.id ?? 0 })
            .returning()
            .get();
      entries.push({ action: 'follow-up-open', entity: 'follow-up', entityId: followUp.id, boxCode: box?.code, before: open ?? null, after: followUp });
    }
    return { result: null, audit: entries };
  });
  return getItem(db, input.itemId);
}

/** A scan at the shelf: the box is there. Marks it present (if not checked yet) and returns its row to open. */
export function scanItem(db: Db, actor: Actor, input: z.output<typeof inspectionScanInput>): InspectionItem {
  const itemId = mutate(db, actor, (tx) => {
    const inspection = openInspection(tx, input.inspectionId);
    if (input.cabinetId !== undefined) return scanAtCabinet(tx, inspection, input.code, input.cabinetId);
    const found = tx
      .select({ it: inspectionItems })
      .from(inspectionItems)
      .innerJoin(boxes, eq(boxes.id, inspectionItems.boxId))
      .where(and(eq(inspectionItems.inspectionId, input.inspectionId), eq(boxes.code, input.code)))
      .get();
    if (!found) throw new AppError('INSPECTION_BOX_NOT_LISTED', { params: { code: input.code } });
    const item = found.it;
    if (item.present !== null) return { result: item.id, audit: [] };
    const after = tx.update(inspectionItems).set({ present: true }).where(eq(inspectionItems.id, item.id)).returning().get();
    return {
      result: item.id,
      audit: { action: 'inspection-check', entity: 'inspection', entityId: item.inspectionId, boxCode: input.code, before: item, after },
    };
  });
  return getItem(db, itemId);
}

/**
 * A scan while walking one cabinet. A box registered here is present; a box registered elsewhere
 * (or nowhere) is present too, but in the wrong place (§4.8.1 有无存放错误): it is listed, if it
 * was not yet, and keeps where it was found beside where it belongs.
 */
function scanAtCabinet(tx: Db, inspection: InspectionRow, code: string, cabinetId: number) {
  if (!inspection.byCabinet) throw new AppError('INSPECTION_NOT_BY_CABINET');
  const index = cabinetIndex(tx);
  if (!partOf(tx, inspection.id, cabinetId))
    throw new AppError('INSPECTION_PART_NOT_STARTED', { params: { cabinet: index.pathOf(cabinetId) || String(cabinetId) } });
  const box = tx.select().from(boxes).where(eq(boxes.code, code)).get();
  if (!box) throw new AppError('INSPECTION_BOX_NOT_LISTED', { params: { code } });
  const item = tx
    .select()
    .from(inspectionItems)
    .where(and(eq(inspectionItems.inspectionId, inspection.id), eq(inspectionItems.boxId, box.id)))
    .get();
  const audit = (before: InspectionItemRow | null, after: InspectionItemRow): AuditEntry => ({
    action: 'inspection-check',
    entity: 'inspection',
    entityId: inspection.id,
    boxCode: code,
    before,
    after,
  });
  if (!item) {
    if (!WALKED[inspection.kind].includes(box.status)) throw new AppError('INSPECTION_BOX_NOT_LISTED', { params: { code } });
    const after = tx
      .insert(inspectionItems)
      .values({
        inspectionId: inspection.id,
        boxId: box.id,
        seq: nextSeq(tx, inspection.id),
        cabinetId: index.cabinetOf(box.locationId),
        present: true,
        correctlyFiled: false,
        foundInId: cabinetId,
      })
      .returning()
      .get();
    return { result: after.id, audit: audit(null, after) };
  }
  if (item.checkedAt !== null || (item.cabinetId === cabinetId && item.present !== null)) return { result: item.id, audit: [] };
  const wrongPlace = item.cabinetId !== cabinetId;
  const after = tx
    .update(inspectionItems)
    .set(wrongPlace ? { present: true, correctlyFiled: false, foundInId: cabinetId } : { present: true })
    .where(eq(inspectionItems.id, item.id))
    .returning()
    .get();
  return { result: item.id, audit: audit(item, after) };
}

export function completeInspection(db: Db, actor: Actor, id: number): Inspection {
  mutate(db, actor, (tx) => {
    const row = openInspection(tx, id);
    const unchecked =
      tx
        .select({ n: count() })
        .from(inspectionItems)
        .where(and(eq(inspectionItems.inspectionId, id), isNull(inspectionItems.checkedAt)))
        .get()?.n ?? 0;
    const remaining = unchecked + (row.byCabinet ? unlistedCount(tx, row) : 0);
    if (remaining > 0) throw new AppError('INSPECTION_INCOMPLETE', { params: { remaining } });
    const after = tx
      .update(inspections)
      .set({ status: 'completed', completedAt: nowIso(), completedBy: actor.id })
      .where(eq(inspections.id, id))
      .returning()
      .get();
    return { result: null, audit: { action: 'inspection-complete', entity: 'inspection', entityId: id, before: row, after } };
  });
  return getInspection(db, id);
}

export function closeFollowUp(db: Db, actor: Actor, id: number, resolution: string): FollowUp {
  mutate(db, actor, (tx) => {
    const row = tx.select().from(followUps).where(eq(followUps.id, id)).get();
    if (!row) throw new AppError('NOT_FOUND');
    if (row.status !== 'open') throw new AppError('FOLLOW_UP_CLOSED');
    const after = tx
      .update(followUps)
      .set({ status: 'closed', closedAt: nowIso(), closedBy: actor.id, resolution })
      .where(eq(followUps.id, id))
      .returning()
      .get();
    const box = tx.select({ code: boxes.code }).from(boxes).where(eq(boxes.id, row.boxId)).get();
    return { result: null, audit: { action: 'follow-up-close', entity: 'follow-up', entityId: id, boxCode: box?.code, before: row, after } };
  });
  return followUpsWhere(db, eq(followUps.id, id))[0];
}
