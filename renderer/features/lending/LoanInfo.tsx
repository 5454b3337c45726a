import { Alert, Card, Descriptions, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Loan } from '../../../electron/core/contract/loans';
import { paths } from '../../ui/paths';
import { formatAt } from '../../ui/format';
import { BorrowerLink } from './BorrowerLink';
import { LoanStatusTag } from './LoanStatusTag';

/** 申请 → 审批 → 借出 → 归还; a rejected or cancelled loan stops, in red, at the step it reached. */
function LoanSteps({ loan }: { loan: Loan }) {
  const { t } = useTranslation('lending');
  const reached = { requested: 1, approved: 2, out: 3, returned: 4, rejected: 1, cancelled: loan.decidedAt ? 2 : 1 }[loan.status];
  const stopped = loan.status === 'rejected' || loan.status === 'cancelled';
  const at = [loan.requestedAt, loan.decidedAt, loan.handedOutAt, loan.returnedAt];
  // A paper register records days, not hours, and no account requested or received the box.
  const by = loan.imported
    ? [t('detail.paper'), loan.decidedByName, loan.handedOutByName, t('detail.paper')]
    : [loan.requestedByName, loan.decidedByName, loan.handedOutByName, loan.receivedByName];
  const when = (a: string) => (loan.imported ? formatAt(a).slice(0, 10) : formatAt(a));
  return (
    <Steps
      size="small"
      current={reached}
      status={stopped ? 'error' : loan.status === 'returned' ? 'finish' : 'process'}
      items={(['requested', 'decided', 'handedOut', 'returned'] as const).map((step, i) => ({
        title: i === 1 && loan.status === 'rejected' ? t('status.rejected') : t(`fields.${step}`),
        content: at[i] ? t('detail.by', { name: by[i] ?? '', at: when(at[i]) }) : undefined,
      }))}
    />
  );
}

function copyText(loan: Loan, t: (key: string) => string): string {
  if (!loan.copyRequested) return t('detail.copyNotAsked');
  // The consent is the manager's, given with the decision: until then it is neither given nor refused.
  if (loan.status === 'requested') return t('detail.copyPending');
  return loan.copyAllowed ? t('detail.copyYes') : t('detail.copyNo');
}

/** Everything the loan register records about one loan. */
export function LoanInfo({ loan }: { loan: Loan }) {
  const { t } = useTranslation('lending');
  const { borrower } = loan;
  return (
    <Card>
      {loan.imported && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('detail.paperNote', { name: loan.requestedByName })} />}
      <LoanSteps loan={loan} />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 24 }}>
        <Descriptions.Item label={t('fields.status')}>
          <LoanStatusTag status={loan.status} />
          {loan.imported && <Tag>{t('detail.paper')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.boxCode')}>
          <Link to={paths.box(loan.boxId)} className="mono">
            {loan.boxCode}
          </Link>{' '}
          {loan.boxTitle}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.borrower')}>
          <BorrowerLink borrower={borrower} />
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.department')}>{borrower.department}</Descriptions.Item>
        <Descriptions.Item label={t('fields.phone')}>{borrower.phone || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.loanType')}>
          {t(`common:enums.loanType.${loan.loanType}`)} · {t('list.days', { count: loan.days })}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.purpose')} span={2}>
          {loan.purpose}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.copyAllowed')}>{copyText(loan, t)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.dueDate')}>
          {loan.dueDate}
          {loan.daysOverdue > 0 && (
            <Typography.Text type="danger" strong style={{ marginLeft: 8 }}>
              {t('detail.overdue', { count: loan.daysOverdue })}
            </Typography.Text>
          )}
        </Descriptions.Item>
        {loan.decisionReason !== '' && (
          <Descriptions.Item label={t('fields.decisionReason')} span={2}>
            {loan.decisionReason}
          </Descriptions.Item>
        )}
        {loan.returnCondition && (
          <Descriptions.Item label={t('fields.returnCondition')}>{t(`common:enums.returnCondition.${loan.returnCondition}`)}</Descriptions.Item>
        )}
        {loan.note !== '' && (
          <Descriptions.Item label={t('fields.note')} span={2}>
            {loan.note}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
