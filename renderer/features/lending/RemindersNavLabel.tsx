import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReminderList } from './reminderQueries';

/** The 借阅 menu entry with the count to chase today (overdue plus due tomorrow), for whoever may see the list. */
export function LendingNavLabel({ label }: { label: string }) {
  const { t } = useTranslation('reminders');
  const list = useReminderList();
  const count = list.data ? list.data.overdue + list.data.dueTomorrow : 0;
  return (
    <Badge
      count={count}
      size="small"
      offset={[10, 0]}
      title={list.data ? t('navBadge', { overdue: list.data.overdue, dueTomorrow: list.data.dueTomorrow }) : undefined}
    >
      <span>{label}</span>
    </Badge>
  );
}
