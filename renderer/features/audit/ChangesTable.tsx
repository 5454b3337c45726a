import { Empty, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditRefs } from '../../../electron/core/contract/audit';
import type { AuditRow } from '../../../electron/core/rows';
import { auditFieldLabel, auditValueText, parseChanges, type ChangeLine } from '../../../electron/core/vocabulary/audit-changes';
import { viewLanguage } from './format';

/**
 * An entry's changes as a table: field, before, after. An edit lists only what changed, so both
 * sides are marked; a creation or removal lists the whole record with one side empty.
 */
export function ChangesTable({ entry }: { entry: Pick<AuditRow, 'entity' | 'changes'> & { refs?: AuditRefs } }) {
  const { t, i18n } = useTranslation('audit');
  const lang = viewLanguage(i18n.language);
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
    <span className={edited ? `audit-diff-${side}` : undefined}>{auditValueText(line.field, line[side], lang, entry.entity, entry.refs)}</span>
  );
  const columns: TableColumnsType<ChangeLine> = [
    { key: 'field', title: t('detail.field'), width: 140, render: (_, line) => auditFieldLabel(entry.entity, line.field, lang) },
    { key: 'before', title: t('detail.before'), render: cell('before') },
    { key: 'after', title: t('detail.after'), render: cell('after') },
  ];
  return <Table<ChangeLine> className="audit-changes" size="small" bordered rowKey="field" columns={columns} dataSource={changes.lines} pagination={false} />;
}
