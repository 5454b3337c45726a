import { and, asc, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import { placeholdersFor, preparedOnce } from '../../../db/prepared';
import { boxes, owners, type OwnerRow } from '../../../db/schema';
import type { OwnerDetail, OwnerInput, OwnerListRow, ownerListInput, ownerUpdateInput } from '../../core/contract/owners';
import { AppError } from '../../core/contract/errors';
import { nowIso, type Actor } from './actor';
import { ownerKey } from '../../core/contract/owner-names';
import type { AuditEntry } from './audit';
import { containsPattern } from './like';
import { ownerKeyColumns } from './owner-keys';
import { indexOwnerBoxes } from './search-index';
import { mutate } from './transaction';

/** An owner as its audit entry records it: what the form shows, not the keys derived from the name. */
const audited = ({ nameKey: _key, nameKeyReversed: _reversed, ...shown }: OwnerRow) => shown;

/** The columns a new owner is written with: the form's fields and its name's keys. */
const OWNER_INSERTED = [
  'name',
  'unitNo',
  'floor',
  'businessType',
  'contactPerson',
  'phone',
  'leaseStart',
  'moveOutDate',
  'note',
  'nameKey',
  'nameKeyReversed',
] as const;

/** Inserts an owner with its name's keys (the owner form and both imports), with its owner-create audit entry. */
export function insertOwner(tx: Db, input: OwnerInput): { row: OwnerRow; audit: AuditEntry } {
  const row = preparedOnce(tx, 'owner-insert', (d) => d.insert(owners).values(placeholdersFor(OWNER_INSERTED)).returning().prepare()).get({
    ...input,
    ...ownerKeyColumns(input.name),
  })!;
  return { row, audit: { action: 'owner-create', entity: 'owner', entityId: row.id, after: audited(row) } };
}

export function getOwnerRow(db: Db, id: number): OwnerRow {
  const row = preparedOnce(db, 'owner-row', (d) =>
    d
      .select()
      .from(owners)
      .where(eq(owners.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export function getOwner(db: Db, id: number): OwnerDetail {
  const owner = getOwnerRow(db, id);
  const ownerBoxes = db
    .select({ id: boxes.id, code: boxes.code, title: boxes.title, volume: boxes.volume, status: boxes.status, kind: boxes.kind })
    .from(boxes)
    .where(eq(boxes.ownerId, id))
    .orderBy(asc(boxes.volume))
    .all();
  return { owner, boxes: ownerBoxes };
}

export function listOwners(db: Db, input: z.output<typeof ownerListInput>): { rows: OwnerListRow[]; nextCursor: number | null } {
  const conditions: (SQL | undefined)[] = [];
  if (input.query) {
    const p = containsPattern(input.query);
    // The name also by its key, so 翠鸟(成都) or a doubled space finds 翠鸟（成都）.
    const key = containsPattern(ownerKey(input.query));
    conditions.push(
      or(
        sql`${owners.name} LIKE ${p} ESCAPE '\\'`,
        sql`${owners.nameKey} LIKE ${key} ESCAPE '\\'`,
        sql`${owners.unitNo} LIKE ${p} ESCAPE '\\'`,
        sql`${owners.contactPerson} LIKE ${p} ESCAPE '\\'`,
        sql`${owners.phone} LIKE ${p} ESCAPE '\\'`,
      ),
    );
  }
  if (input.floor) conditions.push(eq(owners.floor, input.floor));
  if (input.businessType) conditions.push(eq(owners.businessType, input.businessType));
  if (input.cursor) conditions.push(lt(owners.id, input.cursor));
  const rows = db
    .select({ owner: owners, boxCount: sql<number>`(SELECT count(*) FROM boxes b WHERE b.owner_id = owners.id)` })
    .from(owners)
    .where(and(...conditions))
    .orderBy(desc(owners.id))
    .limit(input.limit + 1)
    .all();
  const page = rows.slice(0, input.limit).map((r) => ({ ...r.owner, boxCount: r.boxCount }));
  return { rows: page, nextCursor: rows.length > input.limit ? page[page.length - 1].id : null };
}

export function createOwner(db: Db, actor: Actor, input: OwnerInput): OwnerRow {
  return mutate(db, actor, (tx) => {
    const { row, audit } = insertOwner(tx, input);
    return { result: row, audit };
  });
}

/** A changed name or unit number changes how the owner's boxes are found, so they are reindexed. */
export function updateOwner(db: Db, actor: Actor, input: z.output<typeof ownerUpdateInput>): OwnerRow {
  const { id, ...fields } = input;
  return mutate(db, actor, (tx) => {
    const before = getOwnerRow(tx, id);
    const row = tx
      .update(owners)
      .set({ ...fields, ...ownerKeyColumns(fields.name), updatedAt: nowIso() })
      .where(eq(owners.id, id))
      .returning()
      .get();
    indexOwnerBoxes(tx, id);
    return { result: row, audit: { action: 'owner-update', entity: 'owner', entityId: id, before: audited(before), after: audited(row) } };
  });
}
