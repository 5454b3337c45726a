import { COPY_KINDS, INCIDENT_KINDS, INCIDENT_STATUSES, LOAN_STATUSES, LOAN_TYPES, RENEWAL_STATUSES, RETURN_CONDITIONS } from '../enums';
import { vocabulary } from './vocabulary';

/** Lending (domain.md § Lending): damage and loss are 损毁 and 文件缺失 as §4.5.3 says 损毁、丢失. */
export const lendingVocabulary = {
  loanType: vocabulary(LOAN_TYPES, {
    short: { 'zh-CN': '短期', en: 'Short' },
    long: { 'zh-CN': '长期', en: 'Long' },
  }),
  loanStatus: vocabulary(LOAN_STATUSES, {
    requested: { 'zh-CN': '待审批', en: 'Awaiting approval' },
    approved: { 'zh-CN': '已批准', en: 'Approved' },
    rejected: { 'zh-CN': '已驳回', en: 'Rejected' },
    out: { 'zh-CN': '借出中', en: 'Out' },
    returned: { 'zh-CN': '已归还', en: 'Returned' },
    cancelled: { 'zh-CN': '已撤销', en: 'Cancelled' },
  }),
  returnCondition: vocabulary(RETURN_CONDITIONS, {
    intact: { 'zh-CN': '完好', en: 'Intact' },
    damaged: { 'zh-CN': '损毁', en: 'Damaged' },
    documents_missing: { 'zh-CN': '文件缺失', en: 'Documents missing' },
  }),
  renewalStatus: vocabulary(RENEWAL_STATUSES, {
    requested: { 'zh-CN': '待审批', en: 'Awaiting approval' },
    approved: { 'zh-CN': '已批准', en: 'Approved' },
    rejected: { 'zh-CN': '已驳回', en: 'Rejected' },
  }),
  incidentKind: vocabulary(INCIDENT_KINDS, {
    damaged: { 'zh-CN': '损毁', en: 'Damaged' },
    documents_missing: { 'zh-CN': '文件缺失', en: 'Documents missing' },
  }),
  copyKind: vocabulary(COPY_KINDS, {
    copy: { 'zh-CN': '复制', en: 'Copy' },
    excerpt: { 'zh-CN': '摘抄', en: 'Excerpt' },
  }),
  incidentStatus: vocabulary(INCIDENT_STATUSES, {
    open: { 'zh-CN': '未结', en: 'Open' },
    closed: { 'zh-CN': '已结案', en: 'Closed' },
  }),
};
