import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicUser } from '../../../electron/core/contract/app';
import { useErrorText } from '../../ui/forms';
import { Page } from '../../ui/Page';
import { callQuery } from '../../ui/queries';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserCreateModal } from './UserCreateModal';
import { UserEditModal } from './UserEditModal';
import { UserStatusTags } from './UserStatusTags';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'reset'; user: PublicUser } | null;

/** Accounts are never deleted: their names stay on the records they signed; leavers are disabled. */
export function UsersScreen() {
  const { t } = useTranslation('app');
  const { t: tc } = useTranslation('common');
  const errorText = useErrorText();
  const users = useQuery(callQuery('user-list', {}));
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  const columns: TableColumnsType<PublicUser> = [
    {
      title: t('account.username'),
      dataIndex: 'username',
      render: (name: string) => <span className="mono">{name}</span>,
      sorter: (a, b) => a.username.localeCompare(b.username),
    },
    { title: t('account.displayName'), dataIndex: 'displayName' },
    { title: t('account.role'), dataIndex: 'role', render: (role: PublicUser['role']) => tc(`enums.role.${role}`) },
    { title: t('users.status'), key: 'status', render: (_, user) => <UserStatusTags user={user} /> },
    { title: t('users.createdAt'), dataIndex: 'createdAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
    {
      title: t('users.actions'),
      key: 'actions',
      width: 200,
      render: (_, user) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit', user })}>
            {tc('actions.edit')}
          </Button>
          <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setDialog({ kind: 'reset', user })}>
            {t('users.resetPassword')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Page
      title={t('nav.users')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
          {t('users.create')}
        </Button>
      }
    >
      {users.isError && <Alert type="error" showIcon className="form-alert" title={errorText(users.error)} />}
      <Card size="small">
        <Table<PublicUser> rowKey="id" size="small" columns={columns} dataSource={users.data} loading={users.isPending} pagination={false} />
      </Card>
      {dialog?.kind === 'create' && <UserCreateModal onClose={close} />}
      {dialog?.kind === 'edit' && <UserEditModal key={dialog.user.id} user={dialog.user} onClose={close} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal key={dialog.user.id} user={dialog.user} onClose={close} />}
    </Page>
  );
}
