import type { AuditEntity } from '../contract/audit';
import { VOCABULARIES, type VocabularyName } from './index';
import type { Label, Language } from './vocabulary';

/*
 * The audit log's words for the fields an entry's changes hold (issue #19): one table that the
 * viewer and the export both read. Each label is the one the record's form or register shows
 * (档案编号, 借阅单号, 清册编号…); a field with no form of its own is worded here.
 */

/** Fields many records share; an entity's own table below overrides them. */
const COMMON: Record<string, Label> = {
  boxId: { 'zh-CN': '所属档案', en: 'Box' },
  loanId: { 'zh-CN': '借阅单号', en: 'Loan no.' },
  createdBy: { 'zh-CN': '创建人', en: 'Created by' },
  createdAt: { 'zh-CN': '创建时间', en: 'Created' },
  updatedAt: { 'zh-CN': '最后修改', en: 'Last changed' },
  note: { 'zh-CN': '备注', en: 'Note' },
  status: { 'zh-CN': '状态', en: 'Status' },
  requestedBy: { 'zh-CN': '申请人', en: 'Requested by' },
  requestedAt: { 'zh-CN': '申请时间', en: 'Requested' },
  decidedBy: { 'zh-CN': '审批人', en: 'Decided by' },
  decidedAt: { 'zh-CN': '审批时间', en: 'Decided' },
  cancelledBy: { 'zh-CN': '撤销人', en: 'Cancelled by' },
  cancelledAt: { 'zh-CN': '撤销时间', en: 'Cancelled' },
  closedBy: { 'zh-CN': '关闭人', en: 'Closed by' },
  closedAt: { 'zh-CN': '关闭时间', en: 'Closed' },
  boxCodes: { 'zh-CN': '档案', en: 'Boxes' },
  itemCount: { 'zh-CN': '件数', en: 'Items' },
};

