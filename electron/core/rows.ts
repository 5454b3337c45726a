/**
 * The stored rows as the renderer sees them. Types only: they flow from the drizzle schema, whose
 * table definitions never reach core or the browser bundle (the import rule checks that).
 */
export type { AuditRow, BoxDocumentRow, BoxRow, Location, OwnerRow } from '../../db/schema';
