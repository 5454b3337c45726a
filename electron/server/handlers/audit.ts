import { AUDIT_ACTIONS, AUDIT_ENTITIES, type auditCalls } from '../../core/contract/audit';
import { auditActors, chainHead, listAudit } from '../services/audit-log';
import type { Handlers } from './types';

export const auditHandlers: Handlers<keyof typeof auditCalls> = {
  'audit-list': (input, { db }) => listAudit(db, input),
  'audit-actions': (_input, { db }) => ({ actions: AUDIT_ACTIONS, entities: AUDIT_ENTITIES, actors: auditActors(db) }),
  'audit-verify': (_input, { runtime, actor }) => runtime.verifyChain(actor),
  'audit-head': (_input, { db }) => chainHead(db),
  'audit-export': (input, { runtime, actor }) => runtime.exportFile(actor, { call: 'audit-export', input }),
};
