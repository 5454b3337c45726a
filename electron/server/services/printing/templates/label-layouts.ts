import type { LabelSize } from '../../../../core/enums';
import { boxCover } from './box-cover';
import { sheetLabels } from './box-labels';
import type { LabelLayout } from './label-box';
import { largeRollLabels, smallRollLabels } from './roll-labels';
import { spineLabels } from './spine-labels';

export const LABEL_LAYOUTS: Record<LabelSize, LabelLayout> = {
  sheet: sheetLabels,
  roll_40x30: smallRollLabels,
  roll_60x40: largeRollLabels,
  spine: spineLabels,
  cover: boxCover,
};
