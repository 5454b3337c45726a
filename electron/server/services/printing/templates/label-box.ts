import type { BoxRow, OwnerRow } from '../../../../../db/schema';
import type { LabelSize } from '../../../../core/enums';

/** What any box label or cover prints of a box. */
export type LabelBox = Pick<
  BoxRow,
  'code' | 'title' | 'volume' | 'yearFrom' | 'yearTo' | 'confidentiality' | 'retentionClass' | 'retentionYears' | 'room' | 'cabinet' | 'shelf' | 'position'
> & {
  ownerName: OwnerRow['name'] | null;
  unitNo: OwnerRow['unitNo'] | null;
  /** Documents in the box (卷内目录), the cover's 件数. */
  itemCount: number;
};

export const yearsText = (b: LabelBox) =>
  b.yearFrom && b.yearTo && b.yearFrom !== b.yearTo ? `${b.yearFrom}–${b.yearTo}` : String(b.yearFrom ?? b.yearTo ?? '—');

/** One label size's print: how much room its barcode has, and the document. */
export interface LabelLayout {
  size: LabelSize;
  /** Length available to the Code 128 with its quiet zones, in mm; a code needing more is refused. */
  barRoomMm: number;
  /** The bars run down the label (a spine) rather than across. */
  vertical: boolean;
  html(boxes: readonly LabelBox[], siteName: string): string;
}

/** The font stacks every label shares: Noto CJK where the print runs, the Windows fonts otherwise. */
export const FONTS = `
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "Noto Sans CJK SC", "Microsoft YaHei", "SimSun", sans-serif; color: #000; }
.mono { font-family: "DejaVu Sans Mono", "Consolas", monospace; }
`;
