import { LOAN_STATUSES, type LoanDashboard } from '../../../electron/core/contract/loans';
import type { LoanFilters } from './queries';

/** The dashboard counts, in the order the desk shows them. */
export const CARD_KEYS = [
  'dueToday',
  'overdue',
  'awaitingApproval',
  'renewalsAwaitingApproval',
  'out',
  'openIncidents',
] as const satisfies readonly (keyof LoanDashboard)[];
export type CardKey = (typeof CARD_KEYS)[number];

/** The desk's list filters, kept in the address (?status=out&overdue=1&imported=1) so Back from a loan returns to the same list. */
export type DeskFilters = Pick<LoanFilters, 'status' | 'overdue' | 'dueToday' | 'renewalPending' | 'imported'>;

/** Flags that each narrow the list to what one card counts. */
const FLAGS = ['overdue', 'dueToday', 'renewalPending', 'imported'] as const;

/** Which list each card opens, filtered by loan-list itself. Open incidents are on the boxes, so that card only counts. */
export function cardFilters(key: CardKey): DeskFilters | null {
  switch (key) {
    case 'dueToday':
      return { dueToday: true };
    case 'overdue':
      return { overdue: true };
    case 'awaitingApproval':
      return { status: 'requested' };
    case 'renewalsAwaitingApproval':
      return { renewalPending: true };
    case 'out':
      return { status: 'out' };
    case 'openIncidents':
      return null;
  }
}

export function filtersFromParams(params: URLSearchParams): DeskFilters {
  const filters: DeskFilters = { status: LOAN_STATUSES.find((s) => s === params.get('status')) };
  for (const flag of FLAGS) if (params.get(flag) === '1') filters[flag] = true;
  return filters;
}

export function paramsFromFilters(filters: DeskFilters): Record<string, string> {
  const params: Record<string, string> = filters.status ? { status: filters.status } : {};
  for (const flag of FLAGS) if (filters[flag]) params[flag] = '1';
  return params;
}

/** The card whose list is on screen, so it can show as selected. */
export function activeCard(filters: DeskFilters): CardKey | null {
  const same = (a: DeskFilters, b: DeskFilters) => a.status === b.status && FLAGS.every((flag) => !a[flag] === !b[flag]);
  return (
    CARD_KEYS.find((key) => {
      const card = cardFilters(key);
      return card !== null && same(card, filters);
    }) ?? null
  );
}
