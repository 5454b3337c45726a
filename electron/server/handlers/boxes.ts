import type { boxCalls } from '../../core/contract/boxes';
import { changeBoxCode } from '../services/box-code-change';
import { lookAlikeCodes, previewCode } from '../services/box-codes';
import { listBoxes } from '../services/box-list';
import { addDocument, createBox, findBoxByCode, getBox, moveBox, removeDocument, updateBox, updateDocument } from '../services/boxes';
import { getSettings } from '../services/settings';
import type { Handlers } from './types';

export const boxHandlers: Handlers<keyof typeof boxCalls> = {
  'box-list': (input, { db }) => listBoxes(db, input),
  'box-get': (input, { db }) => getBox(db, input.id),
  'box-find-by-code': (input, { db }) => findBoxByCode(db, input.code),
  'box-code-lookalikes': (input, { db }) => ({ codes: lookAlikeCodes(db, input.code) }),
  'box-next-code': (input, { db }) => ({ code: previewCode(db, getSettings(db), input.kind) }),
  'box-create': (input, { db, actor }) => createBox(db, actor, input),
  'box-update': (input, { db, actor }) => updateBox(db, actor, input),
  'box-move': (input, { db, actor }) => moveBox(db, actor, input),
  'box-code-change': (input, { db, actor }) => changeBoxCode(db, actor, input),
  'box-document-add': (input, { db, actor }) => addDocument(db, actor, input),
  'box-document-update': (input, { db, actor }) => updateDocument(db, actor, input),
  'box-document-remove': (input, { db, actor }) => removeDocument(db, actor, input.id),
};
