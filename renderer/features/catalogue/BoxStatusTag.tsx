import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BoxRow } from '../../../db/schema';

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

export function BoxStatusTag({ status }: { status: Status }) {
  const { t } = useTranslation('common');
  return <Tag color={STATUS_COLOURS[status]}>{t(`enums.boxStatus.${status}`)}</Tag>;
}
