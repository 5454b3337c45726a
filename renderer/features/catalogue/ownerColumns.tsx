import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnerListRow } from '../../../electron/core/contract/owners';
import { formatDate, orDash } from '../../ui/format';

export function useOwnerColumns(): TableColumnsType<OwnerListRow> {
  const { t } = useTranslation(['catalogue', 'common']);
  return useMemo(
    () => [
      { key: 'name', title: t('owners.name'), dataIndex: 'name', ellipsis: true },
      { key: 'unit', title: t('fields.unitNo'), width: 110, render: (_, o) => orDash(o.unitNo) },
      { key: 'floor', title: t('fields.floor'), width: 70, render: (_, o) => orDash(o.floor) },
      { key: 'businessType', title: t('owners.businessType'), width: 90, render: (_, o) => t(`common:enums.businessType.${o.businessType}`) },
      { key: 'contact', title: t('owners.contactPerson'), width: 100, render: (_, o) => orDash(o.contactPerson) },
      { key: 'phone', title: t('owners.phone'), width: 130, render: (_, o) => orDash(o.phone) },
      { key: 'leaseStart', title: t('owners.leaseStart'), width: 110, render: (_, o) => formatDate(o.leaseStart) },
      { key: 'moveOut', title: t('owners.moveOutDate'), width: 110, render: (_, o) => formatDate(o.moveOutDate) },
      { key: 'boxes', title: t('owners.boxCount'), width: 90, align: 'right', dataIndex: 'boxCount' },
    ],
    [t],
  );
}
