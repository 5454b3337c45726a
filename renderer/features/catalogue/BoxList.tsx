import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { BoxListRow } from '../../../electron/core/contract/boxes';
import { Page } from '../../ui/Page';
import { useCanCall } from '../../ui/access';
import { BoxFilters } from './BoxFilters';
import { useBoxColumns } from './boxColumns';
import { InfiniteTable } from '../../ui/InfiniteTable';
import { LabelsButton } from './LabelButtons';
import { BoxExport } from './BoxExport';
import { boxFiltersFromParams, withParam } from '../../ui/listParams';
import { paths } from '../../ui/paths';
import type { BoxFilters as Filters } from '../../ui/listParams';
import { usePagedRows } from '../../ui/usePagedRows';
import { useBoxList } from './queries';

const TABLE_CLASS = 'catalogue-box-table';

function MatchCount({ total, capped }: { total: number; capped: boolean }) {
  const { t } = useTranslation('catalogue');
  return <Typography.Text type="secondary">{t(capped ? 'list.countCapped' : 'list.count', { count: total })}</Typography.Text>;
}

/** 档案目录: search and filters over every box, loaded page by page as the user scrolls. */
export function BoxListPage() {
  const { t } = useTranslation('catalogue');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => boxFiltersFromParams(params), [params]);
  const list = useBoxList(filters);
  const columns = useBoxColumns();
  const mayCreate = useCanCall('box-create');
  const mayImport = useCanCall('import-boxes-run');

  const { rows, loadMore } = usePagedRows(list);
  const first = list.data?.pages[0];
  const former = first?.formerCode;
  const open = (box: BoxListRow) => void navigate(paths.box(box.id));
  const setFilter = (key: keyof Filters, value: string | undefined) => setParams((p) => withParam(p, key, value), { replace: true });

  // Enter on a settled search opens the top match: type a code, press Enter, the box is open.
  const onSearchEnter = () => {
    if (!list.isPlaceholderData && rows.length > 0) open(rows[0]);
  };
  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowDown') return;
    event.preventDefault();
    document.querySelector<HTMLElement>(`.${TABLE_CLASS} .ant-table-row`)?.focus();
  };

  return (
    <Page
      title={t('list.title')}
      extra={
        <Flex gap={12} align="center">
          {first && <MatchCount total={first.total} capped={first.totalCapped} />}
          <BoxExport filters={filters} />
          <LabelsButton boxes={rows} />
          {mayImport && (
            <Button icon={<ImportOutlined />} onClick={() => void navigate('/boxes/import')}>
              {t('import:open')}
            </Button>
          )}
          {mayCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(paths.newBox(filters.ownerId))}>
              {t('list.new')}
            </Button>
          )}
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <BoxFilters filters={filters} onChange={setFilter} onSearchEnter={onSearchEnter} onSearchKeyDown={onSearchKeyDown} />
        {former && (
          <Alert
            type="info"
            showIcon
            className="cat-former-code-match"
            message={
              <Typography.Link onClick={() => void navigate(paths.box(former.id))}>
                {t('common:formerCode', { code: former.code, current: former.current })}
              </Typography.Link>
            }
          />
        )}
        <InfiniteTable
          className={TABLE_CLASS}
          rows={rows}
          columns={columns}
          loading={list.isFetching}
          hasMore={list.hasNextPage}
          onLoadMore={loadMore}
          onOpen={open}
          resetKey={JSON.stringify(filters)}
          emptyText={t('list.empty')}
        />
      </Flex>
    </Page>
  );
}
