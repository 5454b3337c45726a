import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TRANSFER_STATUSES, type TransferSummary } from '../../../electron/core/contract/transfers';
import { Page } from '../../ui/Page';
import { useCanCall } from '../../ui/access';
import { RegisterExport } from './RegisterExport';
import { formatAt } from '../../ui/format';
import { CustodyTabs } from './CustodyTabs';
import { custodyPaths } from './paths';
import { useTransfers } from './queries';
import { TransferStatusTag } from './StatusTags';

/** 移交单: every order, newest first, narrowed by status. */
export function TransferList() {
  const { t } = useTranslation('custody');
  const navigate = useNavigate();
  const [status, setStatus] = useState<TransferSummary['status'] | ''>('');
  const list = useTransfers({ status: status || undefined, limit: 200 });
  const mayCreate = useCanCall('transfer-create');
  const open = (row: TransferSummary) => void navigate(custodyPaths.transfer(row.id));
  return (
    <Page
      title={t('title')}
      extra={
        mayCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(custodyPaths.newTransfer)}>
            {t('transfer.new')}
          </Button>
        )
      }
    >
      <CustodyTabs>
        <Flex vertical gap={12}>
          <Flex gap={8}>
            <Select<TransferSummary['status'] | ''>
              style={{ width: 200 }}
              aria-label={t('common.status')}
              value={status}
              onChange={setStatus}
              options={[
                { value: '', label: t('common.allStatuses') },
                ...TRANSFER_STATUSES.map((s) => ({ value: s, label: t(`common:enums.transferStatus.${s}`) })),
              ]}
            />
            <RegisterExport name="transfer-export" input={{ status: status || undefined }} />
          </Flex>
          <Table<TransferSummary>
            size="middle"
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.rows ?? []}
            pagination={false}
            locale={{ emptyText: t('common.empty') }}
            onRow={(row) => ({ onClick: () => open(row), onKeyDown: (e) => e.key === 'Enter' && open(row), tabIndex: 0, className: 'clickable-row' })}
            columns={[
              { key: 'no', title: t('transfer.no'), dataIndex: 'transferNo', width: 150, render: (no: string) => <span className="mono">{no}</span> },
              { key: 'from', title: t('transfer.from'), dataIndex: 'fromDepartment', width: 150, ellipsis: true },
              { key: 'to', title: t('transfer.to'), dataIndex: 'toDepartment', width: 150, ellipsis: true },
              { key: 'reason', title: t('transfer.reason'), dataIndex: 'reason', ellipsis: true },
              { key: 'count', title: t('common.boxCount'), dataIndex: 'boxCount', width: 70, align: 'right' },
              {
                key: 'collectBy',
                title: t('transfer.collectBy'),
                width: 130,
                render: (_, r) =>
                  r.collectBy && (
                    <Typography.Text type={r.collectOverdue ? 'danger' : undefined}>
                      {r.collectBy}
                      {r.collectOverdue && ` ${t('transfer.overdue')}`}
                    </Typography.Text>
                  ),
              },
              { key: 'status', title: t('common.status'), width: 140, render: (_, r) => <TransferStatusTag status={r.status} /> },
              { key: 'at', title: t('common.at'), width: 150, render: (_, r) => formatAt(r.signedAt ?? r.requestedAt) },
            ]}
          />
        </Flex>
      </CustodyTabs>
    </Page>
  );
}
