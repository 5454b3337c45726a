import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/connection';
import {
  boxDocuments,
  boxes,
  destructions,
  followUps,
  holds,
  incidents,
  inspectionItems,
  inspections,
  loans,
  owners,
  transfers,
  users,
  type AuditRow,
} from '../../../db/schema';
import { refKindOf, type AuditListRow, type AuditRefKind, type AuditRefs } from '../../core/contract/audit';
import { localDate } from './local-date';

type Names = Map<number, string>;

/** A record with no number of its own, as the desk knows it: the box it concerns and the day it was made. */
const boxAndDay = (code: string, at: string) => `${code} · ${localDate(new Date(at))}`;

/** id → what the record is called, for the ids asked about; one query per kind of record. */
const NAMERS: Record<AuditRefKind | 'transfer' | 'destruction' | 'incident' | 'hold' | 'follow-up', (db: Db, ids: number[]) => Names> = {
  user: (db, ids) =>
    new Map(
      db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, ids))
        .all()
        .map((r) => [r.id, r.name]),
    ),
  loan: (db, ids) =>
    new Map(
      db
        .select({ id: loans.id, name: loans.loanNo })
        .from(loans)
        .where(inArray(loans.id, ids))
        .all()
        .map((r) => [r.id, r.name]),
    ),
  box: (db, ids) =>
    new Map(
      db
        .select({ id: boxes.id, name: boxes.code })
        .from(boxes)
        .where(inArray(boxes.id, ids))
        .all()
        .map((r) => [r.id, r.name]),
    ),
  owner: (db, ids) =>
    new Map(
      db
        .select({ id: owners.id, name: owners.name })
        .from(owners)
        .where(inArray(owners.id, ids))
        .all()
        .map((r) => [r.id, r.name]),
    ),
  transfer: (db, ids) =>
    new Map(
      db
        .select({ id: transfers.id, name: transfers.transferNo })
        .from(transfers)
        .where(inArray(transfers.id, ids))
        .all()
        .map((r) => [r.id, r.name]),
    ),
  destruction: (db, ids) =>
    new Map(
      db
        .select({ id: destructions.id, name: destructions.registerNo })
        .from(destructions)
        .where(inArray(destructions.id, ids))
        .all()
        .map((r) => [r.id, r.name]),
    ),
  inspection: (db, ids) =>
    new Map(
      db
        .select({ id: inspections.id, name: inspections.month })
        .from(inspections)
        .where(inArray(inspections.id, ids))
        .all()
        .map((r) => [r.id, r.name]),
    ),
  'box-document': (db, ids) =>
    new Map(
      db
        .select({ id: boxDocuments.id, name: boxDocuments.title })
        .from(boxDocuments)
        .where(inArray(boxDocuments.id, ids))
        .all()
        .map((r) => [r.id, r.name]),
    ),
  // An inspection item is one box in one month's walk: 2026-03 · ZH-2026-0001.
  'inspection-item': (db, ids) =>
    new Map(
      db
        .select({ id: inspectionItems.id, month: inspections.month, code: boxes.code })
        .from(inspectionItems)
        .innerJoin(inspections, eq(inspections.id, inspectionItems.inspectionId))
        .innerJoin(boxes, eq(boxes.id, inspectionItems.boxId))
        .where(inArray(inspectionItems.id, ids))
        .all()
        .map((r) => [r.id, `${r.month} · ${r.code}`]),
    ),
  incident: (db, ids) =>
    new Map(
      db
        .select({ id: incidents.id, code: boxes.code, at: incidents.createdAt })
        .from(incidents)
        .innerJoin(boxes, eq(boxes.id, incidents.boxId))
        .where(inArray(incidents.id, ids))
        .all()
        .map((r) => [r.id, boxAndDay(r.code, r.at)]),
    ),
  hold: (db, ids) =>
    new Map(
      db
        .select({ id: holds.id, code: boxes.code, at: holds.placedAt })
        .from(holds)
        .innerJoin(boxes, eq(boxes.id, holds.boxId))
        .where(inArray(holds.id, ids))
        .all()
        .map((r) => [r.id, boxAndDay(r.code, r.at)]),
    ),
  'follow-up': (db, ids) =>
    new Map(
      db
        .select({ id: followUps.id, code: boxes.code, at: followUps.createdAt })
        .from(followUps)
        .innerJoin(boxes, eq(boxes.id, followUps.boxId))
        .where(inArray(followUps.id, ids))
        .all()
        .map((r) => [r.id, boxAndDay(r.code, r.at)]),
    ),
};
type Namer = keyof typeof NAMERS;

