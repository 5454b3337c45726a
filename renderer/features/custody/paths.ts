/** Where the custody screens live; the shell mounts `custodyRoutes` at the app root. */
export const custodyPaths = {
  transfers: '/custody/transfers',
  newTransfer: '/custody/transfers/new',
  transfer: (id: number) => `/custody/transfers/${id}`,
  inspection: '/custody/inspection',
  retention: '/custody/retention',
  /** The custodian's monthly list: the retention report of one month (2026-03). */
  retentionMonth: (month: string) => `/custody/retention?month=${month}`,
  destructions: '/custody/destructions',
  destruction: (id: number) => `/custody/destructions/${id}`,
};
