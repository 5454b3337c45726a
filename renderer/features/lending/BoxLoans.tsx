import { Card, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BorrowerLink } from './BorrowerLink';
import { formatAt } from '../../ui/format';
import { IncidentsList } from './IncidentsList';
import { LoanStatusTag } from './LoanStatusTag';
import { lendingPaths } from './paths';
import { useBoxIncidents, useBoxLoans } from './queries';

/** 借阅记录 on a box's page: its loans, newest first, each opening the loan; then its incidents, if it has any. */
export function BoxLoans({ boxId }: { boxId: number }) {
  const { t } = useTranslation('lending');
  const loans = useBoxLoans(boxId);
  const incidents = useBoxIncidents(boxId);
  return (
    <Flex vertical gap={16}>
      <Card title={t('boxLoans.title')}>
        <List
          size="small"
          loading={loans.isPending}
          dataSource={loans.data?.rows ?? []}
          locale={{ emptyText: t('boxLoans.empty') }}
          renderItem={(loan) => (
            <List.Item
              extra={
                <>
                  {loan.imported && <Tag>{t('detail.paper')}</Tag>}
                  <LoanStatusTag status={loan.status} />
                </>
              }
            >
              <List.Item.Meta
                title={
                  <Link to={lendingPaths.loan(loan.id)} className="mono">
                    {loan.loanNo}
                  </Link>
                }
                description={
                  <Typography.Text type="secondary">
                    <BorrowerLink borrower={loan.borrower} /> · {loan.borrower.department} ·{' '}
                    <span className="lend-date">{loan.imported ? formatAt(loan.requestedAt).slice(0, 10) : formatAt(loan.requestedAt)}</span>
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      {incidents.data && incidents.data.rows.length > 0 && <IncidentsList incidents={incidents.data.rows} title={t('boxLoans.incidents')} />}
    </Flex>
  );
}
