import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnerRow } from '../../../electron/core/rows';
import { SEARCH_DEBOUNCE_MS } from '../../ui/DebouncedInput';
import { useOwner, useOwnerOptions } from './queries';
import { useDebouncedValue } from '../../ui/useDebouncedValue';

const ownerLabel = (owner: Pick<OwnerRow, 'name' | 'unitNo' | 'floor'>) => [owner.name, owner.unitNo, owner.floor].filter(Boolean).join(' · ');

interface OwnerSelectProps {
  value: number | null;
  onChange: (id: number | null) => void;
  onBlur?: () => void;
  id?: string;
}

/** Picks an owner by name, unit or phone, searching the server as the user types. */
export function OwnerSelect({ value, onChange, onBlur, id }: OwnerSelectProps) {
  const { t } = useTranslation('catalogue');
  const [search, setSearch] = useState('');
  const options = useOwnerOptions(useDebouncedValue(search, SEARCH_DEBOUNCE_MS));
  // The chosen owner may not be among the current matches; it still needs its label.
  const selected = useOwner(value);
  const rows = options.data?.rows ?? [];
  const chosen = selected.data?.owner;
  const list = chosen && !rows.some((row) => row.id === chosen.id) ? [chosen, ...rows] : rows;
  return (
    <Select<number>
      id={id}
      allowClear
      placeholder={t('form.ownerPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={options.isFetching}
      value={value ?? undefined}
      onChange={(next) => onChange(next ?? null)}
      onBlur={onBlur}
      options={list.map((owner) => ({ value: owner.id, label: ownerLabel(owner) }))}
      notFoundContent={options.isFetching ? undefined : t('form.noOwner')}
    />
  );
}
