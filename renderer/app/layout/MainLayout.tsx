import { useQuery } from '@tanstack/react-query';
import { Layout, Menu, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../api/session-store';
import { OverdueBanner } from '../../features/backups/OverdueBanner';
import { RoomIncidentBanner } from '../../features/locations/RoomIncidentBanner';
import { CustodyNavLabel } from '../../features/custody/CustodyTabs';
import { LendingNavLabel } from '../../features/lending/RemindersNavLabel';
import { MyReminders } from './MyReminders';
import { canCall } from '../../ui/permissions';
import { callQuery } from '../../ui/queries';
import { ConnectionBanner } from './ConnectionBanner';
import { useIdleLock } from './idle';
import { LanguageSwitch } from './LanguageSwitch';
import { NAV_ITEMS, navSection } from './nav';
import { ScanInput } from './ScanInput';
import { UserMenu } from './UserMenu';
import { UpdatePrompt } from '../updates/UpdatePrompt';

/** A menu entry's label, with the badge of what waits there. */
function navLabel(key: string, label: string) {
  if (key === 'custody') return <CustodyNavLabel label={label} />;
  if (key === 'lending') return <LendingNavLabel label={label} />;
  return label;
}

export function MainLayout({ siteName }: { siteName: string | null }) {
  const { t } = useTranslation('app');
  const { t: tc } = useTranslation('common');
  const user = useSession((s) => s.user);
  const navigate = useNavigate();
  const location = useLocation();
  const section = navSection(location.pathname, location.search);
  const settings = useQuery(callQuery('settings-get', {}));
  useIdleLock(settings.data?.idleMinutes);

  const items = NAV_ITEMS.filter((item) => canCall(user, item.call)).map((item) => ({
    key: item.key,
    icon: item.icon,
    label: navLabel(item.key, t(`nav.${item.key}`)),
  }));

  return (
    <Layout className="main-layout">
      {/* The first stop of Tab: past the menu and the header straight to the screen. */}
      <button type="button" className="skip-link" onClick={() => document.getElementById('main-content')?.focus()}>
        {t('header.skipToContent')}
      </button>
      <Layout.Sider width={200} breakpoint="lg" collapsedWidth={56} theme="light" className="main-sider">
        <div className="brand">
          <span className="brand-mark">档</span>
          <span className="brand-name">{tc('appName')}</span>
        </div>
        <nav aria-label={t('header.mainMenu')}>
          <Menu mode="inline" selectedKeys={[section]} items={items} onClick={({ key }) => void navigate(`/${key}`)} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="main-header">
          <Typography.Text strong className="site-name" ellipsis>
            {siteName ?? tc('appName')}
          </Typography.Text>
          <ScanInput />
          <Space size={12} className="header-tools">
            <LanguageSwitch />
            {user && <MyReminders />}
            {user && <UserMenu user={user} />}
          </Space>
        </Layout.Header>
        <Layout.Content id="main-content" tabIndex={-1} className="main-content">
          <ConnectionBanner />
          {canCall(user, 'backup-overview') && <OverdueBanner />}
          {canCall(user, 'room-incident-close') && <RoomIncidentBanner />}
          <Outlet />
          {window.archiveDesk && user && <UpdatePrompt />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
