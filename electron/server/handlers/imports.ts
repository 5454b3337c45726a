import type { importCalls } from '../../core/contract/imports';
import { recentImports } from '../services/import-history';
import { checkBoxImport, runBoxImport } from '../services/imports';
import { checkLoanImport, runLoanImport } from '../services/loan-import';
import { checkOwnerImport, runOwnerImport } from '../services/owner-import';
import type { Handlers } from './types';

export const importHandlers: Handlers<keyof typeof importCalls> = {
  'import-boxes-check': (input, { db, actor }) => checkBoxImport(db, actor, input),
  'import-boxes-run': (input, { db, actor }) => runBoxImport(db, actor, input),
  'import-loans-check': (input, { db, actor }) => checkLoanImport(db, actor, input),
  'import-loans-run': (input, { db, actor }) => runLoanImport(db, actor, input),
  'import-owners-check': (input, { db }) => checkOwnerImport(db, input),
  'import-owners-run': (input, { db, actor }) => runOwnerImport(db, actor, input),
  'import-recent': (input, { db }) => recentImports(db, input),
};