/** Each record's own fields, worded as its form or register says them. */
const ENTITIES: Partial<Record<AuditEntity, Record<string, Label>>> = {
  box: {
    code: { 'zh-CN': '档案编号', en: 'Box code' },
    kind: { 'zh-CN': '类别', en: 'Kind' },
    title: { 'zh-CN': '题名', en: 'Title' },
    ownerId: { 'zh-CN': '租户/客户', en: 'Owner' },
    volume: { 'zh-CN': '卷号', en: 'Volume' },
    yearFrom: { 'zh-CN': '起始年度', en: 'From year' },
    yearTo: { 'zh-CN': '截止年度', en: 'To year' },
    room: { 'zh-CN': '库房', en: 'Room' },
    cabinet: { 'zh-CN': '柜号', en: 'Cabinet' },
    shelf: { 'zh-CN': '层', en: 'Shelf' },
    position: { 'zh-CN': '位', en: 'Position' },
    locationId: { 'zh-CN': '库位编号', en: 'Location id' },
    confidentiality: { 'zh-CN': '密级', en: 'Confidentiality' },
    retentionClass: { 'zh-CN': '保管期限', en: 'Retention' },
    retentionYears: { 'zh-CN': '保管年数', en: 'Years kept' },
    retentionStart: { 'zh-CN': '起算日期', en: 'Counted from' },
    status: { 'zh-CN': '状态', en: 'Status' },
    reason: { 'zh-CN': '移位原因', en: 'Reason for the move' },
    codeReason: { 'zh-CN': '更改档号原因', en: 'Reason for the code change' },
    custodianDepartment: { 'zh-CN': '保管部门', en: 'Held by' },
    transferNo: { 'zh-CN': '移交单号', en: 'Order no.' },
    registerNo: { 'zh-CN': '清册编号', en: 'Register no.' },
  },
  location: {
    kind: { 'zh-CN': '库位类别', en: 'Kind' },
    name: { 'zh-CN': '名称', en: 'Name' },
    path: { 'zh-CN': '库位', en: 'Location' },
    parentId: { 'zh-CN': '上级库位编号', en: 'Parent id' },
    shelves: { 'zh-CN': '层数', en: 'Shelves' },
    positions: { 'zh-CN': '每层位数', en: 'Positions per shelf' },
    names: { 'zh-CN': '名称', en: 'Names' },
    boxes: { 'zh-CN': '档案数', en: 'Boxes' },
    nodes: { 'zh-CN': '库位数', en: 'Locations' },
  },
  'room-reading': {
    roomId: { 'zh-CN': '库房编号', en: 'Room id' },
    readAt: { 'zh-CN': '时间', en: 'Read at' },
    temperature: { 'zh-CN': '温度(°C)', en: 'Temperature (°C)' },
    humidity: { 'zh-CN': '相对湿度(%)', en: 'Humidity (%)' },
    outOfRange: { 'zh-CN': '超出范围', en: 'Out of range' },
    source: { 'zh-CN': '来源', en: 'Source' },
    rows: { 'zh-CN': '行数', en: 'Rows' },
    file: { 'zh-CN': '文件', en: 'File' },
    minTemperature: { 'zh-CN': '最低温度', en: 'Min temperature' },
    maxTemperature: { 'zh-CN': '最高温度', en: 'Max temperature' },
    minHumidity: { 'zh-CN': '最低湿度', en: 'Min humidity' },
    maxHumidity: { 'zh-CN': '最高湿度', en: 'Max humidity' },
  },
  'room-incident': {
    roomId: { 'zh-CN': '库房编号', en: 'Room id' },
    risk: { 'zh-CN': '类别', en: 'Kind' },
    readingId: { 'zh-CN': '温湿度记录编号', en: 'Reading id' },
    description: { 'zh-CN': '情况', en: 'Description' },
    followUp: { 'zh-CN': '处理情况', en: 'Follow-up' },
  },
  transfer: {
    transferNo: { 'zh-CN': '移交单号', en: 'Order no.' },
    fromDepartment: { 'zh-CN': '移出部门', en: 'From department' },
    toDepartment: { 'zh-CN': '接收部门', en: 'To department' },
    reason: { 'zh-CN': '移交原因', en: 'Reason' },
    personnelMoveDate: { 'zh-CN': '人员调动日期', en: 'Staff move date' },
    decisionReason: { 'zh-CN': '审批意见', en: 'Comment' },
    handoverName: { 'zh-CN': '移交人', en: 'Handed over by' },
    receiverName: { 'zh-CN': '接收人', en: 'Received by' },
    handoverSignature: { 'zh-CN': '移交人签名', en: 'Handover signature' },
    receiverSignature: { 'zh-CN': '接收人签名', en: 'Receiver signature' },
    signedAt: { 'zh-CN': '签收时间', en: 'Signed at' },
    handoverUserId: { 'zh-CN': '移交人账户', en: 'Handover account' },
    receiverUserId: { 'zh-CN': '接收人账户', en: 'Receiver account' },
    signedRecordedBy: { 'zh-CN': '签收录入人', en: 'Sign-off recorded by' },
    remarks: { 'zh-CN': '备注', en: 'Remarks' },
  },
  incident: {
    kind: { 'zh-CN': '事件类别', en: 'Incident kind' },
    description: { 'zh-CN': '情况说明', en: 'Description' },
    responsible: { 'zh-CN': '责任人', en: 'Responsible' },
    followUp: { 'zh-CN': '后续处理', en: 'Follow-up' },
    missingDocumentIds: { 'zh-CN': '缺失文件', en: 'Missing documents' },
    resolution: { 'zh-CN': '处理结果', en: 'Resolution' },
  },
  hold: {
    reason: { 'zh-CN': '冻结原因', en: 'Reason' },
    liftReason: { 'zh-CN': '解除原因', en: 'Reason for lifting' },
    placedBy: { 'zh-CN': '冻结人', en: 'Placed by' },
    placedAt: { 'zh-CN': '冻结时间', en: 'Placed' },
    liftedBy: { 'zh-CN': '解除人', en: 'Lifted by' },
    liftedAt: { 'zh-CN': '解除时间', en: 'Lifted' },
  },
  destruction: {
    registerNo: { 'zh-CN': '清册编号', en: 'Register no.' },
    reason: { 'zh-CN': '销毁原因', en: 'Reason' },
    decisionReason: { 'zh-CN': '审批意见', en: 'Comment' },
    method: { 'zh-CN': '销毁方式', en: 'Method' },
    methodNote: { 'zh-CN': '方式说明', en: 'Method details' },
    destroyedOn: { 'zh-CN': '销毁日期', en: 'Destroyed on' },
    executorName: { 'zh-CN': '执行人', en: 'Executed by' },
    supervisor1: { 'zh-CN': '监销人（一）', en: 'Supervisor 1' },
    supervisor2: { 'zh-CN': '监销人（二）', en: 'Supervisor 2' },
    proposedBy: { 'zh-CN': '提出人', en: 'Proposed by' },
    proposedAt: { 'zh-CN': '提出时间', en: 'Proposed' },
    executedBy: { 'zh-CN': '执行记录人', en: 'Recorded by' },
    executedAt: { 'zh-CN': '执行时间', en: 'Carried out' },
    retentionEnd: { 'zh-CN': '期满日期', en: 'Retention ended' },
  },
  inspection: {
    month: { 'zh-CN': '月份', en: 'Month' },
    kind: { 'zh-CN': '检查类别', en: 'Kind' },
    present: { 'zh-CN': '在架', en: 'Present' },
    complete: { 'zh-CN': '齐全', en: 'Complete' },
    correctlyFiled: { 'zh-CN': '存放正确', en: 'Filed right' },
    condition: { 'zh-CN': '状况', en: 'Condition' },
    note: { 'zh-CN': '情况说明', en: 'Note' },
    inspectionId: { 'zh-CN': '所属检查', en: 'Inspection' },
    seq: { 'zh-CN': '序号', en: 'No.' },
    startedBy: { 'zh-CN': '发起人', en: 'Started by' },
    startedAt: { 'zh-CN': '开始时间', en: 'Started' },
    completedBy: { 'zh-CN': '完成人', en: 'Completed by' },
    completedAt: { 'zh-CN': '完成时间', en: 'Completed' },
    checkedBy: { 'zh-CN': '检查人', en: 'Checked by' },
    checkedAt: { 'zh-CN': '检查时间', en: 'Checked' },
    boxes: { 'zh-CN': '盒数', en: 'Boxes' },
    byCabinet: { 'zh-CN': '按档案柜分段', en: 'By cabinet' },
    cabinetId: { 'zh-CN': '档案柜', en: 'Cabinet' },
    cabinet: { 'zh-CN': '档案柜', en: 'Cabinet' },
    foundInId: { 'zh-CN': '实际发现位置', en: 'Found in' },
  },
  'follow-up': {
    inspectionId: { 'zh-CN': '所属检查', en: 'Inspection' },
    itemId: { 'zh-CN': '检查项', en: 'Inspection item' },
    findings: { 'zh-CN': '检查发现', en: 'Findings' },
    owner: { 'zh-CN': '责任人', en: 'Owner' },
    resolution: { 'zh-CN': '处理结果', en: 'Resolution' },
  },
  'box-document': {
    boxId: { 'zh-CN': '所属档案', en: 'Box' },
    docDate: { 'zh-CN': '日期', en: 'Date' },
    title: { 'zh-CN': '题名', en: 'Title' },
    category: { 'zh-CN': '类别', en: 'Category' },
    pages: { 'zh-CN': '页数', en: 'Pages' },
  },
  owner: {
    name: { 'zh-CN': '名称', en: 'Name' },
    unitNo: { 'zh-CN': '铺位号', en: 'Unit' },
    floor: { 'zh-CN': '楼层', en: 'Floor' },
    businessType: { 'zh-CN': '业态', en: 'Business type' },
    contactPerson: { 'zh-CN': '联系人', en: 'Contact person' },
    phone: { 'zh-CN': '联系电话', en: 'Phone' },
    leaseStart: { 'zh-CN': '租赁开始', en: 'Lease start' },
    moveOutDate: { 'zh-CN': '退租日期', en: 'Move-out date' },
  },
  user: {
    username: { 'zh-CN': '用户名', en: 'User name' },
    displayName: { 'zh-CN': '姓名', en: 'Name' },
    role: { 'zh-CN': '角色', en: 'Role' },
    disabled: { 'zh-CN': '已停用', en: 'Disabled' },
    mustChangePassword: { 'zh-CN': '待改密码', en: 'Must change password' },
    lockedUntil: { 'zh-CN': '锁定至', en: 'Locked until' },
    clientAddress: { 'zh-CN': '终端地址', en: 'Desk address' },
    clientName: { 'zh-CN': '终端名称', en: 'Desk name' },
    openedAt: { 'zh-CN': '登录时间', en: 'Signed in at' },
  },
  loan: {
    loanNo: { 'zh-CN': '借阅单号', en: 'Loan no.' },
    boxCode: { 'zh-CN': '档案编号', en: 'Box code' },
    purpose: { 'zh-CN': '借阅目的', en: 'Purpose' },
    loanType: { 'zh-CN': '类型', en: 'Type' },
    days: { 'zh-CN': '借阅天数', en: 'Days' },
    copyRequested: { 'zh-CN': '申请摘抄/复制', en: 'Asks to excerpt/copy' },
    copyAllowed: { 'zh-CN': '摘抄/复制', en: 'Excerpt/copy' },
    status: { 'zh-CN': '状态', en: 'Status' },
    dueDate: { 'zh-CN': '应还日期', en: 'Due' },
    requestedAt: { 'zh-CN': '申请', en: 'Requested' },
    decidedAt: { 'zh-CN': '审批', en: 'Decided' },
    handedOutAt: { 'zh-CN': '借出', en: 'Handed out' },
    returnedAt: { 'zh-CN': '归还', en: 'Returned' },
    returnCondition: { 'zh-CN': '归还状况', en: 'Condition on return' },
    decisionReason: { 'zh-CN': '审批意见', en: 'Decision note' },
    borrowerUserId: { 'zh-CN': '借阅账户', en: 'Account' },
    borrowerName: { 'zh-CN': '借阅人', en: 'Borrower' },
    borrowerDepartment: { 'zh-CN': '部门', en: 'Department' },
    borrowerPhone: { 'zh-CN': '电话', en: 'Phone' },
    handedOutBy: { 'zh-CN': '经办人', en: 'Handed out by' },
    receivedBy: { 'zh-CN': '验收人', en: 'Received by' },
    boxStatus: { 'zh-CN': '档案状态', en: 'Box status' },
    newDueDate: { 'zh-CN': '新应还日期', en: 'New due date' },
    reason: { 'zh-CN': '理由', en: 'Reason' },
    imported: { 'zh-CN': '纸质登记', en: 'Paper register' },
    paperApprover: { 'zh-CN': '批准人（纸质登记）', en: 'Approver (paper register)' },
    paperHandler: { 'zh-CN': '经办人（纸质登记）', en: 'Handler (paper register)' },
    kind: { 'zh-CN': '方式', en: 'Kind' },
    description: { 'zh-CN': '复制/摘抄内容', en: 'What was copied' },
    documentIds: { 'zh-CN': '涉及的卷内文件', en: 'Documents' },
    documentTitles: { 'zh-CN': '涉及的卷内文件', en: 'Documents' },
    pages: { 'zh-CN': '页数', en: 'Pages' },
    copies: { 'zh-CN': '份数', en: 'Copies' },
    madeBy: { 'zh-CN': '复制/摘抄人', en: 'Made by' },
    madeOn: { 'zh-CN': '日期', en: 'Date' },
    form: { 'zh-CN': '表单', en: 'Form' },
    formNo: { 'zh-CN': '通知单编号', en: 'Notice no.' },
    borrower: { 'zh-CN': '借阅人', en: 'Borrower' },
    daysOverdue: { 'zh-CN': '逾期天数', en: 'Days overdue' },
  },
  audit_log: {
    format: { 'zh-CN': '文件格式', en: 'File format' },
    filters: { 'zh-CN': '筛选条件', en: 'Filters' },
    rows: { 'zh-CN': '导出条数', en: 'Rows exported' },
  },
  settings: {
    siteName: { 'zh-CN': '站点名称', en: 'Site name' },
    codePattern: { 'zh-CN': '编号规则', en: 'Pattern' },
    kindPrefixes: { 'zh-CN': '各类档案的前缀', en: 'Prefix per box kind' },
    idleMinutes: { 'zh-CN': '闲置自动锁定', en: 'Lock when idle' },
    updateFrom: { 'zh-CN': '软件更新来源', en: 'Updates from' },
    deskPhone: { 'zh-CN': '值班电话', en: 'Desk phone' },
  },
};

