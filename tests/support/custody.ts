import type { CallInput } from '../../electron/core/contract';
import type { TestApp } from './app';
import { PASSWORD } from './app';
import { createBox } from './fixtures';
import { lendingCast } from './lending';
import { TINY_PNG } from './payloads-custody';

/** The handles of everyone custody involves, and the account ids of those who sign. */
export async function custodyCast(app: TestApp) {
  const cast = await lendingCast(app);
  const idOf = async (handle: string) => (await app.ok('session-current', {}, handle))!.id;
  return { ...cast, custodianId: await idOf(cast.custodian) };
}
export type CustodyCast = Awaited<ReturnType<typeof custodyCast>>;

/** A box whose 10-year retention, counted from 2010-01-01, ended in 2020. */
export const expiredBox = (app: TestApp, over: Partial<CallInput<'box-create'>> = {}) =>
  createBox(app, { retentionClass: 'y10', retentionStart: '2010-01-01', title: '2009年度工作日志', kind: 'work_log', ...over });

export const validTransfer = (boxCodes: string[], over: Partial<CallInput<'transfer-create'>> = {}): CallInput<'transfer-create'> => ({
  boxCodes,
  fromDepartment: '运营部',
  toDepartment: '行政人事部',
  reason: '员工调动，人事档案移交',
  personnelMoveDate: null,
  ...over,
});

/** Made by the custodian, approved by the manager. */
export async function approvedTransfer(app: TestApp, cast: CustodyCast, boxCodes: string[], over: Partial<CallInput<'transfer-create'>> = {}) {
  const t = await app.ok('transfer-create', validTransfer(boxCodes, over), cast.custodian);
  return app.ok('transfer-decide', { id: t.id, approve: true, reason: '' }, cast.manager);
}

/** The custodian hands over with their password; 赵敏 of the receiving department signs on screen. */
export const signOff = (id: number): CallInput<'transfer-sign-off'> => ({
  id,
  handover: { kind: 'account', username: 'custodian', password: PASSWORD },
  receiver: { kind: 'person', name: '赵敏', signature: TINY_PNG },
});

export const validExecution = (id: number, over: Partial<CallInput<'destruction-execute'>> = {}): CallInput<'destruction-execute'> => ({
  id,
  method: 'shred',
  methodNote: '',
  destroyedOn: '2026-01-05',
  executor: '李强',
  supervisors: ['王芳', '张伟'],
  ...over,
});

/** A box checked and found in order. */
export const goodCheck = (itemId: number): CallInput<'inspection-check'> => ({
  itemId,
  present: true,
  complete: true,
  correctlyFiled: true,
  condition: 'good',
  note: '',
  followUpOwner: '',
});
