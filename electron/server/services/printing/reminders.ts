import type { z } from 'zod';
import type { ExportFile } from '../../../core/contract/audit';
import type { noticePdfInput } from '../../../core/contract/reminders';
import { chainHead } from '../audit-log';
import type { AuditEntry } from '../audit';
import { takeFormNo } from '../form-numbers';
import { addDays, localDate } from '../local-date';
import type { OutputContext } from '../output-context';
import { remindersFor } from '../reminders';
import { getSettings } from '../settings';
import { mutate } from '../transaction';
import { formDocuments } from './templates/frame';
import { reminderNoticePage } from './templates/reminder-notice';

/**
 * 催还通知单, one per borrower asked for, in one PDF. Each notice takes its number (CH-2026-0001)
 * and each loan on it gets its print entry in the same transaction, before the footer is written,
 * so a loan's history says when it was chased and the chain head on paper includes the print.
 */
export async function reminderNoticePdf(ctx: OutputContext, input: z.output<typeof noticePdfInput>): Promise<ExportFile> {
  const today = localDate();
  const numbered = mutate(ctx.db, ctx.actor, (tx) => {
    const reminders = remindersFor(tx, input.borrowers, today);
    const notices = reminders.map((reminder) => ({ reminder, formNo: takeFormNo(tx, 'CH') }));
    const audit: AuditEntry[] = notices.flatMap(({ reminder, formNo }) =>
      reminder.loans.map((loan) => ({
        action: 'print' as const,
        entity: 'loan' as const,
        entityId: loan.loanId,
        boxCode: loan.boxCode,
        after: { form: '催还通知单', formNo, loanNo: loan.loanNo, borrower: reminder.borrower.name, dueDate: loan.dueDate, daysOverdue: loan.daysOverdue },
      })),
    );
    return { result: notices, audit };
  });
  const settings = getSettings(ctx.db);
  const meta = { siteName: settings.siteName, printedBy: ctx.actor.name, printedAt: new Date(), head: chainHead(ctx.db) };
  const pages = numbered.map(({ reminder, formNo }) => reminderNoticePage(reminder, formNo, today, addDays(today, 1), settings.deskPhone));
  const pdf = await ctx.printer.pdf(formDocuments(pages, meta));
  const name = numbered.length === 1 ? numbered[0].formNo : `${today}-${numbered.length}份`;
  return { fileName: `催还通知单-${name}.pdf`, mimeType: 'application/pdf', base64: pdf.toString('base64') };
}
