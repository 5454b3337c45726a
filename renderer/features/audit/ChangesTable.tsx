import { Empty, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditRefs } from '../../../electron/core/contract/audit';
import type { AuditRow } from '../../../electron/core/rows';
import { parseChanges, type ChangeLine } from './changes';
import { fieldLabel, formatValue } from './fieldLabels';

/**
 * An entry's changes as a table: field, before, after. An edit lists only what changed, so both
 * sides are marked; a creation or removal lists the whole record with one side empty.
 */
export function ChangesTable({ entry }: { entry: Pick<AuditRow, 'entity' | 'changes'> & { refs?: AuditRefs } }) {
  const { t } = useTranslation(['audit', 'catalogue', 'app', 'common', 'lending']);
  const changes = parseChanges(entry.changes);

  if (changes.kind === 'none') return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noChanges')} />;
  if (changes.kind === 'unreadable')
    return (
      <>
        <Typography.Paragraph type="warning">{t('detail.unreadable')}</Typography.Paragraph>
        <pre className="mono audit-raw">{changes.raw}</pre>
      </>
    );

  const edited = changes.kind === 'fields';
  const cell = (side: 'before' | 'after') => (_: unknown, line: ChangeLine) => (
    <span className={edited ? `audit-diff-${side}` : undefined}>{formatValue(t, line.field, line[side], entry.entity, entry.refs)}</span>
  );
  const columns: TableColumnsType<ChangeLine> = [
    { key: 'field', title: t('detail.field'), width: 140, render: (_, line) => fieldLabel(t, entry.entity, line.field) },
    { key: 'before', title: t('detail.before'), render: cell('before') },
    { key: 'after', title: t('detail.after'), render: cell('after') },
  ];
  return <Table<ChangeLine> className="audit-changes" size="small" bordered rowKey="field" columns={columns} dataSource={changes.lines} pagination={false} />;
}
