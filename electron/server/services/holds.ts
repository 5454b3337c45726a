import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import { destructionBoxes, destructions, holds, transferBoxes, transfers, users, type HoldRow } from '../../../db/schema';
import { AppError } from '../../core/contract/errors';
import type { BoxCustody, Hold, holdLiftInput, holdPlaceInput } from '../../core/contract/holds';
import { nowIso, type Actor } from './actor';
import { getBoxRow } from './boxes';
import { mutate } from './transaction';

const placer = alias(users, 'placer');
const lifter = alias(users, 'lifter');

function holdsWhere(db: Db, where: ReturnType<typeof eq>): Hold[] {
  return db
    .select({ h: holds, placedByName: placer.displayName, liftedByName: lifter.displayName })
    .from(holds)
    .innerJoin(placer, eq(placer.id, holds.placedBy))
    .leftJoin(lifter, eq(lifter.id, holds.liftedBy))
    .where(where)
    .orderBy(desc(holds.id))
    .all()
    .map(({ h, placedByName, liftedByName }) => ({
      id: h.id,
      boxId: h.boxId,
      reason: h.reason,
      placedAt: h.placedAt,
      placedByName,
      liftedAt: h.liftedAt,
      liftedByName,
      liftReason: h.liftReason,
    }));
}

const getHold = (db: Db, id: number): Hold => {
  const hold = holdsWhere(db, eq(holds.id, id))[0];
  if (!hold) throw new AppError('NOT_FOUND');
  return hold;
};

/** Boxes among these with a hold not yet lifted. */
export function heldBoxIds(db: Db, boxIds?: number[]): Set<number> {
  const where = boxIds ? and(isNull(holds.liftedAt), inArray(holds.boxId, boxIds)) : isNull(holds.liftedAt);
  return new Set(
    db
      .select({ boxId: holds.boxId })
      .from(holds)
      .where(where)
      .all()
      .map((r) => r.boxId),
  );
}

export function placeHold(db: Db, actor: Actor, input: z.output<typeof holdPlaceInput>): Hold {
  const id = mutate(db, actor, (tx) => {
    const box = getBoxRow(tx, input.boxId);
    if (heldBoxIds(tx, [box.id]).size > 0) throw new AppError('HOLD_ACTIVE', { params: { code: box.code } });
    const row = tx
      .insert(holds)
      .values({ boxId: box.id, reason: input.reason, placedAt: nowIso(), placedBy: actor.id ?? 0 })
      .returning()
      .get();
    return { result: row.id, audit: { action: 'hold-place', entity: 'hold', entityId: row.id, boxCode: box.code, before: null, after: row } };
  });
  return getHold(db, id);
}

export function liftHold(db: Db, actor: Actor, input: z.output<typeof holdLiftInput>): Hold {
  mutate(db, actor, (tx) => {
    const hold = tx.select().from(holds).where(eq(holds.id, input.id)).get();
    if (!hold) throw new AppError('NOT_FOUND');
    if (hold.liftedAt !== null) throw new AppError('HOLD_LIFTED');
    const after: HoldRow = tx
      .update(holds)
      .set({ liftedAt: nowIso(), liftedBy: actor.id, liftReason: input.reason })
      .where(eq(holds.id, hold.id))
      .returning()
      .get();
    return { result: null, audit: { action: 'hold-lift', entity: 'hold', entityId: hold.id, boxCode: getBoxRow(tx, hold.boxId).code, before: hold, after } };
  });
  return getHold(db, input.id);
}

/** What the box page shows of custody: the holder, holds, transfer orders and the destruction that ended it. */
export function boxCustody(db: Db, boxId: number): BoxCustody {
  const box = getBoxRow(db, boxId);
  const orders = db
    .select({
      id: transfers.id,
      transferNo: transfers.transferNo,
      toDepartment: transfers.toDepartment,
      status: transfers.status,
      signedAt: transfers.signedAt,
    })
    .from(transferBoxes)
    .innerJoin(transfers, eq(transfers.id, transferBoxes.transferId))
    .where(eq(transferBoxes.boxId, boxId))
    .orderBy(desc(transfers.id))
    .all();
  const destruction =
    db
      .select({ id: destructions.id, registerNo: destructions.registerNo, status: destructions.status, destroyedOn: destructions.destroyedOn })
      .from(destructionBoxes)
      .innerJoin(destructions, eq(destructions.id, destructionBoxes.destructionId))
      .where(and(eq(destructionBoxes.boxId, boxId), inArray(destructions.status, ['proposed', 'approved', 'executed'])))
      .orderBy(desc(destructions.id))
      .get() ?? null;
  return { custodianDepartment: box.custodianDepartment, holds: holdsWhere(db, eq(holds.boxId, boxId)), transfers: orders, destruction };
}
