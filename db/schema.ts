import { sql } from 'drizzle-orm';
import { type AnySQLiteColumn, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  ROLES,
  BUSINESS_TYPES,
  BOX_KINDS,
  BOX_STATUSES,
  CONFIDENTIALITY,
  RETENTION_CLASSES,
  DOC_CATEGORIES,
  LOAN_TYPES,
  LOAN_STATUSES,
  COPY_KINDS,
  RETURN_CONDITIONS,
  RENEWAL_STATUSES,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  TRANSFER_STATUSES,
  DESTRUCTION_STATUSES,
  DESTRUCTION_METHODS,
  INSPECTION_STATUSES,
  INSPECTION_KINDS,
  BOX_CONDITIONS,
  FOLLOW_UP_STATUSES,
  LOCATION_KINDS,
  ROOM_RISKS,
  READING_SOURCES,
} from '../electron/core/enums';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  passwordHash: text('password_hash').notNull(),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: text('locked_until'),
  passwordChangedAt: text('password_changed_at').notNull().default(now),
  createdAt: text('created_at').notNull().default(now),
});

export const owners = sqliteTable(
  'owners',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** ownerKey(name): which owner a name is, however it was written (services/owner-keys.ts fills it). */
    nameKey: text('name_key').notNull().default(''),
    /** nameKey backwards: its index finds the keys ending alike, as nameKey's finds those starting alike. */
    nameKeyReversed: text('name_key_reversed').notNull().default(''),
    unitNo: text('unit_no').notNull().default(''),
    floor: text('floor').notNull().default(''),
    businessType: text('business_type', { enum: BUSINESS_TYPES }).notNull(),
    contactPerson: text('contact_person').notNull().default(''),
    phone: text('phone').notNull().default(''),
    leaseStart: text('lease_start'),
    moveOutDate: text('move_out_date'),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    index('owners_unit_idx').on(t.unitNo),
    index('owners_floor_idx').on(t.floor),
    index('owners_name_key_idx').on(t.nameKey),
    index('owners_name_key_reversed_idx').on(t.nameKeyReversed),
  ],
);

/**
 * The managed location tree: rooms hold cabinets, cabinets shelves, shelves positions. A name is
 * unique among its siblings as folded (C03 and Ｃ03 are one cabinet); seq orders siblings as the
 * shelves stand.
 */
export const locations = sqliteTable(
  'locations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: LOCATION_KINDS }).notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => locations.id),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    seq: integer('seq').notNull().default(0),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('locations_parent_idx').on(t.parentId, t.seq), index('locations_key_idx').on(t.parentId, t.nameKey)],
);

/**
 * The day a box's retention runs out, in SQL: its start plus its class's years (NULL for permanent
 * or without a start). One expression for the index on it and for every query that ranges over it,
 * since SQLite uses an expression index only for the same expression.
 */
export const retentionEndOf = (t: { retentionStart: AnySQLiteColumn; retentionClass: AnySQLiteColumn; retentionYears: AnySQLiteColumn }) =>
  sql<string>`date(${t.retentionStart}, '+' || (CASE ${t.retentionClass} WHEN 'y30' THEN 30 WHEN 'y10' THEN 10 ELSE ${t.retentionYears} END) || ' years')`;

export const boxes = sqliteTable(
  'boxes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    kind: text('kind', { enum: BOX_KINDS }).notNull(),
    title: text('title').notNull(),
    ownerId: integer('owner_id').references(() => owners.id),
    volume: integer('volume').notNull().default(1),
    yearFrom: integer('year_from'),
    yearTo: integer('year_to'),
    room: text('room').notNull().default(''),
    cabinet: text('cabinet').notNull().default(''),
    shelf: text('shelf').notNull().default(''),
    position: text('position').notNull().default(''),
    /**
     * Where the box stands in the managed tree (a position; a coarser node for a free-text place
     * converted without all four parts); null while unplaced. room…position above are the node's
     * path kept beside it, rewritten in the same transaction as a move or a rename, so search, the
     * list's filters, shelf order and every export read the place without walking the tree.
     */
    locationId: integer('location_id').references(() => locations.id),
    confidentiality: text('confidentiality', { enum: CONFIDENTIALITY }).notNull(),
    retentionClass: text('retention_class', { enum: RETENTION_CLASSES }).notNull(),
    retentionYears: integer('retention_years'),
    retentionStart: text('retention_start'),
    status: text('status', { enum: BOX_STATUSES }).notNull().default('in_stock'),
    /** Who holds the box: '' for the archive itself; the receiving department after a transfer. */
    custodianDepartment: text('custodian_department').notNull().default(''),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('boxes_code_uq').on(t.code),
    uniqueIndex('boxes_owner_volume_uq').on(t.ownerId, t.volume),
    index('boxes_status_idx').on(t.status, t.id),
    index('boxes_kind_idx').on(t.kind, t.id),
    index('boxes_location_idx').on(t.room, t.cabinet, t.shelf, t.position),
    index('boxes_location_id_idx').on(t.locationId),
    // The overview's retention months: a range of end dates read off the index, status beside it.
    index('boxes_retention_end_idx').on(retentionEndOf(t), t.status),
  ],
);

