import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../api/session-store';
import { canCall } from '../../ui/permissions';
import { useBackupOverview } from './queries';

/**
 * On every screen but the backup screen itself: no good backup for 7 days, or none yet (a new or
 * restored archive). Only those who may back up are sent to 立即备份; the others are told whom to ask.
 */
export function OverdueBanner() {
  const { t } = useTranslation('backups');
  const overview = useBackupOverview();
  const mayBackUp = canCall(
    useSession((s) => s.user),
    'backup-run',
  );
  const onBackups = useLocation().pathname.startsWith('/backups');
  if (onBackups || !overview.data?.overdue) return null;
  const text = t(`${overview.data.lastGoodAt ? 'overdue' : 'neverBackedUp'}${mayBackUp ? '' : 'Ask'}`);
  return <Alert type="warning" showIcon banner className="backup-overdue" title={mayBackUp ? <Link to="/backups">{text}</Link> : text} />;
}
