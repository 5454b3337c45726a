import type { CallInput } from '../../electron/core/contract';

type ExportCall = 'transfer-export' | 'destruction-export' | 'inspection-export';

/** One valid payload per custody register export (spread into validPayloads). */
export const exportPayloads: { [N in ExportCall]: CallInput<N> } = {
  'transfer-export': { status: 'signed', format: 'xlsx' },
  'destruction-export': { status: 'executed', format: 'csv' },
  'inspection-export': { id: 1, format: 'xlsx' },
};
