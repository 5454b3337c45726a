import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BorrowerReminder } from '../../../electron/core/contract/reminders';
import { phoneText } from '../../../electron/core/phone-text';
import { useCanCall } from '../../ui/access';
import { Page } from '../../ui/Page';
import { useErrorText } from '../../ui/forms';
import { callQuery } from '../../ui/queries';
import { BorrowerLink } from './BorrowerLink';
import { lendingPaths } from './paths';
import { usePrintNotices, useReminderList } from './reminderQueries';

const keyOf = ({ ref }: BorrowerReminder) => (ref.kind === 'user' ? `user:${ref.userId}` : `person:${ref.name}:${ref.phone}`);

/** 催还: today's loans due tomorrow and overdue, one row per borrower, each with its 催还通知单 to print. */
export function RemindersPage() {
  const { t } = useTranslation('reminders');
  const errorText = useErrorText();
  const list = useReminderList();
  const print = usePrintNotices();
  const mayPrint = useCanCall('reminder-notice-pdf');
  const maySetPhone = useCanCall('settings-update');
  const settings = useQuery(callQuery('settings-get', {}));
  const data = list.data;
  const printing = print.isPending ? print.variables : null;
  return (
    <Page
      title={t('title')}
      extra={
        mayPrint &&
        data &&
        data.borrowers.length > 0 && (
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            loading={printing !== null && printing.length > 1}
            onClick={() => print.mutate(data.borrowers.map((b) => b.ref))}
          >
            {t('printAll', { count: data.borrowers.length })}
          </Button>
        )
      }
    >
      <Flex vertical gap={12}>
        {settings.data && !settings.data.deskPhone && mayPrint && (
          <Alert type="info" showIcon title={t('noDeskPhone')} action={maySetPhone && <Link to="/settings">{t('setDeskPhone')}</Link>} />
        )}
        {list.isError && <Alert type="error" showIcon title={errorText(list.error)} />}
        {data && <Typography.Text>{t('summary', { ...data, borrowers: data.borrowers.length })}</Typography.Text>}
        <Table<BorrowerReminder>
          size="small"
          rowKey={keyOf}
          loading={list.isFetching}
          dataSource={data?.borrowers ?? []}
          pagination={false}
          locale={{ emptyText: t('empty') }}
          columns={[
            { key: 'name', title: t('borrower'), width: 140, render: (_, b) => <BorrowerLink borrower={b.borrower} /> },
            { key: 'department', title: t('department'), width: 140, render: (_, b) => b.borrower.department },
            { key: 'phone', title: t('phone'), width: 140, render: (_, b) => phoneText(b.borrower.phone) },
            {
              key: 'loans',
              title: t('loans'),
              render: (_, b) => (
                <Flex vertical gap={2}>
                  {b.loans.map((loan) => (
                    <span key={loan.loanId} className="reminder-loan">
                      <Link to={lendingPaths.loan(loan.loanId)} className="mono">
                        {loan.boxCode}
                      </Link>{' '}
                      {loan.boxTitle} · {t('dueDate', { date: loan.dueDate })}{' '}
                      {loan.daysOverdue > 0 ? (
                        <Tag color="red">{t('overdueDays', { count: loan.daysOverdue })}</Tag>
                      ) : (
                        <Tag color="orange">{t('dueTomorrow')}</Tag>
                      )}
                    </span>
                  ))}
                </Flex>
              ),
            },
            ...(mayPrint
              ? [
                  {
                    key: 'print',
                    title: '',
                    width: 170,
                    render: (_: unknown, b: BorrowerReminder) => (
                      <Button
                        icon={<PrinterOutlined />}
                        aria-label={`${t('print')} ${b.borrower.name}`}
                        loading={printing?.length === 1 && printing[0] === b.ref}
                        onClick={() => print.mutate([b.ref])}
                      >
                        {t('print')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Flex>
    </Page>
  );
}
