import { and, desc, eq, gte, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
import { auditLog } from '../../../db/schema';
import type { AuditEntity } from '../../core/contract/audit';
import { RECENT_IMPORT_DAYS, type ImportKind, type importRecentInput, type RecentImport } from '../../core/contract/imports';

/** The audit entity of each import kind's whole-file entry, and the count it records. */
const ENTRY: Record<ImportKind, { entity: AuditEntity; count: 'loans' | 'boxes' | 'owners' }> = {
  loans: { entity: 'loan', count: 'loans' },
  boxes: { entity: 'box', count: 'boxes' },
  owners: { entity: 'owner', count: 'owners' },
};

/** What the run functions write as the import's own entry (services/loan-import.ts and the others). */
interface ImportEntryAfter {
  file: string;
  rows?: number;
  loans?: number;
  boxes?: number;
  owners?: number;
  stillOut?: number;
}

/**
 * The imports of one kind in the last RECENT_IMPORT_DAYS days, newest first, read from their audit
 * entries (entity id null, found by the entity index): the log is the one record of who imported what.
 */
export function recentImports(db: Db, input: z.output<typeof importRecentInput>): RecentImport[] {
  const { entity, count } = ENTRY[input.kind];
  const since = new Date(Date.now() - RECENT_IMPORT_DAYS * 86_400_000).toISOString();
  return db
    .select({ at: auditLog.at, actorName: auditLog.actorName, changes: auditLog.changes })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), isNull(auditLog.entityId), eq(auditLog.action, 'import'), gte(auditLog.at, since)))
    .orderBy(desc(auditLog.seq))
    .limit(10)
    .all()
    .map(({ at, actorName, changes }) => {
      const after = (JSON.parse(changes) as { after: ImportEntryAfter }).after;
      // Entries written before the row count was recorded say only what was imported.
      const imported = after[count] ?? 0;
      return { at, actorName, fileName: after.file, rows: after.rows ?? imported, count: imported, stillOut: after.stillOut ?? 0 };
    });
}
