import dayjs from 'dayjs';
import { LOAN_STATUSES, type Loan, type LoanDashboard } from '../../../electron/contract/loans';
import type { LoanFilters } from './queries';

/** The dashboard counts, in the order the desk shows them. */
export const CARD_KEYS = ['dueToday', 'overdue', 'awaitingApproval', 'renewalsAwaitingApproval', 'out', 'openIncidents'] as const satisfies readonly (keyof LoanDashboard)[];
export type CardKey = (typeof CARD_KEYS)[number];

/**
 * What the list shows, kept in the address (?status=out&overdue=1, or ?card=dueToday) so Back
 * from a loan returns to the same list.
 */
export interface DeskView {
  filters: LoanFilters;
  /** Set when a card needs more than loan-list filters: its rows are narrowed here. */
  card: 'dueToday' | 'renewalsAwaitingApproval' | null;
}

/**
 * Which list each card opens. loan-list cannot filter by due date or pending renewal, so those two
 * load the loans that are out (a short list: one per box on loan) and narrow them here. Open
 * incidents have no list filter at all, so that card only counts.
 */
export function cardView(key: CardKey): DeskView | null {
  switch (key) {
    case 'overdue':
      return { filters: { overdue: true }, card: null };
    case 'awaitingApproval':
      return { filters: { status: 'requested' }, card: null };
    case 'out':
      return { filters: { status: 'out' }, card: null };
    case 'dueToday':
    case 'renewalsAwaitingApproval':
      return { filters: { status: 'out' }, card: key };
    case 'openIncidents':
      return null;
  }
}

export function viewFromParams(params: URLSearchParams): DeskView {
  const card = params.get('card');
  if (card === 'dueToday' || card === 'renewalsAwaitingApproval') return cardView(card)!;
  const status = LOAN_STATUSES.find((s) => s === params.get('status'));
  return { filters: { status, overdue: params.get('overdue') === '1' || undefined }, card: null };
}

export function paramsFromView({ filters, card }: DeskView): Record<string, string> {
  if (card) return { card };
  return { ...(filters.status && { status: filters.status }), ...(filters.overdue && { overdue: '1' }) };
}

/** The card whose list is on screen, so it can show as selected. */
export function activeCard(view: DeskView): CardKey | null {
  if (view.card) return view.card;
  return CARD_KEYS.find((key) => {
    const v = cardView(key);
    return v && !v.card && v.filters.status === view.filters.status && v.filters.overdue === view.filters.overdue;
  }) ?? null;
}

export function narrowRows(rows: Loan[], card: DeskView['card']): Loan[] {
  if (card === 'dueToday') {
    const today = dayjs().format('YYYY-MM-DD');
    return rows.filter((loan) => loan.dueDate === today);
  }
  if (card === 'renewalsAwaitingApproval') return rows.filter((loan) => loan.renewals.some((r) => r.status === 'requested'));
  return rows;
}
