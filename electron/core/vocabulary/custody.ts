import { FINDINGS } from '../contract/inspections';
import {
  READING_SOURCES,
  ROOM_RISKS,
  BOX_CONDITIONS,
  INSPECTION_KINDS,
  DESTRUCTION_METHODS,
  DESTRUCTION_STATUSES,
  FOLLOW_UP_STATUSES,
  INSPECTION_STATUSES,
  TRANSFER_STATUSES,
} from '../enums';
import { vocabulary } from './vocabulary';

/** Custody: transfers, destructions, monthly inspections (domain.md §§ Transfer, Monthly inspection, Destruction). A withdrawn request is 已撤销 in every register. */
export const custodyVocabulary = {
  transferStatus: vocabulary(TRANSFER_STATUSES, {
    requested: { 'zh-CN': '待审批', en: 'Awaiting approval' },
    approved: { 'zh-CN': '已批准，待签收', en: 'Approved, awaiting sign-off' },
    rejected: { 'zh-CN': '已驳回', en: 'Rejected' },
    cancelled: { 'zh-CN': '已撤销', en: 'Cancelled' },
    signed: { 'zh-CN': '已签收', en: 'Signed off' },
  }),
  destructionStatus: vocabulary(DESTRUCTION_STATUSES, {
    proposed: { 'zh-CN': '待审批', en: 'Awaiting approval' },
    approved: { 'zh-CN': '已批准，待销毁', en: 'Approved, awaiting destruction' },
    rejected: { 'zh-CN': '已驳回', en: 'Rejected' },
    cancelled: { 'zh-CN': '已撤销', en: 'Cancelled' },
    executed: { 'zh-CN': '已销毁', en: 'Destroyed' },
  }),
  destructionMethod: vocabulary(DESTRUCTION_METHODS, {
    shred: { 'zh-CN': '粉碎', en: 'Shredding' },
    pulp: { 'zh-CN': '化浆', en: 'Pulping' },
    incinerate: { 'zh-CN': '焚毁', en: 'Incineration' },
    other: { 'zh-CN': '其它', en: 'Other' },
  }),
  inspectionKind: vocabulary(INSPECTION_KINDS, {
    monthly: { 'zh-CN': '月度检查', en: 'Monthly check' },
    full: { 'zh-CN': '全面盘点', en: 'Full stocktake' },
  }),
  inspectionStatus: vocabulary(INSPECTION_STATUSES, {
    open: { 'zh-CN': '进行中', en: 'In progress' },
    completed: { 'zh-CN': '已完成', en: 'Completed' },
  }),
  boxCondition: vocabulary(BOX_CONDITIONS, {
    good: { 'zh-CN': '良好', en: 'Good' },
    damaged: { 'zh-CN': '损毁', en: 'Damaged' },
    damp: { 'zh-CN': '受潮', en: 'Damp' },
    pests: { 'zh-CN': '虫蛀', en: 'Pests' },
  }),
  roomRisk: vocabulary(ROOM_RISKS, {
    out_of_range: { 'zh-CN': '温湿度超出范围', en: 'Out of range' },
    fire: { 'zh-CN': '火情', en: 'Fire' },
    leak: { 'zh-CN': '漏水', en: 'Leak' },
    insects: { 'zh-CN': '虫害', en: 'Insects' },
    rodents: { 'zh-CN': '鼠害', en: 'Rodents' },
    theft: { 'zh-CN': '被盗', en: 'Theft' },
  }),
  readingSource: vocabulary(READING_SOURCES, {
    manual: { 'zh-CN': '手工登记', en: 'By hand' },
    logger: { 'zh-CN': '记录仪导入', en: 'Logger CSV' },
  }),
  followUpStatus: vocabulary(FOLLOW_UP_STATUSES, {
    open: { 'zh-CN': '待跟进', en: 'Open' },
    closed: { 'zh-CN': '已关闭', en: 'Closed' },
  }),
  finding: vocabulary(FINDINGS, {
    missing_box: { 'zh-CN': '档案不在架', en: 'Box not on shelf' },
    incomplete: { 'zh-CN': '文件不齐全', en: 'Documents missing' },
    misfiled: { 'zh-CN': '存放错误', en: 'Misfiled' },
    wrong_place: { 'zh-CN': '存放位置错误', en: 'In the wrong place' },
    condition: { 'zh-CN': '保存状况异常', en: 'Condition' },
  }),
};
