import { z } from 'zod';
import { call } from './define';
import { id, requiredText } from './fields';
import { ownerName } from './owner-names';
import { borrowerInput, loanRequestInput } from './loans';

/**
 * About 6.5 MB of file once base64 grows it by a third: well inside the web shell's 16 MB body cap,
 * and far more than a 10,000-row register (about 0.6 MB as xlsx).
 */
export const IMPORT_MAX_BASE64 = 9_000_000;
/** A register bigger than this is split by year and imported in parts. */
export const IMPORT_MAX_ROWS = 10_000;

/** What a box row can say; the first column header that names a field (see HEADER_ALIASES) maps to it. */
export const BOX_IMPORT_FIELDS = [
  'code',
  'kind',
  'title',
  'ownerName',
  'unitNo',
  'floor',
  'businessType',
  'volume',
  'yearFrom',
  'yearTo',
  'confidentiality',
  'retention',
  'location',
  'room',
  'cabinet',
  'shelf',
  'position',
  'note',
] as const;
export type BoxImportField = (typeof BOX_IMPORT_FIELDS)[number];
/** A row of the paper/Excel loan register (借阅登记): a past loan, or one still out when no return date. */
export const LOAN_IMPORT_FIELDS = [
  'boxCode',
  'borrowerName',
  'department',
  'phone',
  'purpose',
  'lentDate',
  'dueDate',
  'returnedDate',
  'approver',
  'handler',
  'note',
] as const;
export type LoanImportField = (typeof LOAN_IMPORT_FIELDS)[number];
/** What the owner form (立档单位/租户) holds. */
export const OWNER_IMPORT_FIELDS = ['name', 'unitNo', 'floor', 'businessType', 'contactPerson', 'phone', 'leaseStart', 'moveOutDate', 'note'] as const;
export type OwnerImportField = (typeof OWNER_IMPORT_FIELDS)[number];

