import type { Loan, LoanCopy } from '../../../../core/contract/loans';
import { zh } from '../../../../core/vocabulary';

const pad = (n: number) => String(n).padStart(2, '0');

/** A stored instant as this machine's local time, to the minute: 2026-11-26 14:05. */
export function localDateTime(at: string | Date | null): string {
  if (at === null) return '';
  const d = typeof at === 'string' ? new Date(at) : at;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A loan's time: only the day for one imported from the paper register, which recorded no hour. */
export const loanTime = (loan: Pick<Loan, 'imported'>, at: string | null): string => (loan.imported ? localDateTime(at).slice(0, 10) : localDateTime(at));

export const loanTypeText = (loan: Pick<Loan, 'loanType' | 'days'>) => `${zh('loanType', loan.loanType)} ${loan.days} 天`;

/** Out past the due date says by how much; the rest say their state. */
export const loanStatusText = (loan: Pick<Loan, 'status' | 'daysOverdue'>) =>
  loan.daysOverdue > 0 ? `逾期 ${loan.daysOverdue} 天` : zh('loanStatus', loan.status);

/** Copying/excerpting: not asked, refused, or allowed by the manager who decided the loan (§4.6.2). */
export function copyPermissionText(loan: Pick<Loan, 'copyRequested' | 'copyAllowed' | 'decidedByName'>): string {
  if (!loan.copyRequested) return '未申请';
  if (loan.copyAllowed) return `允许（${loan.decidedByName ?? ''}）`;
  return loan.decidedByName ? '不允许' : '已申请，待审批';
}

/** One 复制/摘抄登记 as a line of the register: 2026-03-02 复制 租赁合同（消防验收单）3页×2份 王芳. */
export function copyLine(copy: LoanCopy): string {
  const documents = copy.documentTitles.length > 0 ? `（${copy.documentTitles.join('、')}）` : '';
  return `${copy.madeOn} ${zh('copyKind', copy.kind)} ${copy.description}${documents} ${copy.pages}页×${copy.copies}份 ${copy.madeBy}`;
}
