import type { CallInput } from '../../electron/core/contract';

/** A 1×1 PNG: the smallest drawn signature the contract accepts. */
export const TINY_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

type CustodyCall =
  | 'transfer-create'
  | 'transfer-decide'
  | 'transfer-cancel'
  | 'transfer-sign-off'
  | 'transfer-sign-off-check'
  | 'transfer-get'
  | 'transfer-list'
  | 'transfer-sheet-pdf'
  | 'hold-place'
  | 'hold-lift'
  | 'box-custody'
  | 'retention-report'
  | 'destruction-propose'
  | 'destruction-decide'
  | 'destruction-cancel'
  | 'destruction-execute'
  | 'destruction-execute-check'
  | 'destruction-get'
  | 'destruction-list'
  | 'destruction-register-pdf'
  | 'inspection-start'
  | 'inspection-get'
  | 'inspection-list'
  | 'inspection-status'
  | 'stocktake-status'
  | 'inspection-check'
  | 'inspection-scan'
  | 'inspection-complete'
  | 'inspection-record-pdf'
  | 'follow-up-list'
  | 'follow-up-close';

/** Custody's share of validPayloads: one well-formed payload per call, optional fields filled in. */
export const custodyPayloads: { [N in CustodyCall]: CallInput<N> } = {
  'transfer-create': {
    boxCodes: ['RS-2026-0001'],
    fromDepartment: '运营部',
    toDepartment: '行政人事部',
    reason: '员工调动，人事档案移交',
    personnelMoveDate: '2026-11-20',
  },
  'transfer-decide': { id: 1, approve: false, reason: '清单有误' },
  'transfer-cancel': { id: 1 },
  'transfer-sign-off': {
    id: 1,
    handover: { kind: 'account', username: 'custodian', password: 'Passw0rd!2026' },
    receiver: { kind: 'person', name: '赵敏', signature: TINY_PNG },
  },
  'transfer-sign-off-check': { id: 1, handover: { kind: 'account', username: 'custodian' }, receiver: { kind: 'person', name: '赵敏' } },
  'transfer-get': { id: 1 },
  'transfer-list': { status: 'approved', cursor: 10, limit: 20 },
  'transfer-sheet-pdf': { id: 1 },
  'hold-place': { boxId: 1, reason: '租户押金纠纷，待法务处理' },
  'hold-lift': { id: 1, reason: '纠纷已结案' },
  'box-custody': { boxId: 1 },
  'retention-report': { by: '2026-12-31', from: '2026-12-01', retentionClass: 'y10' },
  'destruction-propose': { boxCodes: ['ZH-2010-0001'], reason: '保管期限已满' },
  'destruction-decide': { id: 1, approve: false, reason: '仍有争议' },
  'destruction-cancel': { id: 1 },
  'destruction-execute': { id: 1, method: 'other', methodNote: '委托专业公司', destroyedOn: '2026-11-20', executor: '李强', supervisors: ['王芳', '张伟'] },
  'destruction-execute-check': {
    id: 1,
    method: 'other',
    methodNote: '委托专业公司',
    destroyedOn: '2026-11-20',
    executor: '李强',
    supervisors: ['王芳', '张伟'],
  },
  'destruction-get': { id: 1 },
  'destruction-list': { status: 'approved', cursor: 10, limit: 20 },
  'destruction-register-pdf': { id: 1 },
  'inspection-start': { kind: 'full' },
  'inspection-get': { id: 1 },
  'inspection-list': {},
  'inspection-status': {},
  'stocktake-status': {},
  'inspection-check': {
    itemId: 1,
    present: true,
    complete: false,
    correctlyFiled: true,
    condition: 'damp',
    note: '缺少消防验收单，盒子受潮',
    followUpOwner: '李强',
  },
  'inspection-scan': { inspectionId: 1, code: 'ZH-2026-0001' },
  'inspection-complete': { id: 1 },
  'inspection-record-pdf': { id: 1 },
  'follow-up-list': { status: 'open', inspectionId: 1, limit: 20 },
  'follow-up-close': { id: 1, resolution: '已补齐并更换档案盒' },
};
