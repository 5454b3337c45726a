import { aliasedTable, and, desc, eq, sql } from 'drizzle-orm';
import { placeholdersFor, preparedOnce } from '../../../db/prepared';
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import { boxDocuments, boxes, boxMoves, users, type BoxRow, type Location } from '../../../db/schema';
import type { BoxCreateInput, BoxDetail, boxMoveInput, boxUpdateInput, documentAddInput, documentUpdateInput, FoundBox } from '../../core/contract/boxes';
import { AppError } from '../../core/contract/errors';
import { retentionBelowMinimum } from '../../core/retention-minimums';
import { nowIso, type Actor } from './actor';
import type { AuditAction } from '../../core/contract/audit';
import type { AuditEntry } from './audit';
import { takeCode } from './box-codes';
import { checklistFor } from './checklist';
import { getOwnerRow } from './owners';
import { placeBox, type Placing } from './locations';
import { boxByCode, boxByFormerCode, formerCodesOf } from './box-former-codes';
import { indexBox } from './search-index';
import { getSettings } from './settings';
import { mutate } from './transaction';

const locationOf = (b: Location): Location => ({ room: b.room, cabinet: b.cabinet, shelf: b.shelf, position: b.position });

const byId = sql.placeholder('id');

export function getBoxRow(db: Db, id: number): BoxRow {
  const row = preparedOnce(db, 'box-row', (d) => d.select().from(boxes).where(eq(boxes.id, byId)).prepare()).get({ id });
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

const creator = aliasedTable(users, 'creator');

/** The box page's three reads, prepared once per connection. */
const boxPageQueries = (db: Db) =>
  preparedOnce(db, 'box-page', (d) => ({
    head: d
      .select({ box: boxes, createdByName: creator.displayName })
      .from(boxes)
      .innerJoin(creator, eq(creator.id, boxes.createdBy))
      .where(eq(boxes.id, byId))
      .prepare(),
    documents: d.select().from(boxDocuments).where(eq(boxDocuments.boxId, byId)).orderBy(desc(boxDocuments.docDate), desc(boxDocuments.id)).prepare(),
    moves: d
      .select({ move: boxMoves, movedByName: users.displayName })
      .from(boxMoves)
      .innerJoin(users, eq(users.id, boxMoves.movedBy))
      .where(eq(boxMoves.boxId, byId))
      .orderBy(desc(boxMoves.id))
      .prepare(),
  }));

export function getBox(db: Db, id: number): BoxDetail {
  const queries = boxPageQueries(db);
  const head = queries.head.get({ id });
  if (!head) throw new AppError('NOT_FOUND');
  const owner = head.box.ownerId === null ? null : getOwnerRow(db, head.box.ownerId);
  const documents = queries.documents.all({ id });
  const moves = queries.moves.all({ id }).map((m) => ({ ...m.move, movedByName: m.movedByName }));
  return {
    box: { ...head.box, createdByName: head.createdByName },
    formerCodes: formerCodesOf(db, id),
    owner,
    documents,
    moves,
    checklist: checklistFor(
      head.box,
      owner,
      documents.map((d) => d.category),
    ),
  };
}

/** A scan or a typed code: the box that has it, else the box that had it before a code change. */
export function findBoxByCode(db: Db, code: string): FoundBox {
  const row = boxByCode(db, code);
  if (row) return { ...row, formerCode: null };
  const renamed = boxByFormerCode(db, code);
  if (renamed) return { ...renamed, formerCode: code };
  throw new AppError('NOT_FOUND', { params: { code } });
}

/** The columns a new box is written with: the form's fields but its place, which placeBox writes. */
const BOX_INSERTED = [
  'code',
  'kind',
  'title',
  'ownerId',
  'volume',
  'yearFrom',
  'yearTo',
  'confidentiality',
  'retentionClass',
  'retentionYears',
  'retentionStart',
  'note',
  'createdBy',
] as const;

/** A new box's reads and its insert, prepared once per connection: an import runs them for each of thousands of rows. */
const insertQueries = (db: Db) =>
  preparedOnce(db, 'box-insert', (d) => ({
    volumeHolder: d
      .select({ id: boxes.id })
      .from(boxes)
      .where(and(eq(boxes.ownerId, sql.placeholder('ownerId')), eq(boxes.volume, sql.placeholder('volume'))))
      .prepare(),
    box: d.insert(boxes).values(placeholdersFor(BOX_INSERTED)).returning({ id: boxes.id }).prepare(),
  }));

function assertOwnerVolumeFree(tx: Db, ownerId: number | null, volume: number, exceptBoxId?: number): void {
  if (ownerId === null) return;
  getOwnerRow(tx, ownerId);
  const clash = insertQueries(tx).volumeHolder.get({ ownerId, volume });
  if (clash && clash.id !== exceptBoxId)
    throw new AppError('OWNER_HAS_VOLUME', { params: { volume }, issues: [{ path: ['volume'], message: 'v.volumeTaken' }] });
}

/** 国家档案局令第10号: a box may be kept longer than its kind's class, never shorter. */
function assertRetentionMinimum(box: Parameters<typeof retentionBelowMinimum>[0]): void {
  const minimum = retentionBelowMinimum(box);
  if (minimum)
    throw new AppError('RETENTION_BELOW_MINIMUM', {
      params: { kind: box.kind, minimum },
      issues: [{ path: [box.retentionClass === 'custom' ? 'retentionYears' : 'retentionClass'], message: 'v.retentionMinimum' }],
    });
}

/** A code is free when no box has it and none had it: a former code still finds its box. */
export function assertCodeFree(tx: Db, code: string, exceptFormerOf?: number): void {
  if (boxByCode(tx, code)) {
    throw new AppError('DUPLICATE_CODE', { params: { code }, issues: [{ path: ['code'], message: 'v.codeTaken' }] });
  }
  const former = boxByFormerCode(tx, code);
  if (former && former.id !== exceptFormerOf)
    throw new AppError('BOX_CODE_FORMER', { params: { code, current: former.code }, issues: [{ path: ['code'], message: 'v.codeTaken' }] });
}

/** One new box inside the caller's transaction (a single box, or an import's thousands); returns its audit entry. */
export function insertBox(
  tx: Db,
  actor: Actor,
  input: BoxCreateInput,
  moveReason = '入库登记',
  placing: Placing = 'position',
): { id: number; audit: AuditEntry } {
  assertOwnerVolumeFree(tx, input.ownerId, input.volume);
  assertRetentionMinimum(input);
  const code = input.code || takeCode(tx, getSettings(tx), input.kind);
  assertCodeFree(tx, code);
  const { locationId, ...fields } = input;
  const { id } = insertQueries(tx).box.get({ ...fields, code, createdBy: actor.id ?? 0 })!;
  // The first entry of the box's history, even unplaced, as before the tree.
  placeBox(tx, actor, id, locationId, moveReason, placing);
  return { id, audit: { action: 'box-create', entity: 'box', entityId: id, boxCode: code, after: getBoxRow(tx, id) } };
}

export function createBox(db: Db, actor: Actor, input: BoxCreateInput): BoxDetail {
  const id = mutate(db, actor, (tx) => {
    const made = insertBox(tx, actor, input);
    return { result: made.id, audit: made.audit };
  });
  return getBox(db, id);
}

export function updateBox(db: Db, actor: Actor, input: z.output<typeof boxUpdateInput>): BoxDetail {
  const { id, moveReason, locationId, ...fields } = input;
  mutate(db, actor, (tx) => {
    const before = getBoxRow(tx, id);
    assertOwnerVolumeFree(tx, fields.ownerId, fields.volume, id);
    assertRetentionMinimum(fields);
    const moved = before.locationId !== locationId;
    if (moved && !moveReason) throw new AppError('VALIDATION', { issues: [{ path: ['moveReason'], message: 'v.moveReason' }] });
    tx.update(boxes)
      .set({ ...fields, updatedAt: nowIso() })
      .where(eq(boxes.id, id))
      .run();
    if (moved) placeBox(tx, actor, id, locationId, moveReason);
    else indexBox(tx, id);
    const after = getBoxRow(tx, id);
    return { result: null, audit: { action: 'box-update', entity: 'box', entityId: id, boxCode: after.code, before, after } };
  });
  return getBox(db, id);
}

export function moveBox(db: Db, actor: Actor, input: z.output<typeof boxMoveInput>): BoxDetail {
  const { id, reason, locationId } = input;
  mutate(db, actor, (tx) => {
    const before = getBoxRow(tx, id);
    const { to } = placeBox(tx, actor, id, locationId, reason);
    return {
      result: null,
      audit: { action: 'box-move', entity: 'box', entityId: id, boxCode: before.code, before: locationOf(before), after: { ...to, reason } },
    };
  });
  return getBox(db, id);
}

function documentAudit(action: AuditAction, box: BoxRow, before: unknown, after: unknown): AuditEntry {
  return { action, entity: 'box-document', entityId: box.id, boxCode: box.code, before, after };
}

export function addDocument(db: Db, actor: Actor, input: z.output<typeof documentAddInput>): BoxDetail {
  mutate(db, actor, (tx) => {
    const box = getBoxRow(tx, input.boxId);
    const row = tx
      .insert(boxDocuments)
      .values({ ...input, createdBy: actor.id ?? 0 })
      .returning()
      .get();
    return { result: null, audit: documentAudit('box-document-add', box, null, row) };
  });
  return getBox(db, input.boxId);
}

function getDocument(tx: Db, id: number) {
  const row = tx.select().from(boxDocuments).where(eq(boxDocuments.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export function updateDocument(db: Db, actor: Actor, input: z.output<typeof documentUpdateInput>): BoxDetail {
  const { id, ...fields } = input;
  const boxId = mutate(db, actor, (tx) => {
    const before = getDocument(tx, id);
    const after = tx.update(boxDocuments).set(fields).where(eq(boxDocuments.id, id)).returning().get();
    return { result: before.boxId, audit: documentAudit('box-document-update', getBoxRow(tx, before.boxId), before, after) };
  });
  return getBox(db, boxId);
}

/** The removed entry stays in the audit log whole, so the contents list can always be rebuilt. */
export function removeDocument(db: Db, actor: Actor, id: number): BoxDetail {
  const boxId = mutate(db, actor, (tx) => {
    const before = getDocument(tx, id);
    tx.delete(boxDocuments).where(eq(boxDocuments.id, id)).run();
    return { result: before.boxId, audit: documentAudit('box-document-remove', getBoxRow(tx, before.boxId), before, null) };
  });
  return getBox(db, boxId);
}
