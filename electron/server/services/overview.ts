import { and, asc, count, desc, eq, gte, isNotNull, lt, ne, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/connection';
import { boxes, followUps, inspectionItems, inspections, loans, locations, owners, roomReadings } from '../../../db/schema';
import { contract, type CallName } from '../../core/contract';
import type { Access } from '../../core/contract/define';
import { OVERVIEW_LISTS, type Overview, type OverviewFigure } from '../../core/contract/overview';
import { BOX_STATUSES, type Role } from '../../core/enums';
import { backupOverview, OVERDUE_DAYS } from './backups';
import { addDays, daysBetween, localDate, localDayStart } from './local-date';
import { retentionEndSql } from './retention';
import { getThresholds, listRoomIncidents } from './rooms';

/** Whether a role may open a list: the contract's rule, as the dispatcher applies it. */
function mayCall(role: Role, name: CallName): boolean {
  const access: Access = contract[name].access;
  return access === 'signed-in' || (access !== 'public' && access.includes(role));
}

/** 'YYYY-MM' of a local calendar day, moved by whole months. */
function monthOf(date: string, shift = 0): string {
  const [y, m] = date.split('-').map(Number);
  const at = new Date(Date.UTC(y, m - 1 + shift, 1));
  return at.toISOString().slice(0, 7);
}

/** Loans by the local month they were requested in: twelve range counts on the request-time index. */
function loansByMonth(db: Db, today: string): Overview['loansByMonth'] {
  const months = Array.from({ length: 12 }, (_, i) => monthOf(today, i - 11));
  const counted = db
    .select({ n: count() })
    .from(loans)
    .where(and(gte(loans.requestedAt, sql.placeholder('from')), lt(loans.requestedAt, sql.placeholder('to'))))
    .prepare();
  return months.map((month, i) => ({
    month,
    count: counted.get({ from: localDayStart(`${month}-01`), to: localDayStart(`${monthOf(today, i - 10)}-01`) })?.n ?? 0,
  }));
}

/** Out past the due date, by the department the borrower gave; through the status and due-date index. */
function overdueByDepartment(db: Db, today: string): Overview['overdueByDepartment'] {
  const n = count();
  return db
    .select({ department: loans.borrowerDepartment, count: n })
    .from(loans)
    .where(and(eq(loans.status, 'out'), lt(loans.dueDate, today)))
    .groupBy(loans.borrowerDepartment)
    .orderBy(desc(n), asc(loans.borrowerDepartment))
    .all();
}

/** Read off the status index alone. */
function boxesByStatus(db: Db): NonNullable<Overview['boxesByStatus']> {
  const rows = db.select({ status: boxes.status, count: count() }).from(boxes).groupBy(boxes.status).all();
  return BOX_STATUSES.map((status) => ({ status, count: rows.find((r) => r.status === status)?.count ?? 0 }));
}

/** Per owner through the owner index, then summed by the owner's floor; boxes of no owner have no floor. */
function boxesByFloor(db: Db, total: number): Overview['boxesByFloor'] {
  const rows = db
    .select({ floor: owners.floor, count: count() })
    .from(owners)
    .innerJoin(boxes, eq(boxes.ownerId, owners.id))
    .where(ne(owners.floor, ''))
    .groupBy(owners.floor)
    .all();
  const floors = rows.sort((a, b) => a.floor.localeCompare(b.floor, 'zh-CN', { numeric: true }));
  return { floors, noFloor: total - floors.reduce((sum, f) => sum + f.count, 0) };
}

/** Boxes the archive still answers for whose retention ends this month or in the eleven after it. */
function retentionByMonth(db: Db, today: string): Overview['retentionByMonth'] {
  const months = Array.from({ length: 12 }, (_, i) => monthOf(today, i));
  const month = sql<string>`substr(${retentionEndSql}, 1, 7)`;
  const rows = db
    .select({ month, count: count() })
    .from(boxes)
    .where(
      and(
        ne(boxes.retentionClass, 'permanent'),
        isNotNull(boxes.retentionStart),
        notInArray(boxes.status, ['destroyed', 'transferred']),
        gte(retentionEndSql, `${months[0]}-01`),
        lt(retentionEndSql, `${monthOf(today, 12)}-01`),
      ),
    )
    .groupBy(month)
    .all();
  return months.map((m) => ({ month: m, count: rows.find((r) => r.month === m)?.count ?? 0 }));
}

/** A finding as findingsOf (inspections.ts) has it: missing, incomplete, misfiled, or not in good condition. */
const withFinding = sql`${inspectionItems.present} IS NOT NULL AND (${inspectionItems.present} = 0 OR ${inspectionItems.complete} = 0 OR ${inspectionItems.correctlyFiled} = 0 OR coalesce(${inspectionItems.condition}, 'good') <> 'good')`;

function inspection(db: Db, today: string): Overview['inspection'] {
  const month = monthOf(today);
  const current = db
    .select({ id: inspections.id, status: inspections.status })
    .from(inspections)
    .where(and(eq(inspections.month, month), eq(inspections.kind, 'monthly')))
    .get();
  const openFollowUps = db.select({ n: count() }).from(followUps).where(eq(followUps.status, 'open')).get()?.n ?? 0;
  if (!current) return { month, started: false, completed: false, total: 0, checked: 0, withFindings: 0, openFollowUps };
  const items = db
    .select({ total: count(), checked: count(inspectionItems.checkedAt), withFindings: sql<number>`coalesce(sum(${withFinding}), 0)` })
    .from(inspectionItems)
    .where(eq(inspectionItems.inspectionId, current.id))
    .get();
  return {
    month,
    started: true,
    completed: current.status === 'completed',
    total: items?.total ?? 0,
    checked: items?.checked ?? 0,
    withFindings: Number(items?.withFindings ?? 0),
    openFollowUps,
  };
}

function backups(db: Db, now: Date): Overview['backups'] {
  const { folders } = backupOverview(db, now);
  return {
    overdueDays: OVERDUE_DAYS,
    media: folders.map(({ folder, lastGood, lastError }) => ({
      folder,
      lastGoodAt: lastGood?.at ?? null,
      days: lastGood ? daysBetween(localDate(new Date(lastGood.at)), localDate(now)) : null,
      failedSince: lastError && (!lastGood || lastError.at > lastGood.at) ? lastError.at : null,
    })),
  };
}

/** Each room's days of the last 30 (today included), averaged in the database. */
function rooms(db: Db, today: string): Overview['rooms'] {
  const from = addDays(today, -29);
  const day = sql<string>`substr(${roomReadings.readAt}, 1, 10)`;
  const all = db
    .select({ id: locations.id, name: locations.name })
    .from(locations)
    .where(eq(locations.kind, 'room'))
    .orderBy(locations.seq, locations.id)
    .all();
  const rows = db
    .select({
      roomId: roomReadings.roomId,
      day,
      temperature: sql<number>`round(avg(${roomReadings.temperature}), 1)`,
      humidity: sql<number>`round(avg(${roomReadings.humidity}), 1)`,
      minTemperature: sql<number>`min(${roomReadings.temperature})`,
      maxTemperature: sql<number>`max(${roomReadings.temperature})`,
      minHumidity: sql<number>`min(${roomReadings.humidity})`,
      maxHumidity: sql<number>`max(${roomReadings.humidity})`,
      readings: count(),
      outOfRange: sql<number>`sum(${roomReadings.outOfRange})`,
    })
    .from(roomReadings)
    .where(gte(roomReadings.readAt, from))
    .groupBy(roomReadings.roomId, day)
    .orderBy(roomReadings.roomId, day)
    .all();
  return {
    from,
    thresholds: getThresholds(db),
    rooms: all.map((room) => ({ roomId: room.id, name: room.name, days: rows.filter((r) => r.roomId === room.id).map(({ roomId: _, ...d }) => d) })),
  };
}

/**
 * Every figure of the overview in one read transaction, so they agree with each other; a figure
 * the role may not open the list of is not counted at all.
 */
export function overview(db: Db, role: Role, now: Date = new Date()): Overview {
  const today = localDate(now);
  const shown = (figure: OverviewFigure) => mayCall(role, OVERVIEW_LISTS[figure]);
  return db.transaction(
    (tx) => {
      const t = tx as unknown as Db;
      const boxTotal = t.select({ n: count() }).from(boxes).get()?.n ?? 0;
      return {
        today,
        boxTotal,
        roomIncidents: listRoomIncidents(t, { status: 'open' }).map(({ closedAt: _c, closedByName: _n, followUp: _f, ...open }) => open),
        loansByMonth: shown('loansByMonth') ? loansByMonth(t, today) : null,
        overdueByDepartment: shown('overdueByDepartment') ? overdueByDepartment(t, today) : null,
        boxesByStatus: shown('boxesByStatus') ? boxesByStatus(t) : null,
        boxesByFloor: shown('boxesByFloor') ? boxesByFloor(t, boxTotal) : null,
        retentionByMonth: shown('retentionByMonth') ? retentionByMonth(t, today) : null,
        inspection: shown('inspection') ? inspection(t, today) : null,
        backups: shown('backups') ? backups(t, now) : null,
        rooms: shown('rooms') ? rooms(t, today) : null,
      };
    },
    { behavior: 'deferred' },
  );
}