/** The entities whose entries name their record: by its number or name, or (incidents, holds, follow-ups) by box and day. */
const ENTITY_NAMER: Partial<Record<string, Namer>> = {
  user: 'user',
  owner: 'owner',
  box: 'box',
  // An item's entries are filed under its box's id: 卷内文件 ZH-2026-0001 is "the items of that box".
  'box-document': 'box',
  loan: 'loan',
  transfer: 'transfer',
  destruction: 'destruction',
  inspection: 'inspection',
  incident: 'incident',
  hold: 'hold',
  'follow-up': 'follow-up',
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value and, inside lists and objects (an export's filters), the values it holds, each under its own field. */
function leaves(field: string, value: unknown): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((item) => leaves(field, item));
  if (isRecord(value)) return Object.entries(value).flatMap(([key, inner]) => leaves(key, inner));
  return [[field, value]];
}

/** Every (field, value) of an entry's changes, whichever shape diffFields gave them. */
function changedValues(changes: string): [string, unknown][] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(changes);
  } catch {
    return [];
  }
  if (!isRecord(parsed)) return [];
  if ('before' in parsed && 'after' in parsed && Object.keys(parsed).length === 2)
    return [parsed.before, parsed.after].flatMap((side) => (isRecord(side) ? Object.entries(side).flatMap(([f, v]) => leaves(f, v)) : []));
  return Object.entries(parsed).flatMap(([field, pair]) => (Array.isArray(pair) ? pair.flatMap((v) => leaves(field, v)) : []));
}

const idOf = (value: unknown): number | null => (typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null);

/**
 * Names a page of entries in one pass: each record by its own number and each id in the changes by
 * what it is now called. An id whose record is gone stays unnamed, and the viewer shows it as stored.
 */
export function describeAuditRows(db: Db, rows: AuditRow[]): AuditListRow[] {
  const wanted = new Map<Namer, Set<number>>();
  const want = (namer: Namer, id: number | null) => {
    if (id === null) return;
    if (!wanted.has(namer)) wanted.set(namer, new Set());
    wanted.get(namer)!.add(id);
  };
  const perRow = rows.map((row) => {
    const namer = ENTITY_NAMER[row.entity];
    const entityId = row.entityId !== null && /^\d+$/.test(row.entityId) ? Number(row.entityId) : null;
    if (namer) want(namer, entityId);
    const refs = changedValues(row.changes).flatMap(([field, value]): [AuditRefKind, number][] => {
      const kind = refKindOf(field);
      const id = idOf(value);
      return kind && id !== null ? [[kind, id]] : [];
    });
    for (const [kind, id] of refs) want(kind, id);
    return { namer, entityId, refs };
  });
  const names = new Map<Namer, Names>([...wanted].map(([namer, ids]) => [namer, NAMERS[namer](db, [...ids])]));
  return rows.map((row, i) => {
    const { namer, entityId, refs } = perRow[i];
    const described: AuditRefs = {};
    for (const [kind, id] of refs) {
      const name = names.get(kind)?.get(id);
      if (name !== undefined) described[kind] = { ...described[kind], [String(id)]: name };
    }
    const objectNo = namer && entityId !== null ? (names.get(namer)?.get(entityId) ?? null) : null;
    return { ...row, objectNo, refs: described };
  });
}
