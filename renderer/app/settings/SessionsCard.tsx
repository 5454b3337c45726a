import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../electron/core/contract/network';
import { call } from '../../api/client';
import { Confirm } from '../../ui/Confirm';
import { formatAt, orDash } from '../../ui/format';
import { useErrorText } from '../../ui/forms';
import { callQuery } from '../../ui/queries';

/** 在线会话: who is signed in where, and "sign out this desk" (a lost PC, someone who left it open). */
export function SessionsCard() {
  const { t } = useTranslation('app');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const sessions = useQuery(callQuery('session-list', {}));
  const end = useMutation({
    mutationFn: (id: string) => call('session-end', { id }),
    onSuccess: () => void message.success(t('sessions.ended')),
    onError: (error) => void message.error(errorText(error)),
  });

  const columns: ColumnsType<SessionInfo> = [
    { title: t('sessions.user'), key: 'user', render: (_, s) => `${s.displayName}（${s.username}）` },
    { title: t('sessions.role'), dataIndex: 'role', render: (role: string) => tc(`enums.role.${role}`, { defaultValue: role }) },
    { title: t('sessions.desk'), key: 'desk', render: (_, s) => orDash(s.client.name) },
    { title: t('sessions.address'), key: 'address', render: (_, s) => (s.client.transport === 'local' ? t('sessions.local') : orDash(s.client.address)) },
    { title: t('sessions.since'), dataIndex: 'openedAt', render: (at: string) => formatAt(at) },
    { title: t('sessions.lastSeen'), dataIndex: 'lastSeen', render: (at: string) => formatAt(at) },
    {
      title: t('sessions.live'),
      dataIndex: 'live',
      render: (live: boolean) => <Badge status={live ? 'success' : 'default'} text={live ? t('sessions.online') : t('sessions.offline')} />,
    },
    {
      title: t('sessions.actions'),
      key: 'actions',
      render: (_, s) =>
        s.current ? (
          <Tooltip title={t('sessions.currentHint')}>
            <Button size="small" disabled>
              {t('sessions.end')}
            </Button>
          </Tooltip>
        ) : (
          <Confirm
            title={t('sessions.endConfirm', {
              name: s.displayName,
              desk: s.client.name ?? (s.client.transport === 'local' ? t('sessions.local') : orDash(s.client.address)),
            })}
            description={t('sessions.endHint')}
            okText={t('sessions.end')}
            okButtonProps={{ danger: true }}
            onConfirm={() => end.mutate(s.id)}
          >
            <Button size="small" danger aria-label={t('sessions.endLabel', { name: s.displayName })}>
              {t('sessions.end')}
            </Button>
          </Confirm>
        ),
    },
  ];

  return (
    <Card size="small" title={t('sessions.title')} className="settings-card">
      {sessions.isError && <Alert type="error" showIcon title={errorText(sessions.error)} />}
      {!sessions.isError && (
        <Table<SessionInfo> rowKey="id" size="small" pagination={false} loading={sessions.isPending} dataSource={sessions.data} columns={columns} />
      )}
    </Card>
  );
}
