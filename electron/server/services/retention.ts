import { and, asc, inArray, isNotNull, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import { boxes, destructionBoxes, destructions, retentionEndOf, type BoxRow } from '../../../db/schema';
import type { RetentionReport, retentionReportInput, RetentionRow } from '../../core/contract/destructions';
import { itemCounts } from './form-numbers';
import { heldBoxIds } from './holds';

/** The report stops at this many boxes; a class or an earlier date narrows it. */
export const RETENTION_REPORT_CAP = 2000;

/** Years a class keeps a box; null for permanent (never ends). */
export function retentionYearsOf(box: Pick<BoxRow, 'retentionClass' | 'retentionYears'>): number | null {
  switch (box.retentionClass) {
    case 'permanent':
      return null;
    case 'y30':
      return 30;
    case 'y10':
      return 10;
    case 'custom':
      return box.retentionYears;
  }
}

/** The day retention runs out: the start date plus the class's years; null if permanent or no start is known. */
export function retentionEnd(box: Pick<BoxRow, 'retentionClass' | 'retentionYears' | 'retentionStart'>): string | null {
  const years = retentionYearsOf(box);
  if (years === null || !box.retentionStart) return null;
  const [y, m, d] = box.retentionStart.split('-').map(Number);
  // Through UTC; 29 February plus a non-leap number of years rolls to 1 March, as SQLite's date() does.
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** The same end date in SQL, so the report filters in the database. */
export const retentionEndSql = retentionEndOf(boxes);

/** Boxes on a proposal still in progress. */
export function proposedBoxIds(db: Db, boxIds?: number[]): Set<number> {
  const where: SQL[] = [inArray(destructions.status, ['proposed', 'approved'])];
  if (boxIds) where.push(inArray(destructionBoxes.boxId, boxIds));
  return new Set(
    db
      .select({ boxId: destructionBoxes.boxId })
      .from(destructionBoxes)
      .innerJoin(destructions, sql`${destructions.id} = ${destructionBoxes.destructionId}`)
      .where(and(...where))
      .all()
      .map((r) => r.boxId),
  );
}

/**
 * Boxes whose retention has ended, or ends by `by`, still in the archive's hands (not destroyed or
 * transferred), ordered by class then end date. Held boxes are counted, not listed.
 */
export function retentionReport(db: Db, input: z.output<typeof retentionReportInput>): RetentionReport {
  const rows = db
    .select({ box: boxes, end: retentionEndSql })
    .from(boxes)
    .where(
      and(
        ne(boxes.retentionClass, 'permanent'),
        isNotNull(boxes.retentionStart),
        notInArray(boxes.status, ['destroyed', 'transferred']),
        input.retentionClass ? sql`${boxes.retentionClass} = ${input.retentionClass}` : undefined,
        sql`${retentionEndSql} <= ${input.by}`,
        input.from ? sql`${retentionEndSql} >= ${input.from}` : undefined,
      ),
    )
    .orderBy(asc(boxes.retentionClass), asc(retentionEndSql), asc(boxes.code))
    .all();
  const held = heldBoxIds(db);
  const listed = rows.filter((r) => !held.has(r.box.id));
  const page = listed.slice(0, RETENTION_REPORT_CAP);
  const ids = page.map((r) => r.box.id);
  const counts = itemCounts(db, ids);
  const proposed = proposedBoxIds(db, ids);
  return {
    by: input.by,
    heldExcluded: rows.length - listed.length,
    truncated: listed.length > page.length,
    rows: page.map(
      ({ box, end }): RetentionRow => ({
        boxId: box.id,
        code: box.code,
        title: box.title,
        kind: box.kind,
        status: box.status,
        retentionClass: box.retentionClass,
        retentionYears: retentionYearsOf(box) ?? 0,
        retentionStart: box.retentionStart ?? '',
        retentionEnd: end,
        yearFrom: box.yearFrom,
        yearTo: box.yearTo,
        itemCount: counts.get(box.id) ?? 0,
        proposed: proposed.has(box.id),
      }),
    ),
  };
}
