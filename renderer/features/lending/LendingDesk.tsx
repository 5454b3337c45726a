import { BellOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Select, Switch, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LOAN_STATUSES, type Loan } from '../../../electron/core/contract/loans';
import { Page } from '../../ui/Page';
import { useCanCall } from '../../ui/access';
import { InfiniteTable } from '../../ui/InfiniteTable';
import { DashboardCards } from './DashboardCards';
import { activeCard, cardFilters, filtersFromParams, paramsFromFilters, type CardKey, type DeskFilters } from './deskView';
import { useLoanColumns } from './loanColumns';
import { PaperImports } from './PaperImports';
import { RegisterExport } from './RegisterExport';
import { lendingPaths } from './paths';
import { useLoanDashboard, useLoanList } from './queries';
import { useReminderList } from './reminderQueries';

/** 借阅台: today's counts on top, every loan below, narrowed by a card or the filters. */
export function LendingDesk() {
  const { t } = useTranslation('lending');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const dashboard = useLoanDashboard();
  const { list, rows, loadMore } = useLoanList(filters);
  const columns = useLoanColumns();
  const mayRequest = useCanCall('loan-request');
  const mayExport = useCanCall('loan-register-export');
  const mayImport = useCanCall('import-loans-run');
  const mayRemind = useCanCall('reminder-list');
  const reminders = useReminderList();

  const show = (next: DeskFilters) => setParams(paramsFromFilters(next), { replace: true });
  const pickCard = (key: CardKey) => {
    const next = cardFilters(key);
    if (next) show(next);
  };

  return (
    <Page
      title={t('title')}
      extra={
        <Flex gap={8}>
          {mayRemind && (
            <Badge count={reminders.data ? reminders.data.overdue + reminders.data.dueTomorrow : 0} size="small">
              <Button icon={<BellOutlined />} onClick={() => void navigate(lendingPaths.reminders)}>
                {t('reminders:open')}
              </Button>
            </Badge>
          )}
          {mayExport && <RegisterExport />}
          {mayImport && (
            <Button icon={<ImportOutlined />} onClick={() => void navigate('/boxes/import?kind=loans')}>
              {t('import:open')}
            </Button>
          )}
          {mayRequest && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(lendingPaths.newLoan)}>
              {t('list.new')}
            </Button>
          )}
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <DashboardCards counts={dashboard.data} active={activeCard(filters)} onPick={pickCard} pickable={(key) => cardFilters(key) !== null} />
        <PaperImports onShow={() => show({ imported: true })} />
        <Flex gap={16} align="center" wrap>
          <Select<Loan['status'] | ''>
            style={{ width: 160 }}
            aria-label={t('fields.status')}
            value={filters.status ?? ''}
            onChange={(status) => show({ ...filters, status: status || undefined })}
            options={[{ value: '', label: t('list.allStatuses') }, ...LOAN_STATUSES.map((s) => ({ value: s, label: t(`common:enums.loanStatus.${s}`) }))]}
          />
          <label>
            <Flex gap={8} align="center">
              <Switch size="small" checked={filters.overdue ?? false} onChange={(on) => show({ ...filters, overdue: on || undefined })} />
              {t('list.overdueOnly')}
            </Flex>
          </label>
          <label>
            <Flex gap={8} align="center">
              <Switch size="small" checked={filters.imported ?? false} onChange={(on) => show({ ...filters, imported: on || undefined })} />
              {t('list.paperOnly')}
            </Flex>
          </label>
          {(filters.from || filters.to) && (
            <Tag closable onClose={() => show({ ...filters, from: undefined, to: undefined })}>
              {t('list.requestedSpan', { from: filters.from ?? '…', to: filters.to ?? '…' })}
            </Tag>
          )}
          {filters.borrowerDepartment && (
            <Tag closable onClose={() => show({ ...filters, borrowerDepartment: undefined })}>
              {t('list.department', { department: filters.borrowerDepartment })}
            </Tag>
          )}
        </Flex>
        <InfiniteTable<Loan>
          rows={rows}
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
