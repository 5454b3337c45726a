import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../layout/LanguageSwitch';

/** The frame of the screens shown before sign-in: app name, site, one card. */
export function AuthFrame({ title, siteName, width = 400, children }: { title: ReactNode; siteName?: string | null; width?: number; children: ReactNode }) {
  const { t } = useTranslation('common');
  return (
    <main className="auth-page">
      <div className="auth-language">
        <LanguageSwitch />
      </div>
      <div className="auth-column" style={{ width }}>
        <div className="auth-brand">
          <span className="brand-mark">档</span>
          <div>
            <Typography.Title level={1} className="auth-app-name">
              {t('appName')}
            </Typography.Title>
            {siteName && <Typography.Text type="secondary">{siteName}</Typography.Text>}
          </div>
        </div>
        <Card title={title}>{children}</Card>
      </div>
    </main>
  );
}
