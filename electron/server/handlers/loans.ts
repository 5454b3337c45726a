import type { loanCalls } from '../../core/contract/loans';
import { closeIncident, listIncidents } from '../services/incidents';
import { registerLoanCopy } from '../services/loan-copies';
import { getLoan, listLoans, loanDashboard } from '../services/loan-views';
import { cancelLoan, decideLoan, handOutLoan, requestLoan, returnLoan } from '../services/loans';
import { loanRegisterPdf, loanSlipPdf, loanSlipPrint } from '../services/printing/loans';
import { decideRenewal, requestRenewal } from '../services/renewals';
import { outputOf, type Handlers } from './types';

export const loanHandlers: Handlers<keyof typeof loanCalls> = {
  'loan-request': (input, { db, actor }) => requestLoan(db, actor, input),
  'loan-cancel': (input, { db, actor }) => cancelLoan(db, actor, input.id),
  'loan-decide': (input, { db, actor }) => decideLoan(db, actor, input),
  'loan-hand-out': (input, { db, actor }) => handOutLoan(db, actor, input.id),
  'loan-return': (input, { db, actor }) => returnLoan(db, actor, input),
  'loan-renewal-request': (input, { db, actor }) => requestRenewal(db, actor, input),
  'loan-renewal-decide': (input, { db, actor }) => decideRenewal(db, actor, input),
  'loan-copy-register': (input, { db, actor }) => registerLoanCopy(db, actor, input),
  'loan-get': (input, { db }) => getLoan(db, input.id),
  'loan-list': (input, { db }) => listLoans(db, input),
  'loan-dashboard': (_input, { db }) => loanDashboard(db),
  'incident-list': (input, { db }) => listIncidents(db, input),
  'incident-close': (input, { db, actor }) => closeIncident(db, actor, input.id, input.resolution),
  'loan-slip-pdf': (input, ctx) => loanSlipPdf(outputOf(ctx), input.id),
  'loan-slip-print': (input, ctx) => loanSlipPrint(outputOf(ctx), input.id),
  'loan-register-export': (input, ctx) =>
    input.format === 'pdf'
      ? loanRegisterPdf(outputOf(ctx), input)
      : ctx.runtime.exportFile(ctx.actor, { call: 'loan-register-export', input: { ...input, format: input.format } }),
};
