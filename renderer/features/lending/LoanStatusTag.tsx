import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Loan } from '../../../electron/core/contract/loans';

/** Orange waits on someone, blue is out of the room, green is back, grey went nowhere. */
const STATUS_COLOURS: Record<Loan['status'], string> = {
  requested: 'orange',
  approved: 'cyan',
  rejected: 'default',
  out: 'blue',
  returned: 'green',
  cancelled: 'default',
};

export function LoanStatusTag({ status }: { status: Loan['status'] }) {
  const { t } = useTranslation('lending');
  return <Tag color={STATUS_COLOURS[status]}>{t(`common:enums.loanStatus.${status}`)}</Tag>;
}