export const boxDocuments = sqliteTable(
  'box_documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    boxId: integer('box_id')
      .notNull()
      .references(() => boxes.id),
    docDate: text('doc_date').notNull(),
    title: text('title').notNull(),
    category: text('category', { enum: DOC_CATEGORIES }).notNull(),
    pages: integer('pages').notNull(),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('box_documents_box_idx').on(t.boxId, t.docDate)],
);

export const boxMoves = sqliteTable(
  'box_moves',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    boxId: integer('box_id')
      .notNull()
      .references(() => boxes.id),
    fromLocation: text('from_location', { mode: 'json' }).$type<Location | null>(),
    toLocation: text('to_location', { mode: 'json' }).$type<Location>().notNull(),
    reason: text('reason').notNull().default(''),
    movedBy: integer('moved_by')
      .notNull()
      .references(() => users.id),
    movedAt: text('moved_at').notNull().default(now),
  },
  (t) => [index('box_moves_box_idx').on(t.boxId, t.id)],
);

/**
 * Codes a box had before a code change (档号, DA/T 13): a code once issued does not vanish, so a scan
 * or a search by the old code still finds the box, and no other box is given it.
 */
export const boxFormerCodes = sqliteTable(
  'box_former_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    boxId: integer('box_id')
      .notNull()
      .references(() => boxes.id),
    code: text('code').notNull(),
    /** The code it was changed to, as the change made it. */
    newCode: text('new_code').notNull(),
    reason: text('reason').notNull(),
    changedBy: integer('changed_by')
      .notNull()
      .references(() => users.id),
    changedAt: text('changed_at').notNull().default(now),
  },
  (t) => [uniqueIndex('box_former_codes_code_uq').on(t.code), index('box_former_codes_box_idx').on(t.boxId, t.id)],
);

export const codeCounters = sqliteTable('code_counters', {
  prefix: text('prefix').primaryKey(),
  last: integer('last').notNull(),
});

export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey(),
    at: text('at').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    boxCode: text('box_code'),
    changes: text('changes').notNull(),
    /** The desk the call came from (host mode): its network address and the name it gave; both null for this PC's own window. */
    clientAddress: text('client_address'),
    clientName: text('client_name'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId), index('audit_box_idx').on(t.boxCode)],
);

/**
 * The loan register 《借用/借阅记录表》 (§4.4): borrower details are copied from the account at
 * request time, so the record still says who borrowed even after the account changes.
 */
export const loans = sqliteTable(
  'loans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    loanNo: text('loan_no').notNull(),
    boxId: integer('box_id')
      .notNull()
      .references(() => boxes.id),
    borrowerUserId: integer('borrower_user_id').references(() => users.id),
    borrowerName: text('borrower_name').notNull(),
    borrowerDepartment: text('borrower_department').notNull().default(''),
    borrowerPhone: text('borrower_phone').notNull().default(''),
    purpose: text('purpose').notNull(),
    loanType: text('loan_type', { enum: LOAN_TYPES }).notNull(),
    days: integer('days').notNull(),
    copyRequested: integer('copy_requested', { mode: 'boolean' }).notNull(),
    copyAllowed: integer('copy_allowed', { mode: 'boolean' }).notNull().default(false),
    note: text('note').notNull().default(''),
    status: text('status', { enum: LOAN_STATUSES }).notNull().default('requested'),
    requestedAt: text('requested_at').notNull().default(now),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => users.id),
    decidedAt: text('decided_at'),
    decidedBy: integer('decided_by').references(() => users.id),
    decisionReason: text('decision_reason').notNull().default(''),
    handedOutAt: text('handed_out_at'),
    handedOutBy: integer('handed_out_by').references(() => users.id),
    dueDate: text('due_date'),
    returnedAt: text('returned_at'),
    receivedBy: integer('received_by').references(() => users.id),
    returnCondition: text('return_condition', { enum: RETURN_CONDITIONS }),
    /**
     * Set on loans read in from the office's paper/Excel register (借阅登记): their approver and
     * handler are names written on paper, not accounts, so decidedBy/handedOutBy stay null.
     */
    imported: integer('imported', { mode: 'boolean' }).notNull().default(false),
    paperApprover: text('paper_approver').notNull().default(''),
    paperHandler: text('paper_handler').notNull().default(''),
  },
  (t) => [
    uniqueIndex('loans_loan_no_uq').on(t.loanNo),
    index('loans_box_idx').on(t.boxId, t.id),
    index('loans_borrower_user_idx').on(t.borrowerUserId, t.id),
    index('loans_borrower_name_idx').on(t.borrowerName, t.id),
    index('loans_status_due_idx').on(t.status, t.dueDate),
    // The overview's loans per month: a range count of request times, not a scan of every loan.
    index('loans_requested_idx').on(t.requestedAt),
  ],
);

