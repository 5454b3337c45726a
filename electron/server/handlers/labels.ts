import type { labelCalls } from '../../core/contract/labels';
import { exportBoxes } from '../services/box-export';
import { boxLabelsPdf } from '../services/printing/labels';
import { outputOf, type Handlers } from './types';

export const labelHandlers: Handlers<keyof typeof labelCalls> = {
  'box-labels-pdf': (input, ctx) => boxLabelsPdf(outputOf(ctx), input),
  'box-export': (input, ctx) => exportBoxes(outputOf(ctx), input),
};
