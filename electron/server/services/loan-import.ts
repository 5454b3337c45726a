import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import { boxes, loans, type BoxRow } from '../../../db/schema';
import {
  IMPORT_PARSED_SHOWN,
  LOAN_IMPORT_FIELDS,
  loanImportRowInput,
  type ImportCheck,
  type ImportProblem,
  type LoanImportField,
  type loanImportFileInput,
  type loanImportRunInput,
} from '../../core/contract/imports';
import { cleanBoxCode } from '../../core/contract/box-code-text';
import { LOAN_DAYS_LIMIT } from '../../core/contract/loans';
import { cleanName, isAccountNamed } from '../../core/contract/person-names';
import { zh } from '../../core/vocabulary';
import { nowIso, type Actor } from './actor';
import type { AuditEntry } from './audit';
import { byRow, refusalOf, refuseProblems, rehearse, sheetSummary, withoutProblems } from './import-rehearsal';
import { checkEachRow, guessMapping, missingColumns, parseDate, readSheet, recordZodIssues, type Sheet } from './import-sheet';
import { ACTIVE_STATUSES, takeLoanNo } from './loans';
import { addDays, daysBetween, localDate, localDayStart } from './local-date';
import { mutate } from './transaction';
import { getUser } from './users';

/** Headers of the office's 借阅登记 and of our own 借阅登记簿 export (printing/loans.ts), so it reads back. */
const HEADER_ALIASES: Record<LoanImportField, string[]> = {
  boxCode: ['档案盒编号', '盒号', '档案编号', '档号', '编号', '借阅档案编号'],
  borrowerName: ['借阅人', '借阅人姓名', '借用人', '借阅者'],
  department: ['部门', '借阅部门', '借阅单位', '所在部门', '单位'],
  phone: ['联系电话', '电话', '手机', '联系方式'],
  purpose: ['借阅事由', '用途', '事由', '借阅用途', '借阅目的'],
  lentDate: ['借出日期', '借阅日期', '借出时间', '借出日'],
  dueDate: ['应还日期', '归还期限', '应归还日期', '约定归还日期'],
  returnedDate: ['归还日期', '实际归还日期', '归还时间', '还回日期'],
  approver: ['批准人', '审批人', '同意人'],
  handler: ['经办人', '借出经办人', '办理人'],
  note: ['备注', '说明'],
};
const REQUIRED: LoanImportField[] = ['boxCode', 'borrowerName', 'lentDate'];

/** Box states named in row problems, as the catalogue export words them. */

/** Our register export marks paper approvers so; the mark is not part of the name. */
const PAPER_MARK = '（纸质登记）';

interface ParsedLoan {
  row: number;
  box: BoxRow;
  borrowerName: string;
  department: string;
  phone: string;
  purpose: string;
  lent: string;
  due: string | null;
  returned: string | null;
  approver: string;
  handler: string;
  note: string;
}

/**
 * Whether a due date breaks the lending caps (§4.6.4: short ≤ 3 days, long ≤ 7 from the day lent).
 * A due date more than the longest loan after today is always refused: no loan lent by today can
 * be due then. A loan still out and not yet due is a live loan, held to the long cap; one already
 * overdue, or returned, is paper history and keeps its real span.
 */
function breaksLoanCap(today: string, lent: string, due: string, returned: boolean): boolean {
  if (due > addDays(today, LOAN_DAYS_LIMIT.long)) return true;
  return !returned && due >= today && daysBetween(lent, due) > LOAN_DAYS_LIMIT.long;
}

