import type { TFunction } from 'i18next';
import { refKindOf, type AuditEntity, type AuditRefs } from '../../../electron/core/contract/audit';
import { EMPTY, formatInstant } from './format';

/**
 * The i18n key of each field name an entity's changes may hold, reusing the labels the forms show
 * (catalogue, app) and the audit namespace's own for fields no form has. Unknown fields show as stored.
 */
const COMMON_FIELDS: Record<string, string> = {
  id: 'audit:fields.id',
  boxId: 'audit:fields.boxId',
  loanId: 'lending:fields.loanNo',
  createdBy: 'audit:fields.createdBy',
  createdAt: 'audit:fields.createdAt',
  updatedAt: 'catalogue:fields.updatedAt',
  note: 'catalogue:fields.note',
  status: 'lending:fields.status',
  // The people of each step, named by the account the id points at.
  requestedBy: 'audit:fields.requestedBy',
  requestedAt: 'audit:fields.requestedAt',
  decidedBy: 'audit:fields.decidedBy',
  decidedAt: 'audit:fields.decidedAt',
  cancelledBy: 'audit:fields.cancelledBy',
  cancelledAt: 'audit:fields.cancelledAt',
  closedBy: 'audit:fields.closedBy',
  closedAt: 'audit:fields.closedAt',
  boxCodes: 'custody:common.boxes',
  itemCount: 'custody:common.items',
};

