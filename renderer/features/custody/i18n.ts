/** Namespace `custody`: transfers 移交, holds 冻结, retention and destruction 销毁, monthly inspection 检查. */
export const custody = {
  'zh-CN': {
    transferStatus: { requested: '待审批', approved: '已批准，待签收', rejected: '已驳回', cancelled: '已取消', signed: '已签收' },
    destructionStatus: { proposed: '待审批', approved: '已批准，待销毁', rejected: '已驳回', cancelled: '已撤回', executed: '已销毁' },
  },
  en: {
    transferStatus: { requested: 'Awaiting approval', approved: 'Approved, awaiting sign-off', rejected: 'Rejected', cancelled: 'Cancelled', signed: 'Signed off' },
    destructionStatus: { proposed: 'Awaiting approval', approved: 'Approved, awaiting destruction', rejected: 'Rejected', cancelled: 'Withdrawn', executed: 'Destroyed' },
  },
};
