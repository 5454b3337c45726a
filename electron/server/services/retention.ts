import { and, asc, eq, inArray, isNotNull, isNull, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import { boxes, destructionBoxes, destructions, holds, retentionEndOf, users, type BoxRow } from '../../../db/schema';
import type { HeldRetentionRow, RetentionReport, retentionReportInput, RetentionRow } from '../../core/contract/destructions';
import { locationPath } from '../../core/contract/locations';
import { itemCounts } from './form-numbers';
import { monthDays } from './local-date';

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

/** The open hold of each of these boxes, with who placed it. */
function openHolds(db: Db, boxIds: number[]) {
  if (!boxIds.length) return new Map<number, { id: number; reason: string; placedAt: string; placedByName: string }>();
  const rows = db
    .select({ boxId: holds.boxId, id: holds.id, reason: holds.reason, placedAt: holds.placedAt, placedByName: users.displayName })
    .from(holds)
    .innerJoin(users, eq(users.id, holds.placedBy))
    .where(and(isNull(holds.liftedAt), inArray(holds.boxId, boxIds)))
    .all();
  return new Map(rows.map(({ boxId, ...hold }) => [boxId, hold]));
}

/** The range of end dates a report covers: up to a date, or within one month. */
function endRange(input: z.output<typeof retentionReportInput>): { from: string | null; by: string } {
  if (input.month) {
    const { first, last } = monthDays(input.month);
    return { from: first, by: last };
  }
  return { from: input.from ?? null, by: input.by ?? '' };
}

/**
 * Boxes whose retention has ended, or ends by `by` (or within `month`: the custodian's monthly
 * list), still in the archive's hands (not destroyed or transferred), ordered by class then end
 * date. Held boxes are not listed with the rest: they come apart with their holds, to review.
 */
export function retentionReport(db: Db, input: z.output<typeof retentionReportInput>): RetentionReport {
  const { from, by } = endRange(input);
  const rows = db
    .select({ box: boxes, end: retentionEndSql })
    .from(boxes)
    .where(
      and(
        ne(boxes.retentionClass, 'permanent'),
        isNotNull(boxes.retentionStart),
        notInArray(boxes.status, ['destroyed', 'transferred']),
        input.retentionClass ? sql`${boxes.retentionClass} = ${input.retentionClass}` : undefined,
        from ? sql`${retentionEndSql} >= ${from}` : undefined,
        sql`${retentionEndSql} <= ${by}`,
      ),
    )
    .orderBy(asc(boxes.retentionClass), asc(retentionEndSql), asc(boxes.code))
    .all();
  const held = openHolds(
    db,
    rows.map((r) => r.box.id),
  );
  const listed = rows.filter((r) => !held.has(r.box.id));
  const page = listed.slice(0, RETENTION_REPORT_CAP);
  const heldRows = rows.filter((r) => held.has(r.box.id)).slice(0, RETENTION_REPORT_CAP);
  const ids = [...page, ...heldRows].map((r) => r.box.id);
  const counts = itemCounts(db, ids);
  const proposed = proposedBoxIds(db, ids);
  const rowOf = ({ box, end }: (typeof rows)[number]): Omit<RetentionRow, 'proposed'> => ({
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
    location: locationPath(box),
  });
  return {
    by,
    month: input.month ?? null,
    heldExcluded: rows.length - listed.length,
    truncated: listed.length > page.length,
    rows: page.map((r): RetentionRow => ({ ...rowOf(r), proposed: proposed.has(r.box.id) })),
    held: heldRows.map((r): HeldRetentionRow => {
      const hold = held.get(r.box.id)!;
      return { ...rowOf(r), holdId: hold.id, holdReason: hold.reason, heldSince: hold.placedAt, heldByName: hold.placedByName };
    }),
  };
}
