import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useBackupOverview } from './queries';

/** On every screen but the backup screen itself: no good backup for 7 days, or none yet (a new or restored archive). */
export function OverdueBanner() {
  const { t } = useTranslation('backups');
  const overview = useBackupOverview();
  const onBackups = useLocation().pathname.startsWith('/backups');
  if (onBackups || !overview.data?.overdue) return null;
  return <Alert type="warning" showIcon banner className="backup-overdue" title={<Link to="/backups">{t(overview.data.lastGoodAt ? 'overdue' : 'neverBackedUp')}</Link>} />;
}
