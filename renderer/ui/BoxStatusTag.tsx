import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BoxRow } from '../../electron/core/rows';

type Status = BoxRow['status'];

/** Colours a clerk reads at a glance: green is on the shelf, red is trouble, grey is gone for good. */
const STATUS_COLOURS: Record<Status, string> = {
  in_stock: 'green',
  on_loan: 'blue',
  transferred: 'purple',
  pending_destruction: 'orange',
  destroyed: 'default',
  missing: 'red',
};

/** With its label given: a list renders many, and a translation hook in each costs a list's scroll frames. */
export function StatusTag({ status, label }: { status: Status; label: string }) {
  return <Tag color={STATUS_COLOURS[status]}>{label}</Tag>;
}

export function BoxStatusTag({ status }: { status: Status }) {
  const { t } = useTranslation('common');
  return <StatusTag status={status} label={t(`enums.boxStatus.${status}`)} />;
}
