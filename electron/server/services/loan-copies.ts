import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import { boxDocuments, loanCopies } from '../../../db/schema';
import { AppError } from '../../core/contract/errors';
import type { Loan, loanCopyInput } from '../../core/contract/loans';
import { nowIso, type Actor } from './actor';
import { getBoxRow } from './boxes';
import { getLoan } from './loan-views';
import { getLoanRow } from './loans';
import { localDate } from './local-date';
import { mutate } from './transaction';

/** The titles of the named documents, each checked to be in the loan's own box. */
function documentTitles(tx: Db, boxId: number, ids: number[]): string[] {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const found = tx
    .select({ id: boxDocuments.id, title: boxDocuments.title })
    .from(boxDocuments)
    .where(and(eq(boxDocuments.boxId, boxId), inArray(boxDocuments.id, unique)))
    .all();
  if (found.length !== unique.length) throw new AppError('VALIDATION', { issues: [{ path: ['documentIds'], message: 'v.documentNotInBox' }] });
  const titles = new Map(found.map((d) => [d.id, d.title]));
  return unique.map((id) => titles.get(id) ?? '');
}

/**
 * 复制/摘抄登记 (§4.6.2). Only on a loan the manager approved with the separate copy consent, and
 * only while the box is out: before the hand-out the box is still on the shelf and nobody has it to
 * copy from; after the return the loan is closed and a copy made then was made outside it. The day
 * it was made lies between the hand-out and today.
 */
export function registerLoanCopy(db: Db, actor: Actor, input: z.output<typeof loanCopyInput>): Loan {
  mutate(db, actor, (tx) => {
    const loan = getLoanRow(tx, input.loanId);
    if (!loan.copyAllowed) throw new AppError('LOAN_COPY_NOT_ALLOWED');
    if (loan.status !== 'out') throw new AppError('LOAN_COPY_NOT_OUT', { params: { status: loan.status } });
    const lentOn = loan.handedOutAt ? localDate(new Date(loan.handedOutAt)) : null;
    if (input.madeOn > localDate() || (lentOn !== null && input.madeOn < lentOn))
      throw new AppError('VALIDATION', { issues: [{ path: ['madeOn'], message: 'v.copyDate' }] });
    const titles = documentTitles(tx, loan.boxId, input.documentIds);
    const row = tx
      .insert(loanCopies)
      .values({
        loanId: loan.id,
        kind: input.kind,
        description: input.description,
        documentIds: [...new Set(input.documentIds)],
        documentTitles: titles,
        pages: input.pages,
        copies: input.copies,
        madeBy: input.madeBy,
        madeOn: input.madeOn,
        createdAt: nowIso(),
        createdBy: actor.id ?? 0,
      })
      .returning()
      .get();
    return {
      result: null,
      audit: { action: 'loan-copy-register', entity: 'loan', entityId: loan.id, boxCode: getBoxRow(tx, loan.boxId).code, before: null, after: row },
    };
  });
  return getLoan(db, input.loanId);
}