const ENTITY_FIELDS: Partial<Record<AuditEntity, Record<string, string>>> = {
  box: {
    code: 'catalogue:fields.code',
    kind: 'catalogue:fields.kind',
    title: 'catalogue:fields.title',
    ownerId: 'audit:fields.ownerId',
    volume: 'catalogue:fields.volume',
    yearFrom: 'catalogue:fields.yearFrom',
    yearTo: 'catalogue:fields.yearTo',
    room: 'catalogue:fields.room',
    cabinet: 'catalogue:fields.cabinet',
    shelf: 'catalogue:fields.shelf',
    position: 'catalogue:fields.position',
    confidentiality: 'catalogue:fields.confidentiality',
    retentionClass: 'catalogue:fields.retentionClass',
    retentionYears: 'catalogue:fields.retentionYears',
    retentionStart: 'catalogue:fields.retentionStart',
    status: 'catalogue:fields.status',
    reason: 'catalogue:fields.moveReason',
    custodianDepartment: 'custody:holds.custodian',
    transferNo: 'custody:transfer.no',
    registerNo: 'custody:destruction.no',
  },
  transfer: {
    transferNo: 'custody:transfer.no',
    fromDepartment: 'custody:transfer.from',
    toDepartment: 'custody:transfer.to',
    reason: 'custody:transfer.reason',
    personnelMoveDate: 'custody:transfer.moveDate',
    decisionReason: 'custody:common.decisionReason',
    handoverName: 'custody:transfer.handover',
    receiverName: 'custody:transfer.receiver',
    handoverSignature: 'custody:transfer.signature',
    receiverSignature: 'custody:transfer.signature',
    signedAt: 'custody:transfer.signedAt',
    handoverUserId: 'custody:transfer.handover',
    receiverUserId: 'custody:transfer.receiver',
    signedRecordedBy: 'audit:fields.signedRecordedBy',
    remarks: 'audit:fields.remarks',
  },
  incident: {
    kind: 'audit:fields.incidentKind',
    description: 'lending:detail.description',
    responsible: 'lending:detail.responsible',
    followUp: 'lending:detail.followUp',
    missingDocumentIds: 'lending:detail.missingDocuments',
    resolution: 'lending:detail.resolution',
  },
  hold: {
    reason: 'custody:holds.reason',
    liftReason: 'custody:holds.liftReason',
    placedBy: 'audit:fields.placedBy',
    placedAt: 'audit:fields.placedAt',
    liftedBy: 'audit:fields.liftedBy',
    liftedAt: 'audit:fields.liftedAt',
  },
  destruction: {
    registerNo: 'custody:destruction.no',
    reason: 'custody:destruction.reason',
    decisionReason: 'custody:common.decisionReason',
    method: 'custody:destruction.method',
    methodNote: 'custody:destruction.methodNote',
    destroyedOn: 'custody:destruction.destroyedOn',
    executorName: 'custody:destruction.executor',
    supervisor1: 'custody:destruction.supervisor1',
    supervisor2: 'custody:destruction.supervisor2',
    proposedBy: 'custody:destruction.proposedBy',
    proposedAt: 'audit:fields.proposedAt',
    executedBy: 'audit:fields.executedBy',
    executedAt: 'audit:fields.executedAt',
    retentionEnd: 'custody:destruction.retentionEnd',
  },
  inspection: {
    month: 'custody:inspection.month',
    present: 'custody:inspection.present',
    complete: 'custody:inspection.complete_',
    correctlyFiled: 'custody:inspection.correctlyFiled',
    condition: 'custody:inspection.condition',
    note: 'custody:inspection.note',
    inspectionId: 'audit:fields.inspectionId',
    seq: 'custody:inspection.seq',
    startedBy: 'audit:fields.startedBy',
    startedAt: 'audit:fields.startedAt',
    completedBy: 'audit:fields.completedBy',
    completedAt: 'audit:fields.completedAt',
    checkedBy: 'audit:fields.checkedBy',
    checkedAt: 'audit:fields.checkedAt',
    boxes: 'custody:common.boxCount',
  },
  'follow-up': {
    inspectionId: 'audit:fields.inspectionId',
    itemId: 'audit:fields.itemId',
    findings: 'custody:inspection.findings',
    owner: 'custody:inspection.owner',
    resolution: 'custody:inspection.resolution',
  },
  'box-document': {
    boxId: 'audit:fields.boxId',
    docDate: 'catalogue:contents.date',
    title: 'catalogue:contents.docTitle',
    category: 'catalogue:contents.category',
    pages: 'catalogue:contents.pages',
  },
  owner: {
    name: 'catalogue:owners.name',
    unitNo: 'catalogue:fields.unitNo',
    floor: 'catalogue:fields.floor',
    businessType: 'catalogue:owners.businessType',
    contactPerson: 'catalogue:owners.contactPerson',
    phone: 'catalogue:owners.phone',
    leaseStart: 'catalogue:owners.leaseStart',
    moveOutDate: 'catalogue:owners.moveOutDate',
  },
  user: {
    username: 'app:account.username',
    displayName: 'app:account.displayName',
    role: 'app:account.role',
    disabled: 'app:users.disabledLabel',
    mustChangePassword: 'app:users.mustChange',
    lockedUntil: 'audit:fields.lockedUntil',
    clientAddress: 'audit:fields.clientAddress',
    clientName: 'audit:fields.clientName',
    openedAt: 'audit:fields.openedAt',
  },
  loan: {
    loanNo: 'lending:fields.loanNo',
    boxCode: 'lending:fields.boxCode',
    purpose: 'lending:fields.purpose',
    loanType: 'lending:fields.loanType',
    days: 'lending:fields.days',
    copyRequested: 'lending:fields.copyRequested',
    copyAllowed: 'lending:fields.copyAllowed',
    status: 'lending:fields.status',
    dueDate: 'lending:fields.dueDate',
    requestedAt: 'lending:fields.requested',
    decidedAt: 'lending:fields.decided',
    handedOutAt: 'lending:fields.handedOut',
    returnedAt: 'lending:fields.returned',
    returnCondition: 'lending:fields.returnCondition',
    decisionReason: 'lending:fields.decisionReason',
    borrowerUserId: 'lending:fields.account',
    borrowerName: 'lending:fields.borrower',
    borrowerDepartment: 'lending:fields.department',
    borrowerPhone: 'lending:fields.phone',
    handedOutBy: 'audit:fields.handedOutBy',
    receivedBy: 'audit:fields.receivedBy',
    boxStatus: 'audit:fields.boxStatus',
    newDueDate: 'lending:detail.newDueDate',
    reason: 'lending:detail.reason',
    imported: 'lending:detail.paper',
    paperApprover: 'audit:fields.paperApprover',
    paperHandler: 'audit:fields.paperHandler',
    // A 复制/摘抄登记 entry.
    kind: 'lending:copies.kind',
    description: 'lending:copies.description',
    documentIds: 'audit:fields.documentIds',
    documentTitles: 'lending:copies.documents',
    pages: 'lending:copies.pages',
    copies: 'lending:copies.copies',
    madeBy: 'lending:copies.madeBy',
    madeOn: 'lending:copies.madeOn',
  },
  audit_log: {
    format: 'audit:fields.format',
    filters: 'audit:fields.filters',
    rows: 'audit:fields.rows',
  },
  settings: {
    siteName: 'app:setup.siteName',
    codePattern: 'app:settings.codePattern',
    kindPrefixes: 'app:settings.kindPrefixes',
    idleMinutes: 'app:settings.idleMinutes',
  },
};

