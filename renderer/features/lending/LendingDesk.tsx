import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Switch } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LOAN_STATUSES, type Loan } from '../../../electron/contract/loans';
import { Page } from '../../app/layout/Page';
import { useCanCall } from '../catalogue/access';
import { InfiniteTable } from '../catalogue/InfiniteTable';
import { DashboardCards } from './DashboardCards';
import { activeCard, cardView, narrowRows, paramsFromView, viewFromParams, type CardKey, type DeskView } from './deskView';
import { useLoanColumns } from './loanColumns';
import { RegisterExport } from './RegisterExport';
import { lendingPaths } from './paths';
import { useLoanDashboard, useLoanList } from './queries';

/** 借阅台: today's counts on top, every loan below, narrowed by a card or the filters. */
export function LendingDesk() {
  const { t } = useTranslation('lending');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => viewFromParams(params), [params]);
  const dashboard = useLoanDashboard();
  const { list, rows, loadMore } = useLoanList(view.filters);
  const columns = useLoanColumns();
  const mayRequest = useCanCall('loan-request');
  const mayExport = useCanCall('loan-register-export');

  // A narrowed card needs every loan that is out, not the pages scrolled to so far.
  const { hasNextPage, isFetching, fetchNextPage } = list;
  useEffect(() => {
    if (view.card && hasNextPage && !isFetching) void fetchNextPage();
  }, [view.card, hasNextPage, isFetching, fetchNextPage]);

  const shown = useMemo(() => narrowRows(rows, view.card), [rows, view.card]);
  const show = (next: DeskView) => setParams(paramsFromView(next), { replace: true });
  const pickCard = (key: CardKey) => {
    const next = cardView(key);
    if (next) show(next);
  };

  return (
    <Page
      title={t('title')}
      extra={
        <Flex gap={8}>
          {mayExport && <RegisterExport />}
          {mayRequest && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(lendingPaths.newLoan)}>
              {t('list.new')}
            </Button>
          )}
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <DashboardCards counts={dashboard.data} active={activeCard(view)} onPick={pickCard} pickable={(key) => cardView(key) !== null} />
        <Flex gap={16} align="center" wrap>
          <Select<Loan['status'] | ''>
            style={{ width: 160 }}
            aria-label={t('fields.status')}
            value={view.card ? 'out' : (view.filters.status ?? '')}
            onChange={(status) => show({ filters: { ...view.filters, status: status || undefined }, card: null })}
            options={[{ value: '', label: t('list.allStatuses') }, ...LOAN_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
          />
          <label>
            <Flex gap={8} align="center">
              <Switch size="small" checked={view.filters.overdue ?? false} onChange={(on) => show({ filters: { ...view.filters, overdue: on || undefined }, card: null })} />
              {t('list.overdueOnly')}
            </Flex>
          </label>
        </Flex>
        <InfiniteTable<Loan>
          rows={shown}
          columns={columns}
          loading={list.isFetching}
          hasMore={list.hasNextPage}
          onLoadMore={loadMore}
          onOpen={(loan) => void navigate(lendingPaths.loan(loan.id))}
          resetKey={params.toString()}
          emptyText={t('list.empty')}
        />
      </Flex>
    </Page>
  );
}
