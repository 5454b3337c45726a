import { z } from 'zod';
import { call } from './define';
import { requiredText } from './fields';

/**
 * About 6.5 MB of file once base64 grows it by a third: well inside the web shell's 16 MB body cap,
 * and far more than a 10,000-row register (about 0.6 MB as xlsx).
 */
export const IMPORT_MAX_BASE64 = 9_000_000;
/** A register bigger than this is split by year and imported in parts. */
export const IMPORT_MAX_ROWS = 10_000;

/** What a box row can say; the first column header that names a field (see HEADER_ALIASES) maps to it. */
export const BOX_IMPORT_FIELDS = ['code', 'kind', 'title', 'ownerName', 'unitNo', 'volume', 'yearFrom', 'yearTo', 'confidentiality', 'retention', 'room', 'cabinet', 'shelf', 'position', 'note'] as const;
export type BoxImportField = (typeof BOX_IMPORT_FIELDS)[number];

export const importFileInput = z
  .object({
    fileName: requiredText(200).regex(/\.(xlsx|csv)$/i, { error: 'v.importFileType' }),
    base64: z.string().min(1).max(IMPORT_MAX_BASE64),
    /** Field → column header; absent fields are taken from the headers recognised. */
    mapping: z.partialRecord(z.enum(BOX_IMPORT_FIELDS), z.string().max(100)).optional(),
  })
  .strict();

export const importRunInput = importFileInput.extend({
  /** Sheet row numbers the custodian chose to leave out. */
  skipRows: z.array(z.number().int().min(2).max(IMPORT_MAX_ROWS + 1)).max(IMPORT_MAX_ROWS).default([]),
}).strict();

export interface ImportProblem {
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  field: BoxImportField | null;
  /** i18n key (v.* in common), with `value` to interpolate. */
  message: string;
  value: string;
}

export interface ImportCheck {
  encoding: 'utf-8' | 'gb18030' | 'xlsx';
  headers: string[];
  mapping: Partial<Record<BoxImportField, string>>;
  rows: number;
  problems: ImportProblem[];
  /** Owners named in the file that do not exist yet and will be created. */
  newOwners: number;
}

export const importCalls = {
  'import-boxes-check': call<ImportCheck>()({ input: importFileInput, access: ['custodian'] }),
  'import-boxes-run': call<{ boxes: number; owners: number }>()({ input: importRunInput, access: ['custodian'] }),
};
