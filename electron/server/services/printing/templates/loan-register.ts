import type { Loan } from '../../../../core/contract/loans';
import { zh } from '../../../../core/vocabulary';
import { loanStatusText, loanTypeText, localDateTime } from './format';
import { formDocument, type PrintMeta } from './frame';
import { html, type SafeHtml } from './html';

export interface RegisterRange {
  from: string;
  to: string;
}

const COLUMNS: [header: string, widthPct: number][] = [
  ['序号', 3.5],
  ['借阅单号', 8.5],
  ['档案编号 / 案卷题名', 12],
  ['借阅人 / 部门 / 电话', 10.5],
  ['借阅事由', 9.5],
  ['类型', 6],
  ['借出时间', 7],
  ['应还日期', 7],
  ['摘抄复制', 5],
  ['审批人', 6],
  ['经办人', 6],
  ['归还时间', 7],
  ['归还状况 / 验收人', 7],
  ['状态', 5],
];

/** Date over time, so the narrow time columns never break a date in two. */
function stamp(loan: Loan, at: string | null): SafeHtml {
  if (at === null) return html``;
  const [date, time] = localDateTime(at).split(' ');
  return loan.imported ? html`<span class="nowrap">${date}</span>` : html`<span class="nowrap">${date}</span><br>${time}`;
}

/** The approver has a column of their own, so here only the answer. */
const copyShort = (loan: Loan) => (!loan.copyRequested ? '—' : loan.copyAllowed ? '允许' : loan.decidedByName ? '不允许' : '待审批');

const loanRow = (loan: Loan, n: number) => html`<tr>
<td>${n}</td><td>${loan.loanNo}</td>
<td class="left"><b>${loan.boxCode}</b><br>${loan.boxTitle}</td>
<td class="left">${loan.borrower.name}<br>${loan.borrower.department}<br>${loan.borrower.phone}</td>
<td class="left">${loan.purpose}</td>
<td class="nowrap">${loanTypeText(loan)}</td>
<td>${stamp(loan, loan.handedOutAt)}</td>
<td><span class="nowrap">${loan.dueDate ?? ''}</span>${loan.renewals.some((r) => r.status === 'approved') && html`<br><span class="muted">（已续借）</span>`}</td>
<td>${copyShort(loan)}${loan.copies.length > 0 && html`<br><span class="nowrap">登记 ${loan.copies.length} 次</span>`}</td>
<td>${loan.decidedByName ?? ''}</td>
<td>${loan.handedOutByName ?? ''}</td>
<td>${stamp(loan, loan.returnedAt)}</td>
<td>${loan.returnCondition && zh('returnCondition', loan.returnCondition)}${loan.receivedByName && html`<br>${loan.receivedByName}`}</td>
<td>${loanStatusText(loan)}</td>
</tr>`;

/**
 * 借阅登记簿 (the 《借用/借阅记录表》 of §4.4) for a period: landscape, one row per loan, the
 * header row repeated on every page. `truncatedAt` says the rows were cut at the print cap.
 */
export function loanRegisterHtml(loans: Loan[], range: RegisterRange, truncatedAt: number | null, meta: PrintMeta): string {
  const body = html`<table class="form register">
<colgroup>${COLUMNS.map(([, w]) => html`<col style="width:${w}%">`)}</colgroup>
<thead><tr>${COLUMNS.map(([h]) => html`<th>${h}</th>`)}</tr></thead>
<tbody>${loans.length > 0 ? loans.map((l, i) => loanRow(l, i + 1)) : html`<tr><td colspan="${COLUMNS.length}">本期间无借阅记录</td></tr>`}</tbody>
</table>
${truncatedAt !== null && html`<div class="notice">仅打印前 ${truncatedAt} 条，请缩小日期范围分批打印。</div>`}`;
  return formDocument(
    {
      title: '借阅登记簿',
      formNo: `登记期间：${range.from} 至 ${range.to}　共 ${loans.length} 条`,
      orientation: 'landscape',
      body,
      signatures: ['登记人签字', '部门经理签字'],
    },
    meta,
  );
}
