import { ImportOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { OwnerListRow } from '../../../electron/core/contract/owners';
import { BUSINESS_TYPES } from '../../../electron/core/enums';
import { Page } from '../../ui/Page';
import { useCanCall } from '../../ui/access';
import { DebouncedInput } from '../../ui/DebouncedInput';
import { InfiniteTable } from '../../ui/InfiniteTable';
import { ownerFiltersFromParams, withParam } from '../../ui/listParams';
import { useOwnerColumns } from './ownerColumns';
import { OwnerFormModal } from './OwnerFormModal';
import { paths } from '../../ui/paths';
import type { OwnerFilters } from '../../ui/listParams';
import { usePagedRows } from '../../ui/usePagedRows';
import { useOwnerList } from './queries';

/** 租户/客户: every owner with a file, searchable by name, unit, contact or phone. */
export function OwnerListPage() {
  const { t } = useTranslation(['catalogue', 'common']);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => ownerFiltersFromParams(params), [params]);
  const list = useOwnerList(filters);
  const columns = useOwnerColumns();
  const mayCreate = useCanCall('owner-create');
  const mayImport = useCanCall('import-owners-run');
  const [creating, setCreating] = useState(false);

  const { rows, loadMore } = usePagedRows(list);
  const open = (owner: Pick<OwnerListRow, 'id'>) => void navigate(paths.owner(owner.id));
  const setFilter = (key: keyof OwnerFilters, value: string | undefined) => setParams((p) => withParam(p, key, value), { replace: true });

  return (
    <Page
      title={t('owners.title')}
      extra={
        <Flex gap={8}>
          {mayImport && (
            <Button icon={<ImportOutlined />} onClick={() => void navigate('/boxes/import?kind=owners')}>
              {t('import:open')}
            </Button>
          )}
          {mayCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('owners.create')}
            </Button>
          )}
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={8} wrap>
          <DebouncedInput
            autoFocus
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('owners.searchPlaceholder')}
            aria-label={t('owners.searchPlaceholder')}
            style={{ width: 320 }}
            value={filters.query ?? ''}
            onSettle={(value) => setFilter('query', value)}
          />
          <DebouncedInput
            allowClear
            placeholder={t('fields.floor')}
            aria-label={t('fields.floor')}
            style={{ width: 100 }}
            value={filters.floor ?? ''}
            onSettle={(value) => setFilter('floor', value)}
          />
          <Select
            allowClear
            placeholder={t('owners.businessType')}
            aria-label={t('owners.businessType')}
            style={{ width: 120 }}
            value={filters.businessType}
            onChange={(value) => setFilter('businessType', value)}
            options={BUSINESS_TYPES.map((b) => ({ value: b, label: t(`common:enums.businessType.${b}`) }))}
          />
        </Flex>
        <InfiniteTable
          rows={rows}
          columns={columns}
          loading={list.isFetching}
          hasMore={list.hasNextPage}
          onLoadMore={loadMore}
          onOpen={open}
          resetKey={JSON.stringify(filters)}
          emptyText={t('owners.empty')}
        />
      </Flex>
      {creating && <OwnerFormModal owner={null} onClose={() => setCreating(false)} onSaved={open} />}
    </Page>
  );
}
