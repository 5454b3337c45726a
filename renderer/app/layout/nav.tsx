import {
  AuditOutlined,
  BarChartOutlined,
  CloudServerOutlined,
  ContainerOutlined,
  InboxOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { CallName } from '../../../electron/core/contract';

export interface NavItem {
  /** First path segment, also the i18n key under nav.* */
  key: 'overview' | 'boxes' | 'locations' | 'owners' | 'lending' | 'custody' | 'users' | 'audit' | 'backups' | 'settings';
  icon: ReactNode;
  /** The call the screen is built on: the menu shows the item to whoever may make it. */
  call: CallName;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'overview', icon: <BarChartOutlined />, call: 'overview' },
  { key: 'boxes', icon: <ContainerOutlined />, call: 'box-list' },
  { key: 'locations', icon: <InboxOutlined />, call: 'location-tree' },
  { key: 'owners', icon: <ShopOutlined />, call: 'owner-list' },
  { key: 'lending', icon: <ReadOutlined />, call: 'loan-list' },
  { key: 'custody', icon: <SafetyCertificateOutlined />, call: 'transfer-list' },
  { key: 'users', icon: <TeamOutlined />, call: 'user-list' },
  { key: 'audit', icon: <AuditOutlined />, call: 'audit-list' },
  { key: 'backups', icon: <CloudServerOutlined />, call: 'backup-overview' },
  { key: 'settings', icon: <SettingOutlined />, call: 'settings-update' },
];

/** Which menu item a page belongs to: its first path segment, except the import page, which belongs to what it imports. */
export function navSection(pathname: string, search: string): string {
  const section = pathname.split('/')[1] ?? '';
  if (pathname !== '/boxes/import') return section;
  const kind = new URLSearchParams(search).get('kind');
  return kind === 'owners' ? 'owners' : kind === 'loans' ? 'lending' : section;
}
