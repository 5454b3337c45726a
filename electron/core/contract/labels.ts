import { z } from 'zod';
import type { ExportFile } from './audit';
import { LABEL_SIZES } from '../enums';
import { call } from './define';
import { boxListInput } from './boxes';
import { id, text } from './fields';

/** Past this many labels (50 A4 sheets) a print is refused: print a shelf at a time. */
export const LABELS_CAP = 500;

const code = text(40)
  .min(1, { error: 'v.required' })
  .transform((s) => s.toUpperCase());

/** The A4 sheet unless another size is chosen, so a call from before the sizes prints as it did. */
const size = z.enum(LABEL_SIZES).default('sheet');

/** Boxes picked in the catalogue list, or every box whose code lies in a range (inclusive), on one label size. */
export const boxLabelsInput = z.union([
  z.object({ ids: z.array(id).min(1).max(LABELS_CAP), size }).strict(),
  z.object({ fromCode: code, toCode: code, size }).strict(),
]);

/** The catalogue list's filters, as a spreadsheet. */
export const boxExportInput = boxListInput
  .omit({ cursor: true, limit: true })
  .extend({ format: z.enum(['xlsx', 'csv']) })
  .strict();

export const labelCalls = {
  'box-labels-pdf': call<ExportFile>()({ input: boxLabelsInput, access: ['clerk', 'custodian'], changes: [] }),
  'box-export': call<ExportFile>()({ input: boxExportInput, access: ['clerk', 'custodian', 'manager', 'auditor'], changes: [] }),
};
