import { Descriptions, Drawer, Typography, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditListRow } from '../../../electron/core/contract/audit';
import { clientText } from '../../../electron/core/vocabulary';
import { ChangesTable } from './ChangesTable';
import { auditObjectText } from '../../../electron/core/vocabulary/audit-changes';
import { EMPTY, formatInstant, viewLanguage } from './format';
import { actionLabel } from './labels';

/** One entry in full: who did what to which object, its place in the hash chain, and its changes. */
export function AuditEntryDrawer({ entry, onClose }: { entry: AuditListRow | null; onClose: () => void }) {
  const { t, i18n } = useTranslation('audit');
  const items: DescriptionsProps['items'] = entry
    ? [
        { key: 'at', label: t('columns.at'), children: formatInstant(entry.at) },
        { key: 'actor', label: t('columns.actor'), children: entry.actorName },
        { key: 'client', label: t('columns.client'), children: clientText(entry, viewLanguage(i18n.language)) },
        { key: 'action', label: t('columns.action'), children: actionLabel(t, entry.action) },
        { key: 'entity', label: t('columns.entity'), children: auditObjectText(entry, viewLanguage(i18n.language)) },
        { key: 'boxCode', label: t('columns.boxCode'), children: entry.boxCode ? <span className="mono">{entry.boxCode}</span> : EMPTY },
        {
          key: 'hash',
          label: t('detail.hash'),
          children: (
            <Typography.Text className="mono audit-hash-full" copyable>
              {entry.hash}
            </Typography.Text>
          ),
        },
        { key: 'prevHash', label: t('detail.prevHash'), children: <span className="mono audit-hash-full">{entry.prevHash}</span> },
      ]
    : [];
  return (
    <Drawer
      open={entry !== null}
      onClose={onClose}
      size={640}
      title={entry && `${t('detail.title', { seq: entry.seq })} · ${actionLabel(t, entry.action)}`}
      destroyOnHidden
    >
      {entry && (
        <>
          <Descriptions size="small" column={1} bordered items={items} className="audit-entry-info" />
          <Typography.Title level={5} className="audit-changes-title">
            {t('detail.changes')}
          </Typography.Title>
          <ChangesTable entry={entry} />
        </>
      )}
    </Drawer>
  );
}
