import { ClearOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DebouncedInput } from '../../ui/DebouncedInput';
import { ISO_DAY, type AuditFilters as Filters } from './auditParams';
import { actionLabel, entityLabel } from './labels';
import { useAuditChoices } from './queries';

/** Filter values as the address keeps them: ids, strings, and the date range as local days. */
export type FilterParams = Partial<Record<keyof Filters, string | number>>;

interface AuditFiltersProps {
  filters: Filters;
  onChange: (values: FilterParams) => void;
}

/** Quick ranges for the questions auditors ask most: today, the past week, this month. */
function useRangePresets() {
  const { t } = useTranslation('audit');
  const today = dayjs();
  return [
    { label: t('filters.today'), value: [today.startOf('day'), today.endOf('day')] as [Dayjs, Dayjs] },
    { label: t('filters.lastWeek'), value: [today.subtract(6, 'day').startOf('day'), today.endOf('day')] as [Dayjs, Dayjs] },
    { label: t('filters.thisMonth'), value: [today.startOf('month'), today.endOf('day')] as [Dayjs, Dayjs] },
  ];
}

export function AuditFilters({ filters, onChange }: AuditFiltersProps) {
  const { t } = useTranslation('audit');
  const choices = useAuditChoices().data;
  const presets = useRangePresets();
  const active = Object.values(filters).some((value) => value !== undefined);
  // Entries by the system (id null) cannot be asked for by user id.
  const actors = (choices?.actors ?? []).flatMap((actor) => (actor.id === null ? [] : [{ value: actor.id, label: actor.name }]));

  return (
    <Flex gap={8} wrap align="center">
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('filters.actorId')}
        aria-label={t('filters.actorId')}
        style={{ width: 150 }}
        value={filters.actorId}
        onChange={(actorId) => onChange({ actorId })}
        options={actors}
      />
      <Select
        allowClear
        placeholder={t('filters.entity')}
        aria-label={t('filters.entity')}
        style={{ width: 140 }}
        value={filters.entity}
        onChange={(entity) => onChange({ entity })}
        options={(choices?.entities ?? []).map((entity) => ({ value: entity, label: entityLabel(t, entity) }))}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('filters.action')}
        aria-label={t('filters.action')}
        style={{ width: 160 }}
        value={filters.action}
        onChange={(action) => onChange({ action })}
        options={(choices?.actions ?? []).map((action) => ({ value: action, label: actionLabel(t, action) }))}
      />
      <DebouncedInput
        allowClear
        placeholder={t('filters.boxCode')}
        aria-label={t('filters.boxCode')}
        style={{ width: 170 }}
        value={filters.boxCode ?? ''}
        onSettle={(boxCode) => onChange({ boxCode: boxCode.trim().toUpperCase() })}
        spellCheck={false}
      />
      <DatePicker.RangePicker
        aria-label={t('filters.dates')}
        placeholder={[t('filters.from'), t('filters.to')]}
        presets={presets}
        value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
        allowEmpty={[true, true]}
        onChange={(range) => onChange({ from: range?.[0]?.format(ISO_DAY), to: range?.[1]?.format(ISO_DAY) })}
      />
      {active && (
        <Button
          type="link"
          icon={<ClearOutlined />}
          onClick={() => onChange({ actorId: undefined, entity: undefined, action: undefined, boxCode: undefined, from: undefined, to: undefined })}
        >
          {t('filters.clear')}
        </Button>
      )}
    </Flex>
  );
}
