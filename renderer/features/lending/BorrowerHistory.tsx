import { Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Loan } from '../../../electron/core/contract/loans';
import { Page } from '../../ui/Page';
import { InfiniteTable } from '../../ui/InfiniteTable';
import { NotFound } from '../../ui/NotFound';
import { useLoanColumns } from './loanColumns';
import { lendingPaths } from './paths';
import { useLoanList, type LoanFilters } from './queries';

/** ?user=<id> for an account, ?name=…&phone=… for a person recorded by name; null when neither is whole. */
function borrowerFilters(params: URLSearchParams): LoanFilters | null {
  const user = Number(params.get('user'));
  if (Number.isSafeInteger(user) && user > 0) return { borrowerUserId: user };
  const name = params.get('name');
  const phone = params.get('phone');
  return name && phone ? { borrowerName: name, borrowerPhone: phone } : null;
}

/** 借阅人借阅记录: every loan of one borrower, newest first, paged as it scrolls. */
export function BorrowerHistoryPage() {
  const [params] = useSearchParams();
  const filters = useMemo(() => borrowerFilters(params), [params]);
  return filters ? <BorrowerHistory filters={filters} resetKey={params.toString()} /> : <NotFound />;
}

function BorrowerHistory({ filters, resetKey }: { filters: LoanFilters; resetKey: string }) {
  const { t } = useTranslation('lending');
  const navigate = useNavigate();
  const { list, rows, loadMore } = useLoanList(filters);
  // The borrower's columns would repeat the title on every row.
  const columns = useLoanColumns().filter((c) => c.key !== 'borrower' && c.key !== 'department');
  // Loans copy the borrower, so the newest one names them as the register does.
  const borrower = rows[0]?.borrower;
  return (
    <Page title={borrower ? t('borrowerHistory.title', { name: borrower.name }) : t('borrowerHistory.titleEmpty')}>
      <Flex vertical gap={12}>
        {borrower && (
          <Typography.Text type="secondary">
            {[borrower.department, borrower.phone, borrower.userId !== null ? t('borrowerKind.user') : ''].filter(Boolean).join(' · ')}
          </Typography.Text>
        )}
        <InfiniteTable<Loan>
          rows={rows}
          columns={columns}
          loading={list.isFetching}
          hasMore={list.hasNextPage}
          onLoadMore={loadMore}
          onOpen={(loan) => void navigate(lendingPaths.loan(loan.id))}
          resetKey={resetKey}
          emptyText={t('list.empty')}
        />
      </Flex>
    </Page>
  );
}
