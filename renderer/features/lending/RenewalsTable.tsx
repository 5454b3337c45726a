import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LoanRenewal } from '../../../electron/core/contract/loans';
import { formatAt } from '../../ui/format';

const RENEWAL_COLOURS: Record<LoanRenewal['status'], string> = { requested: 'orange', approved: 'green', rejected: 'default' };

export function RenewalsTable({ renewals }: { renewals: LoanRenewal[] }) {
  const { t } = useTranslation('lending');
  return (
    <Card title={t('detail.renewals')} size="small">
      <Table<LoanRenewal>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={renewals}
        locale={{ emptyText: t('detail.noRenewals') }}
        columns={[
          { key: 'requestedAt', title: t('fields.requested'), render: (_, r) => t('detail.by', { name: r.requestedByName, at: formatAt(r.requestedAt) }) },
          { key: 'days', title: t('detail.renewalDays'), dataIndex: 'days', width: 80 },
          { key: 'reason', title: t('detail.reason'), dataIndex: 'reason' },
          {
            key: 'status',
            title: t('fields.status'),
            width: 90,
            render: (_, r) => <Tag color={RENEWAL_COLOURS[r.status]}>{t(`common:enums.renewalStatus.${r.status}`)}</Tag>,
          },
          {
            key: 'decided',
            title: t('detail.decidedBy'),
            render: (_, r) =>
              r.decidedByName && [t('detail.by', { name: r.decidedByName, at: formatAt(r.decidedAt) }), r.decisionReason].filter(Boolean).join(' · '),
          },
          { key: 'newDueDate', title: t('detail.newDueDate'), dataIndex: 'newDueDate', width: 110 },
        ]}
      />
    </Card>
  );
}