/** Each row on its own, then against the archive and the file's other rows; every problem in sheet order. */
function checkRows(db: Db, actor: Actor, sheet: Sheet, mapping: Partial<Record<LoanImportField, string>>, skip: ReadonlySet<number>) {
  const parsed: ParsedLoan[] = [];
  const missing = missingColumns(sheet, mapping, REQUIRED, HEADER_ALIASES);
  if (missing.length > 0) return { problems: missing, parsed };

  const today = localDate();
  // The importing custodian cannot be the one who consented on paper: nobody approves their own loan.
  const importer = actor.id === null ? null : getUser(db, actor.id);
  const isImporter = (name: string) => importer !== null && isAccountNamed(importer, name);
  const boxByCode = new Map<string, BoxRow | undefined>();
  const findBox = (code: string) => {
    if (!boxByCode.has(code)) boxByCode.set(code, db.select().from(boxes).where(eq(boxes.code, code)).get());
    return boxByCode.get(code);
  };
  const openInFile = new Map<number, number>();
  const loanInFile = new Map<string, number>();
  /** The same box lent to the same person on the same day: a file imported twice, or a row repeated. */
  const recorded = (box: BoxRow, borrowerName: string, lent: string) =>
    db
      .select({ loanNo: loans.loanNo })
      .from(loans)
      .where(
        and(
          eq(loans.boxId, box.id),
          eq(loans.borrowerName, borrowerName),
          gte(loans.handedOutAt, localDayStart(lent)),
          lt(loans.handedOutAt, localDayStart(addDays(lent, 1))),
        ),
      )
      .get();
  const problems = checkEachRow(sheet, mapping, skip, (sheetRow) => {
    const { row, get, problem, hasProblems } = sheetRow;
    const date = (f: 'lentDate' | 'dueDate' | 'returnedDate') => {
      const raw = get(f);
      if (raw === '') return null;
      const parsedDate = parseDate(raw);
      if (parsedDate === null) problem(f, 'v.importDate', raw);
      // A due date may lie ahead; the day lent or returned cannot.
      else if (f !== 'dueDate' && parsedDate > today) problem(f, 'v.importFutureDate', raw);
      return parsedDate;
    };
    for (const f of ['boxCode', 'lentDate'] as const) if (get(f) === '') problem(f, 'v.required');
    const blank = (f: LoanImportField) => get(f) || undefined;
    const writtenApprover = get('approver').replace(PAPER_MARK, '').trim();
    const words = loanImportRowInput.safeParse({
      borrowerName: get('borrowerName'),
      department: blank('department'),
      phone: blank('phone'),
      purpose: blank('purpose'),
      approver: writtenApprover || undefined,
      handler: blank('handler'),
      note: get('note'),
    });
    if (!words.success) recordZodIssues(sheetRow, words.error.issues, LOAN_IMPORT_FIELDS);
    const approver = words.data?.approver ?? '';
    if (approver && isImporter(approver)) problem('approver', 'v.importSelfApproval', get('approver'));
    // Still out: the manager's consent must be on paper (§4.4), as it is for every box that leaves.
    if (get('returnedDate') === '' && writtenApprover === '') problem('approver', 'v.importApproverRequired');
    const lent = date('lentDate');
    const due = date('dueDate');
    const returned = date('returnedDate');
    if (lent && due && due < lent) problem('dueDate', 'v.importDueBeforeLent', get('dueDate'));
    else if (lent && due && breaksLoanCap(today, lent, due, get('returnedDate') !== '')) problem('dueDate', 'v.importLoanCap', get('dueDate'));
    if (lent && returned && returned < lent) problem('returnedDate', 'v.importReturnedBeforeLent', get('returnedDate'));
    // Still out: it must be due back some day, like every live loan.
    if (get('returnedDate') === '' && get('dueDate') === '') problem('dueDate', 'v.importDueRequired');
    // As the box form and the loan desk clean a code, so ＺＨ－２０２４ finds ZH-2024.
    const code = cleanBoxCode(get('boxCode'));
    const box = code ? findBox(code) : undefined;
    if (code && !box) problem('boxCode', 'v.importBoxUnknown', code);
    if (box && get('returnedDate') === '') {
      // The same checks as a live hand-out (services/loans.ts assertLendable), and once per file.
      const active = db
        .select({ loanNo: loans.loanNo })
        .from(loans)
        .where(and(eq(loans.boxId, box.id), inArray(loans.status, ACTIVE_STATUSES)))
        .get();
      const first = openInFile.get(box.id);
      if (first !== undefined) problem('boxCode', 'v.importBoxOutTwice', String(first));
      else if (active) problem('boxCode', 'v.importBoxBusy', active.loanNo);
      else if (box.status !== 'in_stock') problem('boxCode', 'v.importBoxNotInStock', zh('boxStatus', box.status));
      if (first === undefined) openInFile.set(box.id, row);
    }
    if (box && lent) {
      // The borrower as stored (cleaned), so a name pasted with a zero-width space is the same loan.
      const borrower = cleanName(get('borrowerName'));
      const key = `${box.id}|${borrower}|${lent}`;
      const earlier = loanInFile.get(key);
      const existing = recorded(box, borrower, lent);
      if (earlier !== undefined) problem('lentDate', 'v.importLoanTwice', String(earlier));
      else if (existing) problem('lentDate', 'v.importLoanExists', existing.loanNo);
      if (earlier === undefined) loanInFile.set(key, row);
    }
    if (hasProblems() || !words.success || !box || !lent) return;
    const { borrowerName, department = '', phone = '', purpose = '', handler = '', note } = words.data;
    parsed.push({ row, box, borrowerName, department, phone, purpose, lent, due, returned, approver, handler, note });
  });
  return { problems, parsed };
}

async function prepare(db: Db, actor: Actor, input: z.output<typeof loanImportFileInput>, skip: ReadonlySet<number>) {
  const sheet = await readSheet(input, HEADER_ALIASES);
  const { mapping, problems: headerProblems } = guessMapping(sheet, LOAN_IMPORT_FIELDS, HEADER_ALIASES, input.mapping, 'boxCode');
  const { problems, parsed } = checkRows(db, actor, sheet, mapping, skip);
  return { sheet, mapping, problems: [...headerProblems, ...problems], parsed };
}

