import i18next from 'i18next';
import { parseChanges } from '../../renderer/features/audit/changes';
import { fieldLabel, formatValue } from '../../renderer/features/audit/fieldLabels';

const t = i18next.t;

describe('audit changes', () => {
  it('reads the shapes the services write', () => {
    expect(parseChanges(JSON.stringify({ title: ['旧题名', '新题名'], cabinet: ['A01', 'B07'] }))).toEqual({
      kind: 'fields',
      lines: [
        { field: 'title', before: '旧题名', after: '新题名' },
        { field: 'cabinet', before: 'A01', after: 'B07' },
      ],
    });
    expect(parseChanges(JSON.stringify({ before: null, after: { id: 3, name: '万达影城' } }))).toEqual({
      kind: 'record',
      lines: [
        { field: 'id', before: null, after: 3 },
        { field: 'name', before: null, after: '万达影城' },
      ],
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
    expect(fieldLabel(t, 'box', 'cabinet')).toBe('柜号');
    expect(fieldLabel(t, 'box-document', 'title')).toBe('题名');
    expect(fieldLabel(t, 'owner', 'businessType')).toBe('业态');
    expect(fieldLabel(t, 'user', 'role')).toBe('角色');
    expect(fieldLabel(t, 'settings', 'idleMinutes')).toBe('闲置自动锁定');
    expect(fieldLabel(t, 'box', 'somethingNew')).toBe('somethingNew');

    expect(formatValue(t, 'kind', 'tenant')).toBe('租户档案');
    expect(formatValue(t, 'role', 'custodian')).toBe('档案管理员');
    expect(formatValue(t, 'disabled', true)).toBe('是');
    // Issue #19: a loan's fields and status in the lending desk's words, not as stored.
    expect(fieldLabel(t, 'loan', 'handedOutAt')).toBe('借出');
    expect(formatValue(t, 'status', 'out', 'loan')).toBe('借出中');
    expect(formatValue(t, 'status', 'on_loan', 'box')).toBe('借出');
    expect(formatValue(t, 'status', 'cancelled', 'transfer')).toBe('已撤销');
    expect(formatValue(t, 'note', '')).toBe('—');
    expect(formatValue(t, 'kindPrefixes', { tenant: 'ZH', customer: 'KH' })).toBe('租户档案：ZH；客户档案：KH');
    expect(formatValue(t, 'filters', { action: 'login-failed', boxCode: 'ZH-2026-0001' })).toBe('操作：登录失败；档案编号：ZH-2026-0001');
  });
});
