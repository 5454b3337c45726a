import type { destructionCalls } from '../../core/contract/destructions';
import type { holdCalls } from '../../core/contract/holds';
import type { inspectionCalls } from '../../core/contract/inspections';
import type { transferCalls } from '../../core/contract/transfers';
import {
  cancelDestruction,
  checkExecution,
  decideDestruction,
  executeDestruction,
  getDestruction,
  listDestructions,
  proposeDestruction,
} from '../services/destructions';
import { boxCustody, liftHold, placeHold } from '../services/holds';
import {
  checkItem,
  closeFollowUp,
  completeInspection,
  getInspection,
  inspectionStatus,
  listFollowUps,
  listInspections,
  scanItem,
  startInspection,
  startPart,
  stocktakeStatus,
} from '../services/inspections';
import { destructionRegisterPdf, inspectionRecordPdf, transferSheetPdf } from '../services/printing/custody';
import { retentionReport } from '../services/retention';
import { cancelTransfer, checkSignOff, createTransfer, decideTransfer, getTransfer, listTransfers, signOffTransfer } from '../services/transfers';
import { outputOf, type Handlers } from './types';

type CustodyCalls = typeof transferCalls & typeof holdCalls & typeof destructionCalls & typeof inspectionCalls;

/** Custody: transfers 移交, holds 冻结, retention and destruction 销毁, monthly inspection 检查. */
export const custodyHandlers: Handlers<keyof CustodyCalls> = {
  'transfer-create': (input, { db, actor }) => createTransfer(db, actor, input),
  'transfer-decide': (input, { db, actor }) => decideTransfer(db, actor, input),
  'transfer-cancel': (input, { db, actor }) => cancelTransfer(db, actor, input.id),
  'transfer-sign-off': (input, { db, actor }) => signOffTransfer(db, actor, input),
  'transfer-sign-off-check': (input, { db }) => checkSignOff(db, input),
  'transfer-get': (input, { db }) => getTransfer(db, input.id),
  'transfer-list': (input, { db }) => listTransfers(db, input),
  'transfer-sheet-pdf': (input, ctx) => transferSheetPdf(outputOf(ctx), input.id),
  'transfer-export': (input, { runtime, actor }) => runtime.exportFile(actor, { call: 'transfer-export', input }),
  'hold-place': (input, { db, actor }) => placeHold(db, actor, input),
  'hold-lift': (input, { db, actor }) => liftHold(db, actor, input),
  'box-custody': (input, { db }) => boxCustody(db, input.boxId),
  'retention-report': (input, { db }) => retentionReport(db, input),
  'destruction-propose': (input, { db, actor }) => proposeDestruction(db, actor, input),
  'destruction-decide': (input, { db, actor }) => decideDestruction(db, actor, input),
  'destruction-cancel': (input, { db, actor }) => cancelDestruction(db, actor, input.id),
  'destruction-execute': (input, { db, actor }) => executeDestruction(db, actor, input),
  'destruction-execute-check': (input, { db }) => {
    checkExecution(db, input);
    return null;
  },
  'destruction-get': (input, { db }) => getDestruction(db, input.id),
  'destruction-list': (input, { db }) => listDestructions(db, input),
  'destruction-register-pdf': (input, ctx) => destructionRegisterPdf(outputOf(ctx), input.id),
  'destruction-export': (input, { runtime, actor }) => runtime.exportFile(actor, { call: 'destruction-export', input }),
  'inspection-start': (input, { db, actor }) => startInspection(db, actor, input.kind, input.byCabinet),
  'inspection-part-start': (input, { db, actor }) => startPart(db, actor, input),
  'stocktake-status': (_input, { db }) => stocktakeStatus(db),
  'inspection-get': (input, { db }) => getInspection(db, input.id),
  'inspection-list': (_input, { db }) => listInspections(db),
  'inspection-status': (_input, { db }) => inspectionStatus(db),
  'inspection-check': (input, { db, actor }) => checkItem(db, actor, input),
  'inspection-scan': (input, { db, actor }) => scanItem(db, actor, input),
  'inspection-complete': (input, { db, actor }) => completeInspection(db, actor, input.id),
  'inspection-record-pdf': (input, ctx) => inspectionRecordPdf(outputOf(ctx), input.id),
  'inspection-export': (input, { runtime, actor }) => runtime.exportFile(actor, { call: 'inspection-export', input }),
  'follow-up-list': (input, { db }) => listFollowUps(db, input),
  'follow-up-close': (input, { db, actor }) => closeFollowUp(db, actor, input.id, input.resolution),
};
