import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import { boxes, boxFormerCodes } from '../../../db/schema';
import type { BoxDetail, boxCodeChangeInput } from '../../core/contract/boxes';
import { AppError } from '../../core/contract/errors';
import { nowIso, type Actor } from './actor';
import { assertCodeFree, getBox, getBoxRow } from './boxes';
import { indexBox } from './search-index';
import { mutate } from './transaction';

/**
 * Gives a box a new code (档号, DA/T 13: a code once issued does not change silently). The old code
 * is kept as the box's former code, so a scan or search by it still finds the box and no other box
 * is given it; going back to a code the same box had before takes it off that list.
 */
export function changeBoxCode(db: Db, actor: Actor, input: z.output<typeof boxCodeChangeInput>): BoxDetail {
  mutate(db, actor, (tx) => {
    const before = getBoxRow(tx, input.id);
    if (before.code === input.code) throw new AppError('BOX_CODE_UNCHANGED', { issues: [{ path: ['code'], message: 'v.codeUnchanged' }] });
    assertCodeFree(tx, input.code, input.id);
    const at = nowIso();
    tx.delete(boxFormerCodes)
      .where(and(eq(boxFormerCodes.boxId, input.id), eq(boxFormerCodes.code, input.code)))
      .run();
    tx.insert(boxFormerCodes)
      .values({ boxId: input.id, code: before.code, newCode: input.code, reason: input.reason, changedBy: actor.id ?? 0, changedAt: at })
      .run();
    tx.update(boxes).set({ code: input.code, updatedAt: at }).where(eq(boxes.id, input.id)).run();
    indexBox(tx, input.id);
    return {
      result: null,
      audit: {
        action: 'box-code-change',
        entity: 'box',
        entityId: input.id,
        boxCode: input.code,
        before: { code: before.code },
        after: { code: input.code, codeReason: input.reason },
      },
    };
  });
  return getBox(db, input.id);
}
