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

/**
 * The desk's list filters, kept in the address (?status=out&overdue=1&imported=1) so Back from a loan
 * returns to the same list; the overview's bars add a request-date span and a borrower's department.
 */
export type DeskFilters = Pick<LoanFilters, 'status' | 'overdue' | 'dueToday' | 'renewalPending' | 'imported' | 'from' | 'to' | 'borrowerDepartment'>;

/** Narrowings kept as text in the address: the request-date span and the department. */
const TEXTS = { from: 'from', to: 'to', borrowerDepartment: 'department' } as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

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
  const from = params.get(TEXTS.from);
  const to = params.get(TEXTS.to);
  const department = params.get(TEXTS.borrowerDepartment)?.trim().slice(0, 60);
  if (from && DATE.test(from)) filters.from = from;
  if (to && DATE.test(to)) filters.to = to;
  if (department) filters.borrowerDepartment = department;
  return filters;
}

export function paramsFromFilters(filters: DeskFilters): Record<string, string> {
  const params: Record<string, string> = filters.status ? { status: filters.status } : {};
  for (const flag of FLAGS) if (filters[flag]) params[flag] = '1';
  for (const [key, param] of Object.entries(TEXTS) as [keyof typeof TEXTS, string][]) {
    const value = filters[key];
    if (value) params[param] = value;
  }
  return params;
}

/** The card whose list is on screen, so it can show as selected. */
export function activeCard(filters: DeskFilters): CardKey | null {
  const same = (a: DeskFilters, b: DeskFilters) =>
    a.status === b.status && FLAGS.every((flag) => !a[flag] === !b[flag]) && (Object.keys(TEXTS) as (keyof typeof TEXTS)[]).every((key) => a[key] === b[key]);
  return (
    CARD_KEYS.find((key) => {
      const card = cardFilters(key);
      return card !== null && same(card, filters);
    }) ?? null
  );
}
