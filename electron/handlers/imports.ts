import type { importCalls } from '../contract/imports';
import { checkBoxImport, runBoxImport } from '../services/imports';
import type { Handlers } from './types';

export const importHandlers: Handlers<keyof typeof importCalls> = {
  'import-boxes-check': (input, { db }) => checkBoxImport(db, input),
  'import-boxes-run': (input, { db, actor }) => runBoxImport(db, actor, input),
};
