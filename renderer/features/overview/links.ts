import type { BOX_STATUSES } from '../../../electron/core/enums';

/** A month's first and last day, 'YYYY-MM' → ['YYYY-MM-01', 'YYYY-MM-31']. */
export function monthSpan(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

const withQuery = (path: string, query: Record<string, string>) => `${path}?${new URLSearchParams(query).toString()}`;

/** The list behind each figure, narrowed by the filter the clicked bar, slice or point stands for. */
export const overviewLinks = {
  loansOfMonth: (month: string) => withQuery('/lending', monthSpan(month)),
  overdueLoans: (department: string) => withQuery('/lending', department ? { overdue: '1', department } : { overdue: '1' }),
  boxesOfStatus: (status: (typeof BOX_STATUSES)[number]) => withQuery('/boxes', { status }),
  boxesOfFloor: (floor: string) => withQuery('/boxes', { floor }),
  retentionOfMonth: (month: string) => {
    const { from, to } = monthSpan(month);
    return withQuery('/custody/retention', { from, by: to });
  },
  inspection: '/custody/inspection',
  backups: '/backups',
  roomReadings: (roomId: number, day?: string) =>
    withQuery('/locations/conditions', day ? { room: String(roomId), month: day.slice(0, 7) } : { room: String(roomId) }),
};
