import type { ownerCalls } from '../../core/contract/owners';
import { ownerKey } from '../../core/contract/owner-names';
import { ownersWithKey } from '../services/owner-keys';
import { createOwner, getOwner, listOwners, updateOwner } from '../services/owners';
import type { Handlers } from './types';

export const ownerHandlers: Handlers<keyof typeof ownerCalls> = {
  'owner-list': (input, { db }) => listOwners(db, input),
  'owner-get': (input, { db }) => getOwner(db, input.id),
  'owner-create': (input, { db, actor }) => createOwner(db, actor, input),
  'owner-update': (input, { db, actor }) => updateOwner(db, actor, input),
  'owner-same-name': (input, { db }) => ({ owners: ownersWithKey(db, ownerKey(input.name), input.exceptId) }),
};
