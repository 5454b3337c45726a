import { LABEL_SIZES, LOCATION_KINDS, BOX_KINDS, BOX_STATUSES, BUSINESS_TYPES, CONFIDENTIALITY, DOC_CATEGORIES, RETENTION_CLASSES, ROLES } from '../enums';
import { vocabulary } from './vocabulary';

/** People and boxes: roles, owners' business types, a box's kind, status, confidentiality, retention and the tenant checklist (domain.md § What is kept, § Retention). */
export const catalogueVocabulary = {
  role: vocabulary(ROLES, {
    clerk: { 'zh-CN': '前台文员', en: 'Front-desk clerk' },
    custodian: { 'zh-CN': '档案管理员', en: 'Archive custodian' },
    manager: { 'zh-CN': '部门经理', en: 'Department manager' },
    auditor: { 'zh-CN': '审计', en: 'Auditor' },
    admin: { 'zh-CN': '系统管理员', en: 'Administrator' },
  }),
  businessType: vocabulary(BUSINESS_TYPES, {
    catering: { 'zh-CN': '餐饮', en: 'Catering' },
    non_catering: { 'zh-CN': '非餐饮', en: 'Non-catering' },
  }),
  boxKind: vocabulary(BOX_KINDS, {
    tenant: { 'zh-CN': '租户档案', en: 'Tenant file' },
    customer: { 'zh-CN': '客户档案', en: 'Customer file' },
    personnel: { 'zh-CN': '人事档案', en: 'Personnel file' },
    work_log: { 'zh-CN': '工作日志', en: 'Work log' },
    letters: { 'zh-CN': '对外发函/通知', en: 'Letters & notices' },
    other: { 'zh-CN': '其它', en: 'Other' },
  }),
  boxStatus: vocabulary(BOX_STATUSES, {
    in_stock: { 'zh-CN': '在库', en: 'In stock' },
    on_loan: { 'zh-CN': '借出', en: 'On loan' },
    transferred: { 'zh-CN': '已移交', en: 'Transferred' },
    pending_destruction: { 'zh-CN': '待销毁', en: 'Pending destruction' },
    destroyed: { 'zh-CN': '已销毁', en: 'Destroyed' },
    missing: { 'zh-CN': '丢失', en: 'Missing' },
  }),
  locationKind: vocabulary(LOCATION_KINDS, {
    room: { 'zh-CN': '库房', en: 'Room' },
    cabinet: { 'zh-CN': '档案柜', en: 'Cabinet' },
    shelf: { 'zh-CN': '层', en: 'Shelf' },
    position: { 'zh-CN': '位', en: 'Position' },
  }),
  confidentiality: vocabulary(CONFIDENTIALITY, {
    public: { 'zh-CN': '公开', en: 'Public' },
    internal: { 'zh-CN': '内部', en: 'Internal' },
    secret: { 'zh-CN': '秘密', en: 'Secret' },
    confidential: { 'zh-CN': '机密', en: 'Confidential' },
  }),
  retentionClass: vocabulary(RETENTION_CLASSES, {
    permanent: { 'zh-CN': '永久', en: 'Permanent' },
    y30: { 'zh-CN': '定期30年', en: '30 years' },
    y10: { 'zh-CN': '定期10年', en: '10 years' },
    custom: { 'zh-CN': '自定义', en: 'Custom' },
  }),
  docCategory: vocabulary(DOC_CATEGORIES, {
    a: { 'zh-CN': 'a 租户基本情况记录表', en: 'a Basic information sheet' },
    b: { 'zh-CN': 'b 消防验收单、消防责任书', en: 'b Fire acceptance & fire-safety pledge' },
    c: { 'zh-CN': 'c 装修资料、装修竣工验收记录', en: 'c Decoration files & completion acceptance' },
    d: { 'zh-CN': 'd 巡场记录表、整改通知', en: 'd Patrol records & rectification notices' },
    e: { 'zh-CN': 'e 油烟管道/四害消杀合同备案、油烟管道清洁记录', en: 'e Duct / pest-control contracts & duct cleaning records' },
    f: { 'zh-CN': 'f 工作联系函', en: 'f Work-contact letters' },
    g: { 'zh-CN': 'g 其它', en: 'g Other' },
  }),
  labelSize: vocabulary(LABEL_SIZES, {
    sheet: { 'zh-CN': 'A4 标签纸（每张 12 枚）', en: 'A4 sheet (12 a page)' },
    roll_40x30: { 'zh-CN': '40×30 毫米卷筒标签', en: '40 × 30 mm roll label' },
    roll_60x40: { 'zh-CN': '60×40 毫米卷筒标签', en: '60 × 40 mm roll label' },
    spine: { 'zh-CN': '盒脊标签', en: 'Box spine label' },
    cover: { 'zh-CN': '档案盒封面', en: 'Box cover' },
  }),
};
