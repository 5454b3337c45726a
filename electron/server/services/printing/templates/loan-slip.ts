import { LOAN_DAYS_LIMIT, type Loan, type LoanCopy, type LoanRenewal } from '../../../../core/contract/loans';
import { RETURN_CONDITIONS } from '../../../../core/enums';
import { zh } from '../../../../core/vocabulary';
import { loanTime, localDateTime } from './format';
import { formDocument, type PrintMeta } from './frame';
import { html, type SafeHtml } from './html';

/** A paper form keeps room to write in: at least this many renewal rows, blank when unused. */
const RENEWAL_ROWS = 2;

const check = (on: boolean, label: string) => html`<span class="opt"><span class="cb">${on ? '✓' : ''}</span>${label}</span>`;

const section = (title: string) => html`<tr class="section"><th colspan="4">${title}</th></tr>`;

function row(label1: string, value1: SafeHtml | string, label2: string, value2: SafeHtml | string): SafeHtml {
  return html`<tr><th>${label1}</th><td>${value1}</td><th>${label2}</th><td>${value2}</td></tr>`;
}

const wide = (label: string, value: SafeHtml | string, cls = '') => html`<tr><th>${label}</th><td colspan="3" class="${cls}">${value}</td></tr>`;

function loanType(loan: Loan): SafeHtml {
  return html`${(['short', 'long'] as const).map((t) => check(loan.loanType === t, `${zh('loanType', t)}（≤${LOAN_DAYS_LIMIT[t]} 天）`))}本次 ${loan.days} 天`;
}

/** §4.6.2: copying needs the manager's separate consent, so the slip says who gave it. */
function copyPermission(loan: Loan): SafeHtml {
  if (!loan.copyRequested) return html`${check(false, '申请摘抄/复制')}<span class="muted">（未申请）</span>`;
  const decided = loan.decidedByName !== null;
  const refused = decided && !loan.copyAllowed;
  return html`${check(true, '申请摘抄/复制')}${check(decided && loan.copyAllowed, '同意')}${check(refused, '不同意')}${!refused && html`同意人：${loan.decidedByName ?? ''}`}`;
}

function condition(loan: Loan): SafeHtml {
  const conditions = RETURN_CONDITIONS.map((c) => check(loan.returnCondition === c, zh('returnCondition', c)));
  const incidents = loan.incidents.map(
    (i) =>
      html`<div>${i.description}${i.responsible && `（责任人：${i.responsible}）`}${i.missingDocumentTitles.length > 0 && `　缺失：${i.missingDocumentTitles.join('、')}`}</div>`,
  );
  return html`${conditions}${incidents}`;
}

/**
 * Where copying is allowed the slip keeps one row to write a copy in by hand (and one renewal row
 * instead of two), so the form with its signatures still fits one A4 page.
 */
const COPY_ROWS = 1;

function copyRow(c: LoanCopy | undefined, n: number): SafeHtml {
  if (!c) return html`<tr><td>${n}</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>`;
  const documents = c.documentTitles.length > 0 && html`<br><span class="muted">${c.documentTitles.join('、')}</span>`;
  return html`<tr><td>${n}</td><td>${c.madeOn}</td><td>${zh('copyKind', c.kind)}</td><td class="left">${c.description}${documents}</td><td>${c.pages}</td><td>${c.copies}</td><td>${c.madeBy}</td></tr>`;
}

/** §4.6.2: what was copied or excerpted under the consent, by whom and when. */
function copies(loan: Loan): SafeHtml {
  const count = Math.max(COPY_ROWS, loan.copies.length);
  const rows = Array.from({ length: count }, (_, i) => copyRow(loan.copies[i], i + 1));
  return html`<tr><td colspan="4" style="padding:0"><table class="inner">
<colgroup><col style="width:5%"><col style="width:14%"><col style="width:9%"><col><col style="width:9%"><col style="width:9%"><col style="width:14%"></colgroup>
<tr><th>次</th><th>日期</th><th>方式</th><th>复制/摘抄内容</th><th>页数</th><th>份数</th><th>复制/摘抄人</th></tr>
${rows}</table></td></tr>`;
}

