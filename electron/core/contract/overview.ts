import { z } from 'zod';
import { BOX_STATUSES, INCIDENT_STATUSES, ROOM_RISKS } from '../enums';
import { call } from './define';
import { empty } from './fields';

/**
 * 概览: the first screen of those who would rather look than read (issue #17). Every figure is
 * counted in the database in one read; a figure is null for a role that may not open the list
 * behind it (OVERVIEW_LISTS), so the overview never shows more than the lists would.
 */
const count = z.number().int().min(0);
const month = z.string().regex(/^\d{4}-\d{2}$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const overviewOutput = z
  .object({
    /** The local calendar day the figures were counted on. */
    today: day,
    /** Every box the register holds, in any state: 0 is an empty archive. */
    boxTotal: count,
    /** Open room incidents (§4.5.1), oldest first: what the manager must see at once. */
    roomIncidents: z.array(
      z.object({
        id: z.number().int(),
        roomId: z.number().int(),
        roomName: z.string(),
        risk: z.enum(ROOM_RISKS),
        description: z.string(),
        status: z.enum(INCIDENT_STATUSES),
        openedAt: z.string(),
        openedByName: z.string(),
      }),
    ),
    /** Loans requested in each of the last 12 local months, oldest first, the current month last. */
    loansByMonth: z.array(z.object({ month, count })).nullable(),
    /** Loans out past their due date now, by the borrower's department, most first. */
    overdueByDepartment: z.array(z.object({ department: z.string(), count })).nullable(),
    /** Every status, in the order BOX_STATUSES lists them, zeros included. */
    boxesByStatus: z.array(z.object({ status: z.enum(BOX_STATUSES), count })).nullable(),
    /** Boxes by their owner's floor, in floor order; boxes of no owner or an owner without a floor are `noFloor`. */
    boxesByFloor: z.object({ floors: z.array(z.object({ floor: z.string(), count })), noFloor: count }).nullable(),
    /** Boxes still in the archive's hands whose retention ends in each of the next 12 months, this month first. */
    retentionByMonth: z.array(z.object({ month, count })).nullable(),
    /** This month's monthly inspection; `started` false until the custodian starts it. */
    inspection: z
      .object({ month, started: z.boolean(), completed: z.boolean(), total: count, checked: count, withFindings: count, openFollowUps: count })
      .nullable(),
    /** Each backup folder (medium): when its last verified backup was made, and whole days since; null: never. */
    backups: z
      .object({
        media: z.array(z.object({ folder: z.string(), lastGoodAt: z.string().nullable(), days: count.nullable(), failedSince: z.string().nullable() })),
        overdueDays: count,
      })
      .nullable(),
    /** Each room's readings of the last 30 days, a day's mean and extremes, and the range they are held to. */
    rooms: z
      .object({
        from: day,
        thresholds: z.object({ minTemperature: z.number(), maxTemperature: z.number(), minHumidity: z.number(), maxHumidity: z.number() }),
        rooms: z.array(
          z.object({
            roomId: z.number().int(),
            name: z.string(),
            days: z.array(
              z.object({
                day,
                temperature: z.number(),
                humidity: z.number(),
                minTemperature: z.number(),
                maxTemperature: z.number(),
                minHumidity: z.number(),
                maxHumidity: z.number(),
                readings: count,
                outOfRange: count,
              }),
            ),
          }),
        ),
      })
      .nullable(),
  })
  .strict();
export type Overview = z.infer<typeof overviewOutput>;
export type OverviewFigure = Exclude<keyof Overview, 'today' | 'boxTotal' | 'roomIncidents'>;

/**
 * The list each figure clicks through to: a role sees a figure only if it may make this call, so
 * the overview follows the same access rule as the screens it leads to.
 */
export const OVERVIEW_LISTS = {
  loansByMonth: 'loan-list',
  overdueByDepartment: 'loan-list',
  boxesByStatus: 'box-list',
  boxesByFloor: 'box-list',
  retentionByMonth: 'retention-report',
  inspection: 'inspection-get',
  backups: 'backup-overview',
  rooms: 'room-readings',
} as const satisfies Record<OverviewFigure, string>;

export const overviewCalls = {
  overview: call<Overview>()({
    input: empty,
    access: 'signed-in',
    reads: ['box', 'owner', 'loan', 'location', 'room', 'inspection', 'destruction', 'hold', 'backup'],
  }),
};
