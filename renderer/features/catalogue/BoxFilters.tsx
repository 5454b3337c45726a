import { SearchOutlined } from '@ant-design/icons';
import { Flex, Select, Tag } from 'antd';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BOX_KINDS, BOX_STATUSES } from '../../../electron/core/enums';
import { DebouncedInput } from '../../ui/DebouncedInput';
import type { BoxFilters as Filters } from '../../ui/listParams';
import { useOwner } from './queries';

interface BoxFiltersProps {
  filters: Filters;
  onChange: (key: keyof Filters, value: string | undefined) => void;
  onSearchEnter: () => void;
  onSearchKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
}

/** Shown when the list was opened from an owner's page; closing it lists every owner again. */
function OwnerFilterTag({ ownerId, onClose }: { ownerId: number; onClose: () => void }) {
  const { t } = useTranslation('catalogue');
  const owner = useOwner(ownerId);
  return (
    <Tag closable onClose={onClose} color="blue">
      {t('list.ownerFilter', { name: owner.data?.owner.name ?? `#${ownerId}` })}
    </Tag>
  );
}

export function BoxFilters({ filters, onChange, onSearchEnter, onSearchKeyDown }: BoxFiltersProps) {
  const { t } = useTranslation(['catalogue', 'common']);
  return (
    <Flex gap={8} wrap align="center">
      <DebouncedInput
        autoFocus
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('list.searchPlaceholder')}
        aria-label={t('list.searchPlaceholder')}
        style={{ width: 340 }}
        value={filters.query ?? ''}
        onSettle={(value) => onChange('query', value)}
        onPressEnter={onSearchEnter}
        onKeyDown={onSearchKeyDown}
      />
      <Select
        allowClear
        placeholder={t('fields.kind')}
        aria-label={t('fields.kind')}
        style={{ width: 140 }}
        value={filters.kind}
        onChange={(value) => onChange('kind', value)}
        options={BOX_KINDS.map((kind) => ({ value: kind, label: t(`common:enums.boxKind.${kind}`) }))}
      />
      <Select
        allowClear
        placeholder={t('fields.status')}
        aria-label={t('fields.status')}
        style={{ width: 120 }}
        value={filters.status}
        onChange={(value) => onChange('status', value)}
        options={BOX_STATUSES.map((status) => ({ value: status, label: t(`common:enums.boxStatus.${status}`) }))}
      />
      {(['floor', 'room', 'cabinet'] as const).map((key) => (
        <DebouncedInput
          key={key}
          allowClear
          placeholder={t(`fields.${key}`)}
          aria-label={t(`fields.${key}`)}
          style={{ width: 100 }}
          value={filters[key] ?? ''}
          onSettle={(value) => onChange(key, value)}
        />
      ))}
      {filters.ownerId !== undefined && <OwnerFilterTag ownerId={filters.ownerId} onClose={() => onChange('ownerId', undefined)} />}
    </Flex>
  );
}
