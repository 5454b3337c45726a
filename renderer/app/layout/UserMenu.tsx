import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PublicUser } from '../../../electron/core/contract/app';
import { ChangePasswordModal } from '../account/ChangePasswordModal';
import { signOutEverywhere } from '../session';

export function UserMenu({ user }: { user: PublicUser }) {
  const { t } = useTranslation('app');
  const { t: tc } = useTranslation('common');
  const [changingPassword, setChangingPassword] = useState(false);
  const navigate = useNavigate();
  // The next person at the desk starts from the default page, not from one their role may not open.
  const logout = () => void signOutEverywhere().then(() => navigate('/'));
  const items = [
    { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword'), onClick: () => setChangingPassword(true) },
    { type: 'divider' as const },
    { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), onClick: logout },
  ];
  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
        <Button type="text" aria-label={`${user.displayName} ${tc(`enums.role.${user.role}`)} ${t('header.userMenu')}`}>
          <Space size={6}>
            <UserOutlined />
            <span>{user.displayName}</span>
            <Typography.Text type="secondary">{tc(`enums.role.${user.role}`)}</Typography.Text>
            <DownOutlined className="caret" />
          </Space>
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}
