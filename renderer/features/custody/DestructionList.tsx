import { Flex, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DESTRUCTION_STATUSES, type DestructionSummary } from '../../../electron/core/contract/destructions';
import { Page } from '../../ui/Page';
import { formatAt } from '../../ui/format';
import { CustodyTabs } from './CustodyTabs';
import { RegisterExport } from './RegisterExport';
import { custodyPaths } from './paths';
import { useDestructions } from './queries';
import { DestructionStatusTag } from './StatusTags';

/** 销毁清册: every proposal, newest first; new ones start from the retention report. */
export function DestructionList() {
  const { t } = useTranslation('custody');
  const navigate = useNavigate();
  const [status, setStatus] = useState<DestructionSummary['status'] | ''>('');
  const list = useDestructions({ status: status || undefined, limit: 200 });
  const open = (row: DestructionSummary) => void navigate(custodyPaths.destruction(row.id));
  return (
    <Page title={t('title')}>
      <CustodyTabs>
        <Flex vertical gap={12}>
          <Flex gap={8}>
            <Select<DestructionSummary['status'] | ''>
              style={{ width: 200 }}
              aria-label={t('common.status')}
              value={status}
              onChange={setStatus}
              options={[
                { value: '', label: t('common.allStatuses') },
                ...DESTRUCTION_STATUSES.map((s) => ({ value: s, label: t(`common:enums.destructionStatus.${s}`) })),
              ]}
            />
            <RegisterExport name="destruction-export" input={{ status: status || undefined }} />
          </Flex>
          <Table<DestructionSummary>
            size="middle"
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.rows ?? []}
            pagination={false}
            locale={{ emptyText: t('common.empty') }}
            onRow={(row) => ({ onClick: () => open(row), onKeyDown: (e) => e.key === 'Enter' && open(row), tabIndex: 0, className: 'clickable-row' })}
            columns={[
              { key: 'no', title: t('destruction.no'), dataIndex: 'registerNo', width: 150, render: (no: string) => <span className="mono">{no}</span> },
              { key: 'reason', title: t('destruction.reason'), dataIndex: 'reason', ellipsis: true },
              { key: 'count', title: t('common.boxCount'), dataIndex: 'boxCount', width: 70, align: 'right' },
              { key: 'by', title: t('destruction.proposedBy'), dataIndex: 'proposedByName', width: 130 },
              { key: 'status', title: t('common.status'), width: 150, render: (_, r) => <DestructionStatusTag status={r.status} /> },
              { key: 'on', title: t('destruction.destroyedOn'), width: 120, render: (_, r) => r.destroyedOn ?? formatAt(r.proposedAt) },
            ]}
          />
        </Flex>
      </CustodyTabs>
    </Page>
  );
}
