import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatAt } from './format';
import { LoanStatusTag } from './LoanStatusTag';
import { lendingPaths } from './paths';
import { useBoxLoans } from './queries';

/** 借阅记录 on a box's page: its loans, newest first, each opening the loan. */
export function BoxLoans({ boxId }: { boxId: number }) {
  const { t } = useTranslation('lending');
  const loans = useBoxLoans(boxId);
  return (
    <Card title={t('boxLoans.title')}>
      <List
        size="small"
        loading={loans.isPending}
        dataSource={loans.data?.rows ?? []}
        locale={{ emptyText: t('boxLoans.empty') }}
        renderItem={(loan) => (
          <List.Item extra={<LoanStatusTag status={loan.status} />}>
            <List.Item.Meta
              title={
                <Link to={lendingPaths.loan(loan.id)} className="mono">
                  {loan.loanNo}
                </Link>
              }
              description={
                <Typography.Text type="secondary">
                  {loan.borrower.name} · {loan.borrower.department} · {formatAt(loan.requestedAt)}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