function renewalRow(r: LoanRenewal | undefined, n: number): SafeHtml {
  if (!r) return html`<tr><td>${n}</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>`;
  return html`<tr><td>${n}</td><td>${localDateTime(r.requestedAt).slice(0, 10)}</td><td>${r.days} 天</td><td class="left">${r.reason}</td><td>${zh('renewalStatus', r.status)}</td><td>${r.decidedByName ?? ''}</td><td>${r.newDueDate ?? ''}</td></tr>`;
}

function renewals(loan: Loan, blankRows: number): SafeHtml {
  const count = Math.max(blankRows, loan.renewals.length);
  const rows = Array.from({ length: count }, (_, i) => renewalRow(loan.renewals[i], i + 1));
  return html`<tr><td colspan="4" style="padding:0"><table class="inner">
<colgroup><col style="width:5%"><col style="width:14%"><col style="width:10%"><col><col style="width:10%"><col style="width:12%"><col style="width:16%"></colgroup>
<tr><th>次</th><th>申请日期</th><th>续借天数</th><th>续借事由</th><th>审批结果</th><th>审批人</th><th>续借后应还日期</th></tr>
${rows}</table></td></tr>`;
}

/**
 * 借阅登记表: one loan on one A4 page, from request to return (domain.md "Printed forms"); it names
 * the tenant or client whose box it is (`ownerName`, null for the site's own files).
 */
export function loanSlipHtml(loan: Loan, ownerName: string | null, meta: PrintMeta): string {
  // The copy register has its section only on a loan that may have copies (or has them).
  const withCopies = loan.copyAllowed || loan.copies.length > 0;
  const numbers = withCopies ? ['三', '四', '五'] : ['三', '四'];
  const body = html`<table class="form">
<colgroup><col style="width:16%"><col style="width:34%"><col style="width:16%"><col style="width:34%"></colgroup>
${section('一、借阅登记')}
${row('档案编号', html`<b>${loan.boxCode}</b>`, '案卷题名', loan.boxTitle)}
${wide('租户/客户', ownerName ?? html`<span class="muted">（本单位档案）</span>`)}
${row('借阅人', loan.borrower.name, '所在部门', loan.borrower.department)}
${row('联系电话', loan.borrower.phone, '登记时间', loanTime(loan, loan.requestedAt))}
${wide('借阅类型', loanType(loan))}
${wide('借阅事由', loan.purpose, 'tall')}
${wide('摘抄/复制', copyPermission(loan))}
${section('二、审批与借出')}
${row('审批人', loan.decidedByName ?? '', '审批时间', loanTime(loan, loan.decidedAt))}
${row('经办人', loan.handedOutByName ?? '', '借出时间', loanTime(loan, loan.handedOutAt))}
${row('应还日期', html`<b>${loan.dueDate ?? ''}</b>`, '登记人', loan.requestedByName)}
${withCopies && html`${section(`${numbers[0]}、复制/摘抄登记`)}${copies(loan)}`}
${section(`${numbers[numbers.length - 2]}、续借记录`)}
${renewals(loan, withCopies ? 1 : RENEWAL_ROWS)}
${section(`${numbers[numbers.length - 1]}、归还验收`)}
${row('归还时间', loanTime(loan, loan.returnedAt), '验收人', loan.receivedByName ?? '')}
${wide('归还状况', condition(loan))}
${wide('备注', loan.note)}
</table>
<div class="notice">借阅须知：借阅须经部门经理同意；短期借阅不超过 ${LOAN_DAYS_LIMIT.short} 天，长期借阅不超过 ${LOAN_DAYS_LIMIT.long} 天，续借须在到期前申请（§4.6.4）。
原件不得拆卷、折叠、圈划或涂改；摘抄、复制须经部门负责人另行同意（§4.6.2）。</div>`;
  return formDocument(
    {
      title: '借阅登记表',
      formNo: `编号：${loan.loanNo}`,
      orientation: 'portrait',
      body,
      signatures: ['借阅人签字', '经办人签字', '部门经理签字', '归还验收人签字'],
      compactSignatures: withCopies,
    },
    meta,
  );
}
