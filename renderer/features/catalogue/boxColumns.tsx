import { Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoxListRow } from '../../../electron/contract/boxes';
import { BoxStatusTag } from './BoxStatusTag';
import { formatLocation, orDash, retentionLabel } from './format';

/** The catalogue's columns; widths are fixed because a virtual table cannot measure its rows. */
export function useBoxColumns(): TableColumnsType<BoxListRow> {
  const { t } = useTranslation(['catalogue', 'common']);
  return useMemo(
    () => [
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
      { key: 'kind', title: t('fields.kind'), width: 110, render: (_, box) => t(`common:enums.boxKind.${box.kind}`) },
      { key: 'location', title: t('fields.location'), width: 180, ellipsis: true, render: (_, box) => formatLocation(box) },
      { key: 'status', title: t('fields.status'), width: 100, render: (_, box) => <BoxStatusTag status={box.status} /> },
      { key: 'retention', title: t('fields.retention'), width: 100, render: (_, box) => retentionLabel(t, box) },
    ],
    [t],
  );
}
