import { Alert, Button, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupFile } from '../../../electron/core/contract/backups';
import { useErrorText } from '../../ui/forms';
import { formatTime } from './BackupsPage';
import { useBackupList } from './queries';

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The backups found in one folder, newest first, each with what its manifest says it holds. */
export function BackupList({ folder, onRestore }: { folder: string; onRestore: (file: string) => void }) {
  const { t } = useTranslation('backups');
  const errorText = useErrorText();
  const list = useBackupList(folder);
  if (list.isError) return <Alert type="error" showIcon title={errorText(list.error)} />;
  return (
    <Table<BackupFile>
      size="small"
      rowKey="file"
      loading={list.isPending}
      title={() => <Typography.Text strong>{t('list.title', { folder })}</Typography.Text>}
      locale={{ emptyText: t('list.empty') }}
      dataSource={list.data ?? []}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        { title: t('list.createdAt'), render: (_, r) => formatTime(r.manifest.createdAt) },
        { title: t('list.boxes'), align: 'right', render: (_, r) => r.manifest.counts.boxes ?? 0 },
        { title: t('list.owners'), align: 'right', render: (_, r) => r.manifest.counts.owners ?? 0 },
        { title: t('list.loans'), align: 'right', render: (_, r) => r.manifest.counts.loans ?? 0 },
        { title: t('list.audit'), align: 'right', render: (_, r) => r.manifest.audit.entries },
        { title: t('list.size'), align: 'right', render: (_, r) => megabytes(r.bytes) },
        {
          title: '',
          width: 90,
          render: (_, r) => (
            <Button size="small" danger onClick={() => onRestore(r.file)}>
              {t('list.restore')}
            </Button>
          ),
        },
      ]}
    />
  );
}
