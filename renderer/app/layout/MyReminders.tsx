import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyReminders as Mine } from '../../../electron/core/contract/reminders';
import { useQuery } from '@tanstack/react-query';
import { custodyPaths } from '../../features/custody/paths';
import { lendingPaths } from '../../features/lending/paths';
import { DAY_TURN_MS } from '../../features/lending/reminderQueries';
import { useCanCall } from '../../ui/access';
import { callQuery } from '../../ui/queries';

interface Line {
  key: string;
  text: string;
  to: string;
  urgent: boolean;
}

/** What concerns this person, each line a link to where it is dealt with. */
function linesOf(mine: Mine, t: (key: string, values?: Record<string, unknown>) => string): Line[] {
  const lines: Line[] = [];
  if (mine.desk && mine.desk.overdue + mine.desk.dueTomorrow > 0)
    lines.push({ key: 'desk', text: t('mine.desk', mine.desk), to: lendingPaths.reminders, urgent: mine.desk.overdue > 0 });
  if (mine.custody?.retentionEnding)
    lines.push({
      key: 'retention',
      text: t('mine.retention', { month: mine.custody.month, count: mine.custody.retentionEnding }),
      to: custodyPaths.retentionMonth(mine.custody.month),
      urgent: false,
    });
  if (mine.custody?.heldEnding)
    lines.push({
      key: 'held',
      text: t('mine.held', { month: mine.custody.month, count: mine.custody.heldEnding }),
      to: custodyPaths.retentionMonth(mine.custody.month),
      urgent: false,
    });
  for (const loan of mine.own)
    lines.push({
      key: `own-${loan.loanId}`,
      text:
        loan.daysOverdue > 0
          ? t('mine.ownOverdue', { code: loan.boxCode, title: loan.boxTitle, count: loan.daysOverdue })
          : t('mine.ownTomorrow', { code: loan.boxCode, title: loan.boxTitle, date: loan.dueDate }),
      to: lendingPaths.loan(loan.loanId),
      urgent: loan.daysOverdue > 0,
    });
  return lines;
}

const useMyReminders = () => useQuery({ ...callQuery('reminder-mine', {}), enabled: useCanCall('reminder-mine'), refetchInterval: DAY_TURN_MS });

/**
 * 我的提醒 in the header: the reminders that concern the signed-in person, by their role and account
 * (in host mode each desk its own), refreshed when a write anywhere changes what they depend on.
 */
export function MyReminders() {
  const { t } = useTranslation('reminders');
  const [open, setOpen] = useState(false);
  const mine = useMyReminders();
  const lines = mine.data ? linesOf(mine.data, t) : [];
  const content = (
    <Flex vertical gap={8} className="my-reminders">
      {lines.length === 0 && <Typography.Text type="secondary">{t('mine.none')}</Typography.Text>}
      {lines.map((line) => (
        <Link key={line.key} to={line.to} onClick={() => setOpen(false)}>
          <Typography.Text type={line.urgent ? 'danger' : undefined}>{line.text}</Typography.Text>
        </Link>
      ))}
    </Flex>
  );
  return (
    <Popover content={content} title={t('mine.button')} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}>
      <Button type="text" aria-label={`${t('mine.button')}${lines.length > 0 ? ` ${lines.length}` : ''}`}>
        <Badge count={lines.length} size="small">
          <BellOutlined />
        </Badge>
      </Button>
    </Popover>
  );
}
