/**
 * Calendar dates ('YYYY-MM-DD') on this machine's local calendar: a loan lent on the 3rd for
 * 3 days is due on the 6th wherever the clock's UTC offset puts midnight.
 */
const pad = (n: number) => String(n).padStart(2, '0');

export const localDate = (at: Date = new Date()): string => `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;

/** Pure calendar arithmetic (through UTC, so no daylight-saving day is 23 or 25 hours). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The instant a local calendar day starts, as stored timestamps are (UTC ISO). */
export const localDayStart = (date: string): string => new Date(`${date}T00:00:00`).toISOString();

/** A month's first and last day: 2026-02 → 2026-02-01, 2026-02-28. */
export function monthDays(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number);
  return { first: `${month}-01`, last: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) };
}