export const IMPORT_KINDS = ['boxes', 'loans', 'owners'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_FIELDS = { boxes: BOX_IMPORT_FIELDS, loans: LOAN_IMPORT_FIELDS, owners: OWNER_IMPORT_FIELDS } as const;
export type ImportField = BoxImportField | LoanImportField | OwnerImportField;

const fileFields = {
  // .xls is let through to be told plainly to save it as .xlsx (IMPORT_XLS), not refused as a bad field.
  fileName: requiredText(200).regex(/\.(xlsx|xls|csv)$/i, { error: 'v.importFileType' }),
  base64: z.string().min(1).max(IMPORT_MAX_BASE64),
  /** The workbook's sheet to read; absent, its first visible sheet. */
  sheet: z.string().max(100).optional(),
  /** The header row as Excel numbers it; absent, the first row that names known headers. */
  headerRow: z.number().int().min(1).max(IMPORT_MAX_ROWS).optional(),
};
/** Sheet row numbers the custodian chose to leave out. */
const skipRows = z
  .array(
    z
      .number()
      .int()
      .min(2)
      .max(2 * IMPORT_MAX_ROWS),
  )
  .max(IMPORT_MAX_ROWS)
  .default([]);
/** New owners of the file the custodian chose to merge into an existing look-alike (OwnerPlan.lookAlikes); the others are created. */
const mergeOwners = z
  .array(z.object({ name: ownerName(100), into: id }).strict())
  .max(IMPORT_MAX_ROWS)
  .default([]);

/** A file and, per field, the column header it is read from; absent fields are taken from the headers recognised. */
function fileInput<F extends readonly [string, ...string[]]>(fields: F) {
  return z.object({ ...fileFields, mapping: z.partialRecord(z.enum(fields), z.string().max(100)).optional() }).strict();
}

export const importFileInput = fileInput(BOX_IMPORT_FIELDS);
export const importRunInput = importFileInput.extend({ skipRows, mergeOwners }).strict();
export const loanImportFileInput = fileInput(LOAN_IMPORT_FIELDS);
export const loanImportRunInput = loanImportFileInput.extend({ skipRows }).strict();
export const ownerImportFileInput = fileInput(OWNER_IMPORT_FIELDS);
export const ownerImportRunInput = ownerImportFileInput.extend({ skipRows, mergeOwners }).strict();
const person = borrowerInput.options[1].shape;
/**
 * The words of a paper register row, held to the loan form's own fields (a borrower recorded by
 * name, the request's purpose and note). A paper row may lack what the desk asks for today —
 * department, phone, purpose, the names of approver and handler: a blank cell is passed as
 * undefined; what is written obeys the form. Approver and handler are person names like the borrower.
 */
export const loanImportRowInput = z
  .object({
    borrowerName: person.name,
    department: person.department.optional(),
    phone: person.phone.optional(),
    purpose: loanRequestInput.shape.purpose.optional(),
    approver: person.name.optional(),
    handler: person.name.optional(),
    note: loanRequestInput.shape.note,
  })
  .strict();

/** Any kind's file, as the shared reader sees it. */
export type ImportFile = { fileName: string; base64: string; mapping?: Partial<Record<string, string>> };

/** A sheet of the workbook; a hidden one is read only when chosen. */
export interface ImportSheetInfo {
  name: string;
  hidden: boolean;
}

/** A row as the import will save it: dates as the day read, codes as cleaned (field → text). */
export interface ImportParsedRow {
  row: number;
  values: Partial<Record<ImportField, string>>;
}
/** Rows of the dry run shown as read; the problems list every row regardless. */
export const IMPORT_PARSED_SHOWN = 200;

export interface ImportProblem {
  /** The row number as the spreadsheet shows it (problems of a column are on the header row). */
  row: number;
  field: ImportField | null;
  /** i18n key (v.* in common), with `value` to interpolate. */
  message: string;
  value: string;
}

/**
 * An owner a file names, as the dry run shows it: one it will create (with any existing owner one
 * character apart, for the custodian to merge into or keep apart), or one written differently from
 * the existing owner it is (same ownerKey), which it uses without asking.
 */
export interface OwnerPlan {
  /** As the file first writes it, cleaned. */
  name: string;
  /** The first sheet row naming it. */
  row: number;
  /** The existing owner of the same key: the rows are that owner's. Null: a new owner. */
  existing: { id: number; name: string } | null;
  /** For a new owner: existing owners whose name is one character apart. */
  lookAlikes: { id: number; name: string }[];
}

export interface ImportCheck {
  encoding: 'utf-8' | 'gb18030' | 'xlsx';
  /** The workbook's sheets ([] for a CSV) and the one read. */
  sheets: ImportSheetInfo[];
  sheet: string;
  /** The row read as the header row, as Excel numbers it. */
  headerRow: number;
  /** The sheet's first rows, to pick another header row from (index 0 is row 1). */
  top: string[][];
  headers: string[];
  /** Headers of hidden columns: not mapped unless the custodian chooses them. */
  hiddenHeaders: string[];
  mapping: Partial<Record<ImportField, string>>;
  /** Rows with content below the header, not counting an export's own footer lines (导出人、导出时间…), which are left out. */
  rows: number;
  /** Footer lines of one of our own exports, recognised at the end of the sheet and not read as rows. */
  footerRows: number;
  problems: ImportProblem[];
  /** Owners named in a box file that do not exist yet and will be created (0 for other kinds). */
  newOwners: number;
  /** Each owner the import will create, and each it matched though written differently ([] for loans). */
  owners: OwnerPlan[];
  /** Loans of a loan file with no return date: the box is still out (0 for other kinds). */
  stillOut: number;
  /** The first IMPORT_PARSED_SHOWN rows without problems, as they will be saved. */
  parsed: ImportParsedRow[];
}

/** How far back the desk lists imports: long enough to be seen after a holiday, short enough to fade. */
export const RECENT_IMPORT_DAYS = 30;
export const importRecentInput = z.object({ kind: z.enum(IMPORT_KINDS) }).strict();

/** One import of a register, as its audit entry records it: who read which file in, and how much. */
export interface RecentImport {
  at: string;
  actorName: string;
  fileName: string;
  /** Rows of the file (not counting an export's footer lines). */
  rows: number;
  /** Records imported: loans, boxes or owners. */
  count: number;
  /** Loans of the file still out (0 for other kinds). */
  stillOut: number;
}

export const importCalls = {
  'import-boxes-check': call<ImportCheck>()({ input: importFileInput, access: ['custodian'], reads: ['box', 'owner'] }),
  'import-boxes-run': call<{ boxes: number; owners: number }>()({ input: importRunInput, access: ['custodian'], changes: ['box', 'owner', 'import'] }),
  'import-loans-check': call<ImportCheck>()({ input: loanImportFileInput, access: ['custodian'], reads: ['box', 'loan', 'user'] }),
  'import-loans-run': call<{ loans: number; stillOut: number }>()({ input: loanImportRunInput, access: ['custodian'], changes: ['loan', 'box', 'import'] }),
  'import-owners-check': call<ImportCheck>()({ input: ownerImportFileInput, access: ['custodian'], reads: ['owner'] }),
  'import-owners-run': call<{ owners: number }>()({ input: ownerImportRunInput, access: ['custodian'], changes: ['owner', 'import'] }),
  /** The manager sees on the lending desk which paper loans were read in, by whom (the audit log is the auditor's). */
  'import-recent': call<RecentImport[]>()({ input: importRecentInput, access: ['manager', 'custodian', 'auditor'], reads: ['import'] }),
};