export const loanRenewals = sqliteTable(
  'loan_renewals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    loanId: integer('loan_id')
      .notNull()
      .references(() => loans.id),
    days: integer('days').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: RENEWAL_STATUSES }).notNull().default('requested'),
    requestedAt: text('requested_at').notNull().default(now),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => users.id),
    decidedAt: text('decided_at'),
    decidedBy: integer('decided_by').references(() => users.id),
    decisionReason: text('decision_reason').notNull().default(''),
    newDueDate: text('new_due_date'),
  },
  (t) => [index('loan_renewals_loan_idx').on(t.loanId, t.id), index('loan_renewals_status_idx').on(t.status)],
);

/**
 * 复制/摘抄登记 (§4.6.2): what was copied or excerpted from a loan's box, by whom and when, on a
 * loan the manager allowed copying for. `documentIds` are box_documents of the loan's box; the
 * titles are kept beside them so the register reads the same after the contents are corrected.
 */
export const loanCopies = sqliteTable(
  'loan_copies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    loanId: integer('loan_id')
      .notNull()
      .references(() => loans.id),
    kind: text('kind', { enum: COPY_KINDS }).notNull(),
    description: text('description').notNull(),
    documentIds: text('document_ids', { mode: 'json' }).$type<number[]>().notNull(),
    documentTitles: text('document_titles', { mode: 'json' }).$type<string[]>().notNull(),
    pages: integer('pages').notNull(),
    copies: integer('copies').notNull(),
    madeBy: text('made_by').notNull(),
    madeOn: text('made_on').notNull(),
    createdAt: text('created_at').notNull().default(now),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('loan_copies_loan_idx').on(t.loanId, t.id)],
);

/** Damage or loss found on return (§4.5.3), with who is responsible and what follows. */
export const incidents = sqliteTable(
  'incidents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    boxId: integer('box_id')
      .notNull()
      .references(() => boxes.id),
    loanId: integer('loan_id').references(() => loans.id),
    kind: text('kind', { enum: INCIDENT_KINDS }).notNull(),
    description: text('description').notNull(),
    responsible: text('responsible').notNull(),
    followUp: text('follow_up').notNull().default(''),
    missingDocumentIds: text('missing_document_ids', { mode: 'json' }).$type<number[]>().notNull(),
    status: text('status', { enum: INCIDENT_STATUSES }).notNull().default('open'),
    createdAt: text('created_at').notNull().default(now),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    closedAt: text('closed_at'),
    closedBy: integer('closed_by').references(() => users.id),
    resolution: text('resolution').notNull().default(''),
  },
  (t) => [index('incidents_box_status_idx').on(t.boxId, t.status), index('incidents_status_idx').on(t.status), index('incidents_loan_idx').on(t.loanId)],
);

/**
 * 《档案移交签收表》 (§4.7): approved by a manager, then signed on the spot by the person handing
 * over and the person receiving. A side is an account (confirmed with its own password) or a
 * named person whose drawn signature (PNG data URL) is kept on the record.
 */
export const transfers = sqliteTable(
  'transfers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    transferNo: text('transfer_no').notNull(),
    fromDepartment: text('from_department').notNull(),
    toDepartment: text('to_department').notNull(),
    reason: text('reason').notNull(),
    /** Personnel files (§4.7.2): the staff member's move date; collection is due a week later. */
    personnelMoveDate: text('personnel_move_date'),
    status: text('status', { enum: TRANSFER_STATUSES }).notNull().default('requested'),
    requestedAt: text('requested_at').notNull().default(now),
    requestedBy: integer('requested_by')
      .notNull()
      .references(() => users.id),
    decidedAt: text('decided_at'),
    decidedBy: integer('decided_by').references(() => users.id),
    decisionReason: text('decision_reason').notNull().default(''),
    cancelledAt: text('cancelled_at'),
    cancelledBy: integer('cancelled_by').references(() => users.id),
    handoverUserId: integer('handover_user_id').references(() => users.id),
    handoverName: text('handover_name'),
    handoverSignature: text('handover_signature'),
    receiverUserId: integer('receiver_user_id').references(() => users.id),
    receiverName: text('receiver_name'),
    receiverSignature: text('receiver_signature'),
    signedAt: text('signed_at'),
    /** The account at the desk that recorded the sign-off. */
    signedRecordedBy: integer('signed_recorded_by').references(() => users.id),
  },
  (t) => [uniqueIndex('transfers_no_uq').on(t.transferNo), index('transfers_status_idx').on(t.status, t.id)],
);

