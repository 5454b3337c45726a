import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Destruction } from '../../../electron/core/contract/destructions';
import type { Transfer } from '../../../electron/core/contract/transfers';

const TRANSFER_COLORS: Record<Transfer['status'], string> = { requested: 'gold', approved: 'blue', rejected: 'red', cancelled: 'default', signed: 'green' };
const DESTRUCTION_COLORS: Record<Destruction['status'], string> = {
  proposed: 'gold',
  approved: 'blue',
  rejected: 'red',
  cancelled: 'default',
  executed: 'volcano',
};

export function TransferStatusTag({ status }: { status: Transfer['status'] }) {
  const { t } = useTranslation('custody');
  return <Tag color={TRANSFER_COLORS[status]}>{t(`common:enums.transferStatus.${status}`)}</Tag>;
}

export function DestructionStatusTag({ status }: { status: Destruction['status'] }) {
  const { t } = useTranslation('custody');
  return <Tag color={DESTRUCTION_COLORS[status]}>{t(`common:enums.destructionStatus.${status}`)}</Tag>;
}
