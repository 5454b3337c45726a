import { Alert, Badge, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { CallName } from '../../../electron/core/contract';
import { useSession } from '../../api/session-store';
import { canCall } from '../../ui/permissions';
import { custodyPaths } from './paths';
import { useInspectionStatus } from './queries';

const TABS: { key: 'transfers' | 'inspection' | 'retention' | 'destructions'; path: string; call: CallName }[] = [
  { key: 'transfers', path: custodyPaths.transfers, call: 'transfer-list' },
  { key: 'inspection', path: custodyPaths.inspection, call: 'inspection-get' },
  { key: 'retention', path: custodyPaths.retention, call: 'retention-report' },
  { key: 'destructions', path: custodyPaths.destructions, call: 'destruction-list' },
];

/** The reminder §4.8.2 asks for: shown until this month's inspection is completed. */
export function InspectionReminder() {
  const { t } = useTranslation('custody');
  const status = useInspectionStatus();
  if (!status.data || status.data.done) return null;
  const key = status.data.current ? 'inspection.notDone' : 'inspection.notStarted';
  return <Alert type="warning" showIcon title={t(key, { month: status.data.month })} className="custody-reminder" />;
}

/** The 保管 section's tabs over its screens, each shown to the roles that may open it. */
export function CustodyTabs({ children }: { children: ReactNode }) {
  const { t } = useTranslation('custody');
  const navigate = useNavigate();
  const path = useLocation().pathname;
  const user = useSession((s) => s.user);
  const allowed = TABS.filter((tab) => canCall(user, tab.call));
  const active = allowed.find((tab) => path.startsWith(tab.path))?.key;
  return (
    <>
      <Tabs
        className="custody-tabs"
        activeKey={active}
        onChange={(key) => void navigate(TABS.find((tab) => tab.key === key)!.path)}
        items={allowed.map((tab) => ({ key: tab.key, label: t(`tabs.${tab.key}`) }))}
      />
      {/* The inspection tab says the same itself. */}
      {active !== 'inspection' && <InspectionReminder />}
      {children}
    </>
  );
}

/** The 保管 menu entry, with a dot while this month's inspection is not done: the reminder wherever the user is. */
export function CustodyNavLabel({ label }: { label: string }) {
  const { t } = useTranslation('custody');
  const status = useInspectionStatus();
  const due = status.data !== undefined && !status.data.done;
  return (
    <Badge
      dot={due}
      offset={[6, 0]}
      title={due ? t(status.data?.current ? 'inspection.notDone' : 'inspection.notStarted', { month: status.data?.month }) : undefined}
    >
      <span>{label}</span>
    </Badge>
  );
}