export const transferBoxes = sqliteTable(
  'transfer_boxes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    transferId: integer('transfer_id')
      .notNull()
      .references(() => transfers.id),
    boxId: integer('box_id')
      .notNull()
      .references(() => boxes.id),
    /** Documents in the box when the order was made: the sheet's 件数. */
    itemCount: integer('item_count').notNull(),
    remarks: text('remarks').notNull().default(''),
  },
  (t) => [uniqueIndex('transfer_boxes_uq').on(t.transferId, t.boxId), index('transfer_boxes_box_idx').on(t.boxId)],
);

/** 冻结: a box under dispute or audit cannot be proposed for destruction while a hold is active. */
export const holds = sqliteTable(
  'holds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    boxId: integer('box_id')
      .notNull()
      .references(() => boxes.id),
    reason: text('reason').notNull(),
    placedAt: text('placed_at').notNull().default(now),
    placedBy: integer('placed_by')
      .notNull()
      .references(() => users.id),
    liftedAt: text('lifted_at'),
    liftedBy: integer('lifted_by').references(() => users.id),
    liftReason: text('lift_reason').notNull().default(''),
  },
  (t) => [index('holds_box_idx').on(t.boxId, t.liftedAt)],
);

/** A destruction proposal, and once executed the destruction register 《档案销毁清册》 (§4.9). */
export const destructions = sqliteTable(
  'destructions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    registerNo: text('register_no').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: DESTRUCTION_STATUSES }).notNull().default('proposed'),
    proposedAt: text('proposed_at').notNull().default(now),
    proposedBy: integer('proposed_by')
      .notNull()
      .references(() => users.id),
    decidedAt: text('decided_at'),
    decidedBy: integer('decided_by').references(() => users.id),
    decisionReason: text('decision_reason').notNull().default(''),
    method: text('method', { enum: DESTRUCTION_METHODS }),
    methodNote: text('method_note').notNull().default(''),
    destroyedOn: text('destroyed_on'),
    executorName: text('executor_name'),
    supervisor1: text('supervisor1'),
    supervisor2: text('supervisor2'),
    executedAt: text('executed_at'),
    executedBy: integer('executed_by').references(() => users.id),
  },
  (t) => [uniqueIndex('destructions_no_uq').on(t.registerNo), index('destructions_status_idx').on(t.status, t.id)],
);

export const destructionBoxes = sqliteTable(
  'destruction_boxes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    destructionId: integer('destruction_id')
      .notNull()
      .references(() => destructions.id),
    boxId: integer('box_id')
      .notNull()
      .references(() => boxes.id),
    itemCount: integer('item_count').notNull(),
    /** The date the retention ran out, as computed when proposed. */
    retentionEnd: text('retention_end').notNull(),
  },
  (t) => [uniqueIndex('destruction_boxes_uq').on(t.destructionId, t.boxId), index('destruction_boxes_box_idx').on(t.boxId)],
);

/** The monthly inspection 档案检查 (§4.8): one per calendar month, of the boxes in stock. */
export const inspections = sqliteTable(
  'inspections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 'YYYY-MM' on the local calendar. */
    month: text('month').notNull(),
    kind: text('kind', { enum: INSPECTION_KINDS }).notNull().default('monthly'),
    status: text('status', { enum: INSPECTION_STATUSES }).notNull().default('open'),
    startedAt: text('started_at').notNull().default(now),
    startedBy: integer('started_by')
      .notNull()
      .references(() => users.id),
    completedAt: text('completed_at'),
    completedBy: integer('completed_by').references(() => users.id),
  },
  // One monthly check a month, and a full stocktake may fall in the same month besides it.
  (t) => [uniqueIndex('inspections_month_kind_uq').on(t.month, t.kind)],
);

