import { Card, Descriptions, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BoxDetail } from '../../../electron/core/contract/boxes';
import { formatDate, formatLocation, formatTimestamp, formatYears, orDash, retentionLabel } from '../../ui/format';
import { paths } from '../../ui/paths';

/** 保管期限: class, and the day it counts from (often the tenant's move-out). */
function useRetentionText(box: BoxDetail['box']): string {
  const { t } = useTranslation(['catalogue', 'common']);
  const label = retentionLabel(t, box);
  return box.retentionStart ? t('retention.from', { label, date: formatDate(box.retentionStart) }) : label;
}

export function BoxInfo({ detail }: { detail: BoxDetail }) {
  const { t } = useTranslation(['catalogue', 'common']);
  const { box, owner } = detail;
  const retention = useRetentionText(box);
  const items: DescriptionsProps['items'] = [
    { key: 'owner', label: t('fields.owner'), children: owner ? <Link to={paths.owner(owner.id)}>{owner.name}</Link> : orDash(null) },
    { key: 'unit', label: t('fields.unitNo'), children: orDash(owner?.unitNo) },
    { key: 'floor', label: t('fields.floor'), children: orDash(owner?.floor) },
    { key: 'location', label: t('fields.location'), children: formatLocation(box) },
    { key: 'confidentiality', label: t('fields.confidentiality'), children: t(`common:enums.confidentiality.${box.confidentiality}`) },
    { key: 'retention', label: t('fields.retention'), children: retention },
    { key: 'years', label: t('fields.years'), children: formatYears(box.yearFrom, box.yearTo) },
    { key: 'created', label: t('fields.created'), children: t('box.createdBy', { name: box.createdByName, at: formatTimestamp(box.createdAt) }) },
    { key: 'updated', label: t('fields.updatedAt'), children: formatTimestamp(box.updatedAt) },
  ];
  if (box.note) items.push({ key: 'note', label: t('fields.note'), children: <span className="cat-pre">{box.note}</span>, span: 'filled' });
  return (
    <Card title={t('detail.info')}>
      <Descriptions size="small" column={{ xs: 1, md: 2, xxl: 3 }} items={items} />
    </Card>
  );
}