/** The export's filters, as the audit viewer's filter bar calls them. */
const FILTERS: Record<string, Label> = {
  actorId: { 'zh-CN': '操作人', en: 'User' },
  entity: { 'zh-CN': '对象类型', en: 'Object type' },
  action: { 'zh-CN': '操作', en: 'Action' },
  boxCode: { 'zh-CN': '档案编号', en: 'Box code' },
  from: { 'zh-CN': '开始日期', en: 'From' },
  to: { 'zh-CN': '结束日期', en: 'To' },
};

/** Stored codes, worded by the vocabulary: the list each field's values come from. */
const FIELD_VOCABULARY: Record<string, VocabularyName> = {
  kind: 'boxKind',
  status: 'boxStatus',
  confidentiality: 'confidentiality',
  retentionClass: 'retentionClass',
  businessType: 'businessType',
  role: 'role',
  category: 'docCategory',
  method: 'destructionMethod',
  condition: 'boxCondition',
  findings: 'finding',
  // An export's filters.
  action: 'auditAction',
  entity: 'auditEntity',
};

/** A field whose codes depend on the record: a loan's status is not a box's. */
const ENTITY_VOCABULARY: Partial<Record<AuditEntity, Record<string, VocabularyName>>> = {
  loan: { status: 'loanStatus', loanType: 'loanType', returnCondition: 'returnCondition', boxStatus: 'boxStatus', kind: 'copyKind' },
  incident: { kind: 'incidentKind', status: 'incidentStatus' },
  transfer: { status: 'transferStatus' },
  destruction: { status: 'destructionStatus' },
  inspection: { status: 'inspectionStatus', kind: 'inspectionKind' },
  'follow-up': { status: 'followUpStatus' },
};