export const inspectionItems = sqliteTable(
  'inspection_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => inspections.id),
    boxId: integer('box_id')
      .notNull()
      .references(() => boxes.id),
    /** Shelf order at the start, the order the inspector walks. */
    seq: integer('seq').notNull(),
    present: integer('present', { mode: 'boolean' }),
    complete: integer('complete', { mode: 'boolean' }),
    correctlyFiled: integer('correctly_filed', { mode: 'boolean' }),
    condition: text('condition', { enum: BOX_CONDITIONS }),
    note: text('note').notNull().default(''),
    checkedAt: text('checked_at'),
    checkedBy: integer('checked_by').references(() => users.id),
  },
  (t) => [uniqueIndex('inspection_items_uq').on(t.inspectionId, t.boxId), index('inspection_items_seq_idx').on(t.inspectionId, t.seq)],
);

/** A finding of an inspection, followed up by its owner until closed. */
export const followUps = sqliteTable(
  'follow_ups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => inspections.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => inspectionItems.id),
    boxId: integer('box_id')
      .notNull()
      .references(() => boxes.id),
    findings: text('findings', { mode: 'json' }).$type<string[]>().notNull(),
    note: text('note').notNull().default(''),
    owner: text('owner').notNull(),
    status: text('status', { enum: FOLLOW_UP_STATUSES }).notNull().default('open'),
    createdAt: text('created_at').notNull().default(now),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    closedAt: text('closed_at'),
    closedBy: integer('closed_by').references(() => users.id),
    resolution: text('resolution').notNull().default(''),
  },
  (t) => [index('follow_ups_status_idx').on(t.status, t.id), index('follow_ups_item_idx').on(t.itemId)],
);

/** A room's temperature and relative humidity (§4.5.1), by hand or from a logger's CSV. */
export const roomReadings = sqliteTable(
  'room_readings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roomId: integer('room_id')
      .notNull()
      .references(() => locations.id),
    /** Local time as read: 'YYYY-MM-DD HH:mm'. */
    readAt: text('read_at').notNull(),
    temperature: real('temperature').notNull(),
    humidity: real('humidity').notNull(),
    /** Whether the reading was outside the thresholds in force when it was recorded. */
    outOfRange: integer('out_of_range', { mode: 'boolean' }).notNull(),
    source: text('source', { enum: READING_SOURCES }).notNull(),
    note: text('note').notNull().default(''),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: text('recorded_at').notNull().default(now),
  },
  (t) => [uniqueIndex('room_readings_uq').on(t.roomId, t.readAt)],
);

/** A danger in a room, reported to the manager at once and closed with its follow-up (§4.5.1). */
export const roomIncidents = sqliteTable(
  'room_incidents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roomId: integer('room_id')
      .notNull()
      .references(() => locations.id),
    risk: text('risk', { enum: ROOM_RISKS }).notNull(),
    /** The reading that opened it, for an out-of-range one. */
    readingId: integer('reading_id').references(() => roomReadings.id),
    description: text('description').notNull().default(''),
    status: text('status', { enum: INCIDENT_STATUSES }).notNull().default('open'),
    openedAt: text('opened_at').notNull().default(now),
    openedBy: integer('opened_by')
      .notNull()
      .references(() => users.id),
    closedAt: text('closed_at'),
    closedBy: integer('closed_by').references(() => users.id),
    followUp: text('follow_up').notNull().default(''),
  },
  (t) => [index('room_incidents_status_idx').on(t.status, t.roomId)],
);

export interface Location {
  room: string;
  cabinet: string;
  shelf: string;
  position: string;
}

export type UserRow = typeof users.$inferSelect;
export type OwnerRow = typeof owners.$inferSelect;
export type BoxRow = typeof boxes.$inferSelect;
export type BoxDocumentRow = typeof boxDocuments.$inferSelect;
export type BoxMoveRow = typeof boxMoves.$inferSelect;
export type BoxFormerCodeRow = typeof boxFormerCodes.$inferSelect;
export type LocationRow = typeof locations.$inferSelect;
export type RoomReadingRow = typeof roomReadings.$inferSelect;
export type RoomIncidentRow = typeof roomIncidents.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
export type LoanRow = typeof loans.$inferSelect;
export type IncidentRow = typeof incidents.$inferSelect;
export type LoanCopyRow = typeof loanCopies.$inferSelect;
export type TransferRow = typeof transfers.$inferSelect;
export type HoldRow = typeof holds.$inferSelect;
export type DestructionRow = typeof destructions.$inferSelect;
export type InspectionRow = typeof inspections.$inferSelect;
export type InspectionItemRow = typeof inspectionItems.$inferSelect;
export type FollowUpRow = typeof followUps.$inferSelect;