/** Stored enum values shown with the labels the rest of the app uses: the i18n prefix per field. */
const FIELD_ENUMS: Record<string, string> = {
  kind: 'common:enums.boxKind',
  status: 'common:enums.boxStatus',
  confidentiality: 'common:enums.confidentiality',
  retentionClass: 'common:enums.retentionClass',
  businessType: 'common:enums.businessType',
  role: 'common:enums.role',
  category: 'common:enums.docCategory',
  method: 'common:enums.destructionMethod',
  condition: 'common:enums.boxCondition',
  findings: 'common:enums.finding',
  // An export's filters.
  action: 'common:enums.auditAction',
  entity: 'common:enums.auditEntity',
};

/** A field whose codes depend on the record: a loan's status is not a box's. */
const ENTITY_ENUMS: Partial<Record<AuditEntity, Record<string, string>>> = {
  loan: {
    status: 'common:enums.loanStatus',
    loanType: 'common:enums.loanType',
    returnCondition: 'common:enums.returnCondition',
    boxStatus: 'common:enums.boxStatus',
    kind: 'common:enums.copyKind',
  },
  incident: { kind: 'common:enums.incidentKind', status: 'common:enums.incidentStatus' },
  transfer: { status: 'common:enums.transferStatus' },
  destruction: { status: 'common:enums.destructionStatus' },
  inspection: { status: 'common:enums.inspectionStatus' },
  'follow-up': { status: 'common:enums.followUpStatus' },
};

/** Objects whose keys have labels: settings' kindPrefixes {tenant: 'ZH', …}, an export's filters. */
const KEY_LABELS: Record<string, string> = { kindPrefixes: 'common:enums.boxKind', filters: 'audit:filters' };

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function fieldLabel(t: TFunction, entity: string, field: string): string {
  const key = ENTITY_FIELDS[entity as AuditEntity]?.[field] ?? COMMON_FIELDS[field];
  return key ? t(key) : field;
}

/** A stored value as a person reads it: enum labels, 是/否, local times, names for ids, "—" for nothing. */
export function formatValue(t: TFunction, field: string, value: unknown, entity?: string, refs: AuditRefs = {}): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  const refKind = refKindOf(field);
  if (refKind && typeof value === 'number') return refs[refKind]?.[String(value)] ?? `#${value}`;
  if (typeof value === 'boolean') return t(value ? 'audit:values.yes' : 'audit:values.no');
  if (typeof value === 'string' && INSTANT.test(value)) return formatInstant(value);
  const enumPrefix = ENTITY_ENUMS[entity as AuditEntity]?.[field] ?? FIELD_ENUMS[field];
  if (enumPrefix && typeof value === 'string') return t(`${enumPrefix}.${value}`, { defaultValue: value });
  if (Array.isArray(value)) return value.map((item) => formatValue(t, field, item, entity, refs)).join(t('catalogue:form.listSeparator'));
  if (typeof value === 'object') {
    const keyPrefix = KEY_LABELS[field];
    const entries = Object.entries(value);
    if (entries.length === 0) return EMPTY;
    return entries
      .map(([key, inner]) =>
        t('audit:values.entry', { key: keyPrefix ? t(`${keyPrefix}.${key}`, { defaultValue: key }) : key, value: formatValue(t, key, inner) }),
      )
      .join(t('audit:values.entrySeparator'));
  }
  return String(value);
}
