import type { BorrowerReminder, ReminderLoan } from '../../../../core/contract/reminders';
import type { FormPage } from './frame';
import { html, type SafeHtml } from './html';
import { phoneText } from '../../../../core/phone-text';

/** A notice keeps room to add a loan by hand: at least this many rows, blank when unused. */
const LOAN_ROWS = 3;

const dueText = (loan: ReminderLoan) => (loan.daysOverdue > 0 ? html`<b>逾期 ${loan.daysOverdue} 天</b>` : html`明天到期`);

function loanRow(loan: ReminderLoan | undefined, n: number): SafeHtml {
  if (!loan) return html`<tr><td>${n}</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>`;
  return html`<tr><td>${n}</td><td>${loan.loanNo}</td><td><b>${loan.boxCode}</b></td><td class="left">${loan.boxTitle}</td><td class="nowrap">${loan.lentOn}</td><td class="nowrap"><b>${loan.dueDate}</b></td><td class="nowrap">${dueText(loan)}</td></tr>`;
}

function loanTable(loans: readonly ReminderLoan[]): SafeHtml {
  const count = Math.max(LOAN_ROWS, loans.length);
  return html`<tr><td colspan="4" style="padding:0"><table class="inner">
<colgroup><col style="width:6%"><col style="width:15%"><col style="width:16%"><col><col style="width:13%"><col style="width:13%"><col style="width:12%"></colgroup>
<tr><th>序号</th><th>借阅单号</th><th>档案编号</th><th>案卷题名</th><th>借出日期</th><th>应还日期</th><th>逾期情况</th></tr>
${Array.from({ length: count }, (_, i) => loanRow(loans[i], i + 1))}</table></td></tr>`;
}

/** The request in words: overdue loans are to come back at once, those due tomorrow by tomorrow. */
function request(reminder: BorrowerReminder, tomorrow: string): string {
  if (reminder.overdue > 0 && reminder.dueTomorrow > 0)
    return `您借阅的下列档案中有 ${reminder.overdue} 件已超过应还日期，另有 ${reminder.dueTomorrow} 件将于明天（${tomorrow}）到期。请将逾期档案尽快送还档案室，其余按期归还。`;
  if (reminder.overdue > 0) return `您借阅的下列档案已超过应还日期，请尽快送还档案室。`;
  return `您借阅的下列档案将于明天（${tomorrow}）到期，请按期送还档案室。`;
}

/**
 * 催还通知单: one borrower's loans due tomorrow or overdue on one A4 sheet, to hand or send to
 * them, with the desk's number to ring and a line for them to sign and date on receipt.
 */
export function reminderNoticePage(reminder: BorrowerReminder, formNo: string, today: string, tomorrow: string, deskPhone: string): FormPage {
  const { borrower } = reminder;
  const body = html`<table class="form">
<colgroup><col style="width:16%"><col style="width:34%"><col style="width:16%"><col style="width:34%"></colgroup>
<tr><th>借阅人</th><td class="strong">${borrower.name}</td><th>所在部门</th><td>${borrower.department}</td></tr>
<tr><th>联系电话</th><td>${phoneText(borrower.phone)}</td><th>通知日期</th><td>${today}</td></tr>
<tr><td colspan="4" class="letter">${borrower.name}${borrower.department && `（${borrower.department}）`}：<br>　　${request(reminder, tomorrow)}如需继续使用，请在到期前到档案室办理续借手续（短期借阅不超过 3 天，长期借阅不超过 7 天，§4.6.4）。</td></tr>
<tr class="section"><th colspan="4">催还档案（逾期 ${reminder.overdue} 件，明天到期 ${reminder.dueTomorrow} 件）</th></tr>
${loanTable(reminder.loans)}
<tr><th>档案室电话</th><td colspan="3" class="strong">${deskPhone ? phoneText(deskPhone) : ''}</td></tr>
</table>
<div class="notice">请核对上列档案，归还时须完整无损、卷内文件齐全；如档案已遗失或损坏，请即与档案室联系。本通知一式两联，借阅人签收后交回档案室一联。</div>`;
  return { title: '催还通知单', formNo: `编号：${formNo}`, orientation: 'portrait', body, signatures: ['借阅人签收', '经办人'] };
}
