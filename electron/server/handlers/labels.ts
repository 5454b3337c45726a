import type { labelCalls } from '../../core/contract/labels';
import { boxLabelsPdf } from '../services/printing/labels';
import { outputOf, type Handlers } from './types';

export const labelHandlers: Handlers<keyof typeof labelCalls> = {
  'box-labels-pdf': (input, ctx) => boxLabelsPdf(outputOf(ctx), input),
  'box-export': (input, { runtime, actor }) => runtime.exportFile(actor, { call: 'box-export', input }),
};
