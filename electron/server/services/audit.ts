import { hash } from 'node:crypto';
import { desc } from 'drizzle-orm';
import { placeholders, preparedOnce } from '../../../db/prepared';
import type { Db } from '../../../db/connection';
import { auditLog, type AuditRow } from '../../../db/schema';
import type { AuditAction, AuditEntity } from '../../core/contract/audit';
import { nowIso, type Actor } from './actor';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  action: AuditAction;
  entity: AuditEntity;
  entityId: string | number | null;
  boxCode?: string | null;
  before?: unknown;
  after?: unknown;
}

type ChainFields = Omit<AuditRow, 'hash'>;

/**
 * The hash covers the previous hash and the entry's canonical content: its fields as a JSON array
 * in a fixed order, so any edit, deletion or reordering breaks the chain. The client (host mode)
 * joins the array only when the entry has one: entries of this PC's own window, and every entry
 * written before the client was recorded, keep the nine-field form they were hashed with, while
 * a client added to, removed from or changed on an entry breaks its hash like any other edit.
 */
export function entryHash(row: ChainFields): string {
  const fields = [row.seq, row.at, row.actorId, row.actorName, row.action, row.entity, row.entityId, row.boxCode, row.changes];
  if (row.clientAddress !== null || row.clientName !== null) fields.push(row.clientAddress, row.clientName);
  const content = JSON.stringify(fields);
  // One-shot hash of prevHash + content: the same digest as a streamed update of each, without a
  // Hash object per entry (verifying 5M entries is mostly this function).
  return hash('sha256', row.prevHash + content);
}

/** Only the fields that changed, as {field: [before, after]}; whole rows for creations. */
export function diffFields(before: unknown, after: unknown): unknown {
  if (before === null || before === undefined || after === null || after === undefined) return { before: before ?? null, after: after ?? null };
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const changed: Record<string, [unknown, unknown]> = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (key === 'updatedAt') continue;
    // Most fields are unchanged and identical: no need to serialise them to know.
    if (b[key] !== a[key] && JSON.stringify(b[key]) !== JSON.stringify(a[key])) changed[key] = [b[key] ?? null, a[key] ?? null];
  }
  return changed;
}

/** Appends one chained entry. Call it inside the mutation's own transaction. */
export function appendAudit(tx: Db, actor: Actor, entry: AuditEntry): void {
  const last = preparedOnce(tx, 'audit-head', (db) =>
    db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1).prepare(),
  ).get();
  const row: ChainFields = {
    seq: (last?.seq ?? 0) + 1,
    at: nowIso(),
    actorId: actor.id,
    actorName: actor.name,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    boxCode: entry.boxCode ?? null,
    changes: JSON.stringify(diffFields(entry.before, entry.after)),
    clientAddress: actor.client?.address ?? null,
    clientName: actor.client?.name ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  preparedOnce(tx, 'audit-append', (db) => db.insert(auditLog).values(placeholders(auditLog)).prepare()).run({ ...row, hash: entryHash(row) });
}