/** Objects whose keys are codes or fields of their own: settings' kindPrefixes {tenant: 'ZH'}, an export's filters. */
const KEY_LABELS: Record<string, (key: string, lang: Language) => string | undefined> = {
  kindPrefixes: (key, lang) => codeLabel('boxKind', key, lang),
  filters: (key, lang) => FILTERS[key]?.[lang],
};

function codeLabel(name: VocabularyName, code: string, lang: Language): string | undefined {
  const labels: Record<string, Label> = VOCABULARIES[name].labels;
  return labels[code]?.[lang];
}

/** The field's label, or undefined when neither the entity's table nor the common one has it. */
export function fieldLabelOf(entity: string, field: string, lang: Language): string | undefined {
  return (ENTITIES[entity as AuditEntity]?.[field] ?? COMMON[field])?.[lang];
}

/** A stored code's label by the list the field takes its values from; undefined when it takes none or the code is unknown. */
export function codeLabelOf(entity: string | undefined, field: string, code: string, lang: Language): string | undefined {
  const name = ENTITY_VOCABULARY[entity as AuditEntity]?.[field] ?? FIELD_VOCABULARY[field];
  return name ? codeLabel(name, code, lang) : undefined;
}

export const keyLabelOf = (field: string, key: string, lang: Language): string | undefined => KEY_LABELS[field]?.(key, lang);
