import { Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoxListRow } from '../../../electron/core/contract/boxes';
import { BOX_KINDS, BOX_STATUSES } from '../../../electron/core/enums';
import { StatusTag } from '../../ui/BoxStatusTag';
import { formatLocation, orDash, retentionLabel } from '../../ui/format';

/** Each value's label, translated once: the cells of a scrolled list render dozens of rows per frame. */
function labelsOf<K extends string>(keys: readonly K[], label: (key: K) => string): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, label(key)])) as Record<K, string>;
}

/** The catalogue's columns; widths are fixed because a virtual table cannot measure its rows. */
export function useBoxColumns(): TableColumnsType<BoxListRow> {
  const { t } = useTranslation(['catalogue', 'common']);
  return useMemo(() => {
    const kinds = labelsOf(BOX_KINDS, (kind) => t(`common:enums.boxKind.${kind}`));
    const statuses = labelsOf(BOX_STATUSES, (status) => t(`common:enums.boxStatus.${status}`));
    const retentions = new Map<string, string>();
    const retention = (box: BoxListRow) => {
      const key = `${box.retentionClass}:${box.retentionYears}`;
      let label = retentions.get(key);
      if (label === undefined) {
        label = retentionLabel(t, box);
        retentions.set(key, label);
      }
      return label;
    };
    return [
      { key: 'code', title: t('fields.code'), dataIndex: 'code', width: 150, render: (code: string) => <span className="mono">{code}</span> },
      {
        key: 'title',
        title: t('fields.title'),
        ellipsis: true,
        render: (_, box) => (
          <>
            {box.title}
            {box.volume > 1 && <Typography.Text type="secondary"> {t('box.volume', { volume: box.volume })}</Typography.Text>}
          </>
        ),
      },
      { key: 'owner', title: t('fields.owner'), width: 160, ellipsis: true, render: (_, box) => orDash(box.ownerName) },
      { key: 'unit', title: t('fields.unitNo'), width: 90, render: (_, box) => orDash(box.ownerUnit) },
      { key: 'floor', title: t('fields.floor'), width: 64, render: (_, box) => orDash(box.ownerFloor) },
      { key: 'kind', title: t('fields.kind'), width: 110, render: (_, box) => kinds[box.kind] },
      { key: 'location', title: t('fields.location'), width: 180, ellipsis: true, render: (_, box) => formatLocation(box) },
      { key: 'status', title: t('fields.status'), width: 100, render: (_, box) => <StatusTag status={box.status} label={statuses[box.status]} /> },
      { key: 'retention', title: t('fields.retention'), width: 100, render: (_, box) => retention(box) },
    ];
  }, [t]);
}
