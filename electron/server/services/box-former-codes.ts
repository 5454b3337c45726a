import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/connection';
import { boxes, boxFormerCodes, users } from '../../../db/schema';
import type { FormerCode } from '../../core/contract/boxes';

/** The box that once had this code, with the code it has now; undefined when no box had it. */
export function boxByFormerCode(db: Db, code: string): { id: number; code: string } | undefined {
  return db
    .select({ id: boxes.id, code: boxes.code })
    .from(boxFormerCodes)
    .innerJoin(boxes, eq(boxes.id, boxFormerCodes.boxId))
    .where(eq(boxFormerCodes.code, code))
    .get();
}

/** A box's earlier codes, the latest change first. */
export function formerCodesOf(db: Db, boxId: number): FormerCode[] {
  return db
    .select({
      code: boxFormerCodes.code,
      newCode: boxFormerCodes.newCode,
      reason: boxFormerCodes.reason,
      changedAt: boxFormerCodes.changedAt,
      changedByName: users.displayName,
    })
    .from(boxFormerCodes)
    .innerJoin(users, eq(users.id, boxFormerCodes.changedBy))
    .where(eq(boxFormerCodes.boxId, boxId))
    .orderBy(desc(boxFormerCodes.id))
    .all();
}
