import { Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { clientText } from '../../../electron/core/vocabulary';
import { auditFieldLabel, auditObjectText, parseChanges } from '../../../electron/core/vocabulary/audit-changes';
import type { Language } from '../../../electron/core/vocabulary';
import { EMPTY, formatInstant, viewLanguage } from './format';
import { HashText } from './HashText';
import { actionLabel, isWarningAction } from './labels';
import type { AuditTableRow } from './queries';

/** The changed fields' names, e.g. "题名、柜号", so an edit can be told apart without opening it. */
function changedFields(t: TFunction, lang: Language, entry: AuditTableRow): string {
  const changes = parseChanges(entry.changes);
  return changes.kind === 'fields'
    ? changes.lines.map((line) => auditFieldLabel(entry.entity, line.field, lang)).join(t('catalogue:form.listSeparator'))
    : EMPTY;
}

/**
 * Widths are fixed because a virtual table cannot measure its rows; 变更字段 takes what is left,
 * which on a 1366-pixel screen must still be more than nothing.
 */
export function useAuditColumns(): TableColumnsType<AuditTableRow> {
  const { t, i18n } = useTranslation(['audit', 'catalogue', 'app', 'common']);
  return useMemo(
    () => [
      { key: 'seq', title: t('columns.seq'), dataIndex: 'seq', width: 64, align: 'right', render: (seq: number) => <span className="mono">{seq}</span> },
      { key: 'at', title: t('columns.at'), dataIndex: 'at', width: 190, render: (at: string) => <span className="mono">{formatInstant(at)}</span> },
      { key: 'actor', title: t('columns.actor'), dataIndex: 'actorName', width: 100, ellipsis: true },
      { key: 'client', title: t('columns.client'), width: 120, ellipsis: true, render: (_, entry) => clientText(entry, viewLanguage(i18n.language)) },
      {
        key: 'action',
        title: t('columns.action'),
        dataIndex: 'action',
        width: 140,
        render: (action: string) =>
          isWarningAction(action) ? <Typography.Text type="danger">{actionLabel(t, action)}</Typography.Text> : actionLabel(t, action),
      },
      {
        key: 'entity',
        title: t('columns.entity'),
        width: 190,
        ellipsis: true,
        render: (_, entry) => auditObjectText(entry, viewLanguage(i18n.language)),
      },
      {
        key: 'boxCode',
        title: t('columns.boxCode'),
        dataIndex: 'boxCode',
        width: 130,
        render: (code: string | null) => (code ? <span className="mono">{code}</span> : EMPTY),
      },
      { key: 'changes', title: t('columns.changes'), ellipsis: true, render: (_, entry) => changedFields(t, viewLanguage(i18n.language), entry) },
      { key: 'hash', title: t('columns.hash'), dataIndex: 'hash', width: 100, render: (hash: string) => <HashText hash={hash} /> },
    ],
    [t, i18n.language],
  );
}
