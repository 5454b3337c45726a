import type { labelCalls } from '../../core/contract/labels';
import { exportBoxes } from '../services/box-export';
import { boxLabelsPdf } from '../services/printing/labels';
import type { Handlers } from './types';

export const labelHandlers: Handlers<keyof typeof labelCalls> = {
  'box-labels-pdf': (input, ctx) => boxLabelsPdf(ctx, input),
  'box-export': (input, ctx) => exportBoxes(ctx, input),
};
