/**
 * Namespace `audit`: the audit-log viewer. Field names come from the catalogue and app namespaces
 * where they have them (see fieldLabels.ts); `fields` holds the rest. Actions and entities are
 * `common:enums.auditAction` / `auditEntity`, from core's vocabulary.
 */
export const audit = {
  'zh-CN': {
    title: '审计日志',
    columns: { seq: '序号', at: '时间', actor: '操作人', action: '操作', entity: '对象', boxCode: '档案编号', changes: '变更字段', hash: '哈希' },
    filters: { actorId: '操作人', entity: '对象类型', action: '操作', boxCode: '档案编号', dates: '日期范围', from: '开始日期', to: '结束日期', today: '今天', lastWeek: '最近 7 天', thisMonth: '本月', clear: '清除筛选' },
    fields: {
      id: '记录 ID',
      boxId: '所属档案 ID',
      ownerId: '租户/客户 ID',
      createdBy: '创建人 ID',
      createdAt: '创建时间',
      lockedUntil: '锁定至',
      format: '文件格式',
      filters: '筛选条件',
      rows: '导出条数',
    },
    values: { yes: '是', no: '否', entry: '{{key}}：{{value}}', entrySeparator: '；' },
    verify: {
      action: '校验完整性',
      intact: '审计链完整，共 {{count}} 条记录，链头 {{head}}',
      intactHint: '每条记录的哈希值都与内容相符，且逐条相连，未发现删改。',
      broken: '审计链在第 {{seq}} 条记录处断开',
      reasons: {
        hash: '该条记录的内容与其哈希值不符：记录在写入后被改动过。',
        link: '该条记录与前一条记录的哈希链接不符：其前面的记录被删除、替换或改动过。',
        sequence: '记录序号不连续：有记录被删除或插入。',
      },
    },
    export: { csv: '导出 CSV', xlsx: '导出 Excel', done: '已导出：{{fileName}}', hint: '按当前筛选条件导出' },
    list: { empty: '没有符合条件的审计记录' },
    detail: {
      title: '第 {{seq}} 条记录',
      hash: '本条哈希',
      prevHash: '前一条哈希',
      changes: '变更内容',
      field: '字段',
      before: '修改前',
      after: '修改后',
      noChanges: '此操作不记录字段内容',
      unreadable: '变更内容无法解析，原文如下：',
    },
  },
  en: {
    title: 'Audit log',
    columns: { seq: 'No.', at: 'Time', actor: 'User', action: 'Action', entity: 'Object', boxCode: 'Box code', changes: 'Changed fields', hash: 'Hash' },
    filters: { actorId: 'User', entity: 'Object type', action: 'Action', boxCode: 'Box code', dates: 'Date range', from: 'From', to: 'To', today: 'Today', lastWeek: 'Last 7 days', thisMonth: 'This month', clear: 'Clear filters' },
    fields: {
      id: 'Record ID',
      boxId: 'Box ID',
      ownerId: 'Owner ID',
      createdBy: 'Created by (ID)',
      createdAt: 'Created',
      lockedUntil: 'Locked until',
      format: 'File format',
      filters: 'Filters',
      rows: 'Rows exported',
    },
    values: { yes: 'Yes', no: 'No', entry: '{{key}}: {{value}}', entrySeparator: '; ' },
    verify: {
      action: 'Verify integrity',
      intact: 'The audit chain is intact: {{count}} entries, head {{head}}',
      intactHint: 'Every entry matches its hash and links to the one before; nothing was altered or removed.',
      broken: 'The audit chain breaks at entry {{seq}}',
      reasons: {
        hash: 'The entry does not match its hash: it was altered after it was written.',
        link: 'The entry does not link to the one before: an earlier entry was removed, replaced or altered.',
        sequence: 'The sequence numbers have a gap: entries were removed or inserted.',
      },
    },
    export: { csv: 'Export CSV', xlsx: 'Export Excel', done: 'Exported: {{fileName}}', hint: 'Exports what the filters select' },
    list: { empty: 'No audit entries match' },
    detail: {
      title: 'Entry {{seq}}',
      hash: 'Hash',
      prevHash: 'Previous hash',
      changes: 'Changes',
      field: 'Field',
      before: 'Before',
      after: 'After',
      noChanges: 'This action records no field values',
      unreadable: 'The changes could not be read; as stored:',
    },
  },
};
