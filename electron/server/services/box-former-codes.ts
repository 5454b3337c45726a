import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/connection';
import { preparedOnce } from '../../../db/prepared';
import { boxes, boxFormerCodes, users } from '../../../db/schema';
import type { FormerCode } from '../../core/contract/boxes';

// Asked of every code a box is saved or imported with, and of every scan: prepared once.
const codeQueries = (db: Db) =>
  preparedOnce(db, 'box-by-code', (d) => ({
    now: d
      .select({ id: boxes.id, code: boxes.code })
      .from(boxes)
      .where(eq(boxes.code, sql.placeholder('code')))
      .prepare(),
    former: d
      .select({ id: boxes.id, code: boxes.code })
      .from(boxFormerCodes)
      .innerJoin(boxes, eq(boxes.id, boxFormerCodes.boxId))
      .where(eq(boxFormerCodes.code, sql.placeholder('code')))
      .prepare(),
  }));

/** The box that has this code now; undefined when none has. */
export const boxByCode = (db: Db, code: string): { id: number; code: string } | undefined => codeQueries(db).now.get({ code });

/** The box that once had this code, with the code it has now; undefined when no box had it. */
export const boxByFormerCode = (db: Db, code: string): { id: number; code: string } | undefined => codeQueries(db).former.get({ code });

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
