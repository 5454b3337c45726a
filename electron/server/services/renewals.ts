import { and, count, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import { loanRenewals, loans } from '../../../db/schema';
import { AppError } from '../../core/contract/errors';
import { LOAN_DAYS_LIMIT, type Loan, type renewalDecisionInput, type renewalRequestInput } from '../../core/contract/loans';
import { nowIso, type Actor } from './actor';
import { getBoxRow } from './boxes';
import { hasOpenIncident } from './incidents';
import { getLoan } from './loan-views';
import { assertNotSelf, getLoanRow, wrongState } from './loans';
import { addDays, localDate } from './local-date';
import { getSettings } from './settings';
import { mutate } from './transaction';

/** Renewal 续借 (§4.6.4): asked for while out and strictly before the due date, approved like a loan. */
export function requestRenewal(db: Db, actor: Actor, input: z.output<typeof renewalRequestInput>): Loan {
  mutate(db, actor, (tx) => {
    const loan = getLoanRow(tx, input.loanId);
    if (loan.status !== 'out' || loan.dueDate === null) throw wrongState(loan.status);
    if (input.days > LOAN_DAYS_LIMIT[loan.loanType]) throw new AppError('VALIDATION', { issues: [{ path: ['days'], message: 'v.loanDays' }] });
    if (localDate() >= loan.dueDate) throw new AppError('RENEWAL_TOO_LATE', { params: { dueDate: loan.dueDate } });
    const counted = (statuses: ('requested' | 'approved')[]) =>
      tx
        .select({ n: count() })
        .from(loanRenewals)
        .where(and(eq(loanRenewals.loanId, loan.id), inArray(loanRenewals.status, statuses)))
        .get()?.n ?? 0;
    if (counted(['requested']) > 0) throw new AppError('RENEWAL_PENDING');
    const max = getSettings(tx).maxRenewals;
    if (counted(['requested', 'approved']) >= max) throw new AppError('RENEWAL_LIMIT', { params: { max } });
    if (hasOpenIncident(tx, loan.boxId)) throw new AppError('RENEWAL_INCIDENT_OPEN');
    const row = tx
      .insert(loanRenewals)
      .values({ loanId: loan.id, days: input.days, reason: input.reason, requestedAt: nowIso(), requestedBy: actor.id ?? 0 })
      .returning()
      .get();
    return {
      result: null,
      audit: { action: 'loan-renewal-request', entity: 'loan', entityId: loan.id, boxCode: getBoxRow(tx, loan.boxId).code, before: null, after: row },
    };
  });
  return getLoan(db, input.loanId);
}

/** An approval moves the due date on from the current one, not from today. */
export function decideRenewal(db: Db, actor: Actor, input: z.output<typeof renewalDecisionInput>): Loan {
  const loanId = mutate(db, actor, (tx) => {
    const renewal = tx.select().from(loanRenewals).where(eq(loanRenewals.id, input.id)).get();
    if (!renewal) throw new AppError('NOT_FOUND');
    if (renewal.status !== 'requested') throw wrongState(renewal.status);
    const loan = getLoanRow(tx, renewal.loanId);
    if (loan.status !== 'out' || loan.dueDate === null) throw wrongState(loan.status);
    assertNotSelf(tx, actor, renewal.requestedBy, loan);
    const newDueDate = input.approve ? addDays(loan.dueDate, renewal.days) : null;
    const after = tx
      .update(loanRenewals)
      .set({ status: input.approve ? 'approved' : 'rejected', decidedAt: nowIso(), decidedBy: actor.id, decisionReason: input.reason, newDueDate })
      .where(eq(loanRenewals.id, renewal.id))
      .returning()
      .get();
    if (newDueDate) tx.update(loans).set({ dueDate: newDueDate }).where(eq(loans.id, loan.id)).run();
    return {
      result: loan.id,
      audit: {
        action: input.approve ? 'loan-renewal-approve' : 'loan-renewal-reject',
        entity: 'loan',
        entityId: loan.id,
        boxCode: getBoxRow(tx, loan.boxId).code,
        before: { ...renewal, dueDate: loan.dueDate },
        after: { ...after, dueDate: newDueDate ?? loan.dueDate },
      },
    };
  });
  return getLoan(db, loanId);
}