/**
 * The import's writes. A past loan keeps its own dates: requested, approved and handed out on the
 * day it was lent, returned on the day written. A loan with no return date is still out: handed
 * out with its due date (so it shows as overdue once past), and its box on loan. A refused write
 * is its row's problem.
 */
function writeLoans(tx: Db, actor: Actor, parsed: ParsedLoan[]) {
  const audit: AuditEntry[] = [];
  const problems: ImportProblem[] = [];
  let stillOut = 0;
  for (const p of parsed) {
    try {
      const until = p.due ?? p.returned ?? p.lent;
      const span = daysBetween(p.lent, until);
      const lentAt = localDayStart(p.lent);
      const row = tx
        .insert(loans)
        .values({
          loanNo: takeLoanNo(tx, p.lent.slice(0, 4)),
          boxId: p.box.id,
          borrowerUserId: null,
          borrowerName: p.borrowerName,
          borrowerDepartment: p.department,
          borrowerPhone: p.phone,
          purpose: p.purpose,
          // A row still out and not yet due is within the 3/7-day caps (breaksLoanCap); history,
          // returned or overdue, keeps its real span, and is "long" when over a short loan's.
          loanType: span > LOAN_DAYS_LIMIT.short ? 'long' : 'short',
          days: Math.max(1, span),
          copyRequested: false,
          note: p.note,
          status: p.returned ? 'returned' : 'out',
          requestedAt: lentAt,
          requestedBy: actor.id ?? 0,
          decidedAt: lentAt,
          handedOutAt: lentAt,
          dueDate: p.due,
          returnedAt: p.returned ? localDayStart(p.returned) : null,
          imported: true,
          paperApprover: p.approver,
          paperHandler: p.handler,
        })
        .returning()
        .get();
      if (!p.returned) {
        tx.update(boxes).set({ status: 'on_loan', updatedAt: nowIso() }).where(eq(boxes.id, p.box.id)).run();
        stillOut += 1;
      }
      audit.push({
        action: 'loan-import',
        entity: 'loan',
        entityId: row.id,
        boxCode: p.box.code,
        before: null,
        after: { ...row, sheetRow: p.row, ...(p.returned ? {} : { boxStatus: 'on_loan' }) },
      });
    } catch (error) {
      problems.push(...refusalOf(p.row, error, LOAN_IMPORT_FIELDS));
    }
  }
  return { audit, problems, stillOut };
}

/** Every check the import runs: the rows', then the import's own writes, rolled back. */
export async function checkLoanImport(db: Db, actor: Actor, input: z.output<typeof loanImportFileInput>): Promise<ImportCheck> {
  const { sheet, mapping, problems, parsed } = await prepare(db, actor, input, new Set());
  const written = rehearse(db, (tx) => writeLoans(tx, actor, withoutProblems(parsed, problems)));
  const stillOut = parsed.filter((p) => p.returned === null).length;
  const shown = parsed.slice(0, IMPORT_PARSED_SHOWN).map((p) => ({
    row: p.row,
    values: { boxCode: p.box.code, borrowerName: p.borrowerName, lentDate: p.lent, dueDate: p.due ?? '', returnedDate: p.returned ?? '' },
  }));
  return { ...sheetSummary(sheet), mapping, problems: byRow([...problems, ...written.problems]), newOwners: 0, owners: [], stillOut, parsed: shown };
}

/** All rows in one transaction, or none. */
export async function runLoanImport(db: Db, actor: Actor, input: z.output<typeof loanImportRunInput>): Promise<{ loans: number; stillOut: number }> {
  const skip = new Set(input.skipRows);
  const { sheet, mapping, problems: found } = await prepare(db, actor, input, skip);
  if (found.length > 0) refuseProblems(found);
  return mutate(db, actor, (tx) => {
    // Checked again inside the IMMEDIATE transaction, so a hand-out made since the dry run is not overwritten.
    const { problems, parsed } = checkRows(tx, actor, sheet, mapping, skip);
    if (problems.length > 0) refuseProblems(problems);
    const written = writeLoans(tx, actor, parsed);
    if (written.problems.length > 0) refuseProblems(written.problems);
    const audit = [
      ...written.audit,
      {
        action: 'import' as const,
        entity: 'loan' as const,
        entityId: null,
        after: {
          kind: 'loans',
          file: input.fileName,
          sheet: sheet.sheet,
          headerRow: sheet.headerRow,
          rows: sheet.contentRows,
          loans: parsed.length,
          stillOut: written.stillOut,
          skippedRows: input.skipRows,
        },
      },
    ];
    return { result: { loans: parsed.length, stillOut: written.stillOut }, audit };
  });
}
