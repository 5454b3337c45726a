import { z } from 'zod';
import type { AuditRow } from '../../../db/schema';
import { cleanBoxCode } from './box-code-text';
import { call } from './define';
import { empty, id, listLimit, text } from './fields';

/** Every action the services record; the UI translates each. */
export const AUDIT_ACTIONS = [
  'login',
  'login-failed',
  'session-end',
  'account-locked',
  'password-change',
  'user-create',
  'user-update',
  'user-reset-password',
  'settings-update',
  'owner-create',
  'owner-update',
  'box-create',
  'box-update',
  'box-move',
  'box-code-change',
  'box-document-add',
  'box-document-update',
  'box-document-remove',
  'location-create',
  'location-rename',
  'location-remove',
  'location-convert',
  'room-thresholds-set',
  'room-reading-add',
  'room-readings-import',
  'room-incident-open',
  'room-incident-close',
  'export',
  'loan-request',
  'loan-cancel',
  'loan-approve',
  'loan-reject',
  'loan-hand-out',
  'loan-return',
  'loan-import',
  'loan-renewal-request',
  'loan-renewal-approve',
  'loan-renewal-reject',
  'loan-copy-register',
  'incident-open',
  'incident-close',
  'transfer-request',
  'transfer-approve',
  'transfer-reject',
  'transfer-cancel',
  'transfer-sign-off',
  'hold-place',
  'hold-lift',
  'destruction-propose',
  'destruction-approve',
  'destruction-reject',
  'destruction-cancel',
  'destruction-execute',
  'inspection-start',
  'inspection-part-start',
  'inspection-check',
  'inspection-complete',
  'follow-up-open',
  'follow-up-close',
  'print',
  'backup-create',
  'backup-cleanup',
  'backup-restore',
  'backup-restore-recovered',
  'passphrase-change',
  'database-rekey',
  'database-rekey-recovered',
  'import',
  'host-enable',
  'host-disable',
  'host-certificate-install',
  'update-source-set',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITIES = [
  'user',
  'settings',
  'owner',
  'box',
  'box-document',
  'location',
  'room-reading',
  'room-incident',
  'audit_log',
  'loan',
  'incident',
  'transfer',
  'hold',
  'destruction',
  'inspection',
  'follow-up',
  'database',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/**
 * The records an entry's changes point at by id, and how the viewer and the export name them: an
 * account by its display name, a loan by its number, a box by its code, an owner by its name, an
 * inspection by its month, an item by its title, an inspection item by its month and box.
 */
export const AUDIT_REF_KINDS = ['user', 'loan', 'box', 'owner', 'inspection', 'box-document', 'inspection-item'] as const;
export type AuditRefKind = (typeof AUDIT_REF_KINDS)[number];

/** The kind of record a changed field's value is the id of: requestedBy, borrowerUserId… are accounts. */
export function refKindOf(field: string): AuditRefKind | null {
  if (/(By|UserId)$/.test(field) || field === 'actorId') return 'user';
  if (field === 'loanId') return 'loan';
  if (field === 'boxId') return 'box';
  if (field === 'ownerId') return 'owner';
  if (field === 'inspectionId') return 'inspection';
  if (field === 'itemId') return 'inspection-item';
  // A copy's documentIds, an incident's missingDocumentIds: lists of a box's items.
  if (/^(d|missingD)ocumentIds$/.test(field)) return 'box-document';
  return null;
}

/** Per kind, each id the entry's changes name and what it is called now. */
export type AuditRefs = Partial<Record<AuditRefKind, Record<string, string>>>;

/**
 * An entry as the viewer lists it: the stored (hashed) row, the record's own number (JY-2026-0001,
 * YJ-…, XH-…, a box's code, an inspection's month, an account's name), and the names of the
 * records its changes point at.
 */
export interface AuditListRow extends AuditRow {
  objectNo: string | null;
  refs: AuditRefs;
}

export const auditListInput = z
  .object({
    actorId: id.optional(),
    entity: z.enum(AUDIT_ENTITIES).optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    boxCode: text(40).transform(cleanBoxCode).optional(),
    /** Inclusive calendar days in the user's local time zone, sent as UTC instants by the UI. */
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
    /** Keyset: entries with seq below this, newest first. */
    cursor: id.optional(),
    limit: listLimit,
  })
  .strict();
export type AuditListInput = z.infer<typeof auditListInput>;

export const auditExportInput = auditListInput
  .omit({ cursor: true, limit: true })
  .extend({ format: z.enum(['csv', 'xlsx']) })
  .strict();

/** The chain's head: printed on every form and export, so a later truncation shows against paper. */
export interface ChainHead {
  entries: number;
  headHash: string;
}

export type AuditVerification = ({ intact: true } & ChainHead) | { intact: false; entries: number; brokenAt: number; reason: 'hash' | 'link' | 'sequence' };

export interface ExportFile {
  fileName: string;
  mimeType: string;
  /** The file's bytes, base64: the renderer saves it through the browser's download. */
  base64: string;
}

export const auditCalls = {
  'audit-list': call<{ rows: AuditListRow[]; nextCursor: number | null }>()({ input: auditListInput, access: ['auditor', 'admin'], reads: ['audit'] }),
  'audit-actions': call<{ actions: readonly AuditAction[]; entities: readonly AuditEntity[]; actors: { id: number | null; name: string }[] }>()({
    input: empty,
    access: ['auditor', 'admin'],
    reads: ['audit', 'user'],
  }),
  'audit-verify': call<AuditVerification>()({ input: empty, access: ['auditor', 'admin'], reads: ['audit'] }),
  'audit-head': call<ChainHead>()({ input: empty, access: 'signed-in', reads: ['audit'] }),
  'audit-export': call<ExportFile>()({ input: auditExportInput, access: ['auditor', 'admin'], changes: [] }),
};
