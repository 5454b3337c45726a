import type { CallInput } from '../../electron/core/contract';

/** A personnel box by default: no owner needed, not yet placed. Tenant boxes pass kind and ownerId; a place comes from positionAt. */
export function validBoxInput(over: Partial<CallInput<'box-create'>> = {}): CallInput<'box-create'> {
  return {
    code: '',
    kind: 'personnel',
    title: '人事档案',
    ownerId: null,
    volume: 1,
    yearFrom: 2024,
    yearTo: 2025,
    locationId: null,
    confidentiality: 'internal',
    retentionClass: 'y30',
    retentionYears: null,
    retentionStart: null,
    note: '',
    ...over,
  };
}
