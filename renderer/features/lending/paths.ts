import type { Borrower } from '../../../electron/core/contract/loans';

/** Where the lending screens live; the shell mounts `lendingRoutes` at the app root. */
export const lendingPaths = {
  desk: '/lending',
  newLoan: '/lending/new',
  /** 催还: loans due tomorrow and overdue, with the notices to print. */
  reminders: '/lending/reminders',
  loan: (id: number) => `/lending/${id}`,
  /** An account by its id; a recorded person by name and phone, so a namesake stays apart. */
  borrower: (b: Borrower) =>
    `/lending/borrower?${new URLSearchParams(b.userId !== null ? { user: String(b.userId) } : { name: b.name, phone: b.phone }).toString()}`,
};
