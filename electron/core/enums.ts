/** The closed vocabularies of the archive: stored as these codes, shown through labels.ts. */
export const ROLES = ['clerk', 'custodian', 'manager', 'auditor', 'admin'] as const;
export const BUSINESS_TYPES = ['catering', 'non_catering'] as const;
export const BOX_KINDS = ['tenant', 'customer', 'personnel', 'work_log', 'letters', 'other'] as const;
export const BOX_STATUSES = ['in_stock', 'on_loan', 'transferred', 'pending_destruction', 'destroyed', 'missing'] as const;
export const CONFIDENTIALITY = ['public', 'internal', 'secret', 'confidential'] as const;
export const RETENTION_CLASSES = ['permanent', 'y30', 'y10', 'custom'] as const;
/** Expected contents of a tenant box, domain.md §4.3.2 a–g. */
export const DOC_CATEGORIES = ['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const;
export const LOAN_TYPES = ['short', 'long'] as const;
export const LOAN_STATUSES = ['requested', 'approved', 'rejected', 'out', 'returned', 'cancelled'] as const;
export const RETURN_CONDITIONS = ['intact', 'damaged', 'documents_missing'] as const;
export const RENEWAL_STATUSES = ['requested', 'approved', 'rejected'] as const;
export const INCIDENT_KINDS = ['damaged', 'documents_missing'] as const;
export const INCIDENT_STATUSES = ['open', 'closed'] as const;
/** What a copy registration records (§4.6.2): a copy 复制 (photocopy, scan) or an excerpt 摘抄 written out. */
export const COPY_KINDS = ['copy', 'excerpt'] as const;
export const TRANSFER_STATUSES = ['requested', 'approved', 'rejected', 'cancelled', 'signed'] as const;
export const DESTRUCTION_STATUSES = ['proposed', 'approved', 'rejected', 'cancelled', 'executed'] as const;
export const DESTRUCTION_METHODS = ['shred', 'pulp', 'incinerate', 'other'] as const;
export const INSPECTION_STATUSES = ['open', 'completed'] as const;
/** The monthly check (§4.8), or the full stocktake 全面盘点 done at least once a year besides it. */
export const INSPECTION_KINDS = ['monthly', 'full'] as const;
/** A box's physical state at inspection; the risks §4.5.1 names (damp, insects) have their own. */
export const BOX_CONDITIONS = ['good', 'damaged', 'damp', 'pests'] as const;
export const FOLLOW_UP_STATUSES = ['open', 'closed'] as const;
/** The managed location tree 库房 › 档案柜 › 层 › 位, top down. */
export const LOCATION_KINDS = ['room', 'cabinet', 'shelf', 'position'] as const;
/** A room incident (§4.5.1): a reading outside the set range, or a danger the keepers report. */
export const ROOM_RISKS = ['out_of_range', 'fire', 'leak', 'insects', 'rodents', 'theft'] as const;
/** Where a room reading came from: typed in, or a data logger's CSV. */
export const READING_SOURCES = ['manual', 'logger'] as const;
/** What a box label is printed on: the A4 sheet, a thermal printer's roll, the box's spine or its cover. */
export const LABEL_SIZES = ['sheet', 'roll_40x30', 'roll_60x40', 'spine', 'cover'] as const;

export type Role = (typeof ROLES)[number];
export type LabelSize = (typeof LABEL_SIZES)[number];
