import type { Db } from '../../../db/connection';
import { sameConnection } from '../../../db/prepared';
import type { Actor } from './actor';
import { appendAudit, type AuditEntry } from './audit';

/**
 * Every mutation: one IMMEDIATE transaction (the write lock is taken up front, so two writers
 * never deadlock on an upgrade) that ends with its audit entry.
 */
export function mutate<T>(db: Db, actor: Actor, work: (tx: Db) => { result: T; audit: AuditEntry | AuditEntry[] }): T {
  return db.transaction(
    (tx) => {
      sameConnection(tx as unknown as Db, db);
      const { result, audit } = work(tx as unknown as Db);
      for (const entry of Array.isArray(audit) ? audit : [audit]) appendAudit(tx as unknown as Db, actor, entry);
      return result;
    },
    { behavior: 'immediate' },
  );
}
