import { auditFieldLabel, auditValueText, parseChanges } from '../../electron/core/vocabulary/audit-changes';

describe('audit changes', () => {
  it('reads the shapes the services write', () => {
    expect(parseChanges(JSON.stringify({ title: ['旧题名', '新题名'], cabinet: ['A01', 'B07'] }))).toEqual({
      kind: 'fields',
      lines: [
        { field: 'title', before: '旧题名', after: '新题名' },
        { field: 'cabinet', before: 'A01', after: 'B07' },
      ],
    });
    // A created record's own id is left out: the 对象 column names the record.
    expect(parseChanges(JSON.stringify({ before: null, after: { id: 3, name: '万达影城' } }))).toEqual({
      kind: 'record',
      lines: [{ field: 'name', before: null, after: '万达影城' }],
    });
    expect(parseChanges(JSON.stringify({ before: { pages: 2 }, after: null }))).toMatchObject({
      kind: 'record',
      lines: [{ field: 'pages', before: 2, after: null }],
    });
    expect(parseChanges(JSON.stringify({ before: null, after: null }))).toEqual({ kind: 'none' });
    expect(parseChanges('{}')).toEqual({ kind: 'none' });
    expect(parseChanges('not json')).toEqual({ kind: 'unreadable', raw: 'not json' });
    expect(parseChanges(JSON.stringify({ title: 'no pair' }))).toMatchObject({ kind: 'unreadable' });
  });

  it('names fields with the forms’ labels and shows values as people read them', () => {
    expect(auditFieldLabel('box', 'cabinet', 'zh-CN')).toBe('柜号');
    expect(auditFieldLabel('box-document', 'title', 'zh-CN')).toBe('题名');
    expect(auditFieldLabel('owner', 'businessType', 'zh-CN')).toBe('业态');
    expect(auditFieldLabel('user', 'role', 'zh-CN')).toBe('角色');
    expect(auditFieldLabel('settings', 'idleMinutes', 'zh-CN')).toBe('闲置自动锁定');
    expect(auditFieldLabel('box', 'somethingNew', 'zh-CN')).toBe('somethingNew');

    expect(auditValueText('kind', 'tenant', 'zh-CN')).toBe('租户档案');
    expect(auditValueText('role', 'custodian', 'zh-CN')).toBe('档案管理员');
    expect(auditValueText('disabled', true, 'zh-CN')).toBe('是');
    // Issue #19: a loan's fields and status in the lending desk's words, not as stored.
    expect(auditFieldLabel('loan', 'handedOutAt', 'zh-CN')).toBe('借出');
    expect(auditValueText('status', 'out', 'zh-CN', 'loan')).toBe('借出中');
    expect(auditValueText('status', 'on_loan', 'zh-CN', 'box')).toBe('借出');
    expect(auditValueText('status', 'cancelled', 'zh-CN', 'transfer')).toBe('已撤销');
    expect(auditValueText('note', '', 'zh-CN')).toBe('—');
    expect(auditValueText('missingDocumentIds', [], 'zh-CN', 'incident')).toBe('—');
    // Both sides of a sign-off, told apart.
    expect(auditFieldLabel('transfer', 'handoverSignature', 'zh-CN')).not.toBe(auditFieldLabel('transfer', 'receiverSignature', 'zh-CN'));
    expect(auditFieldLabel('transfer', 'handoverUserId', 'zh-CN')).not.toBe(auditFieldLabel('transfer', 'handoverName', 'zh-CN'));
    expect(auditValueText('kindPrefixes', { tenant: 'ZH', customer: 'KH' }, 'zh-CN')).toBe('租户档案：ZH；客户档案：KH');
    expect(auditValueText('filters', { action: 'login-failed', boxCode: 'ZH-2026-0001' }, 'zh-CN')).toBe('操作：登录失败；档案编号：ZH-2026-0001');
  });
});
