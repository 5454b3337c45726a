import { Alert, Button, Flex, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { RetentionRow } from '../../../electron/core/contract/destructions';
import { RETENTION_CLASSES } from '../../../electron/core/enums';
import { retentionLabel } from '../../ui/format';
import { Page } from '../../ui/Page';
import { useCanCall } from '../../ui/access';
import { BoxStatusTag } from '../../ui/BoxStatusTag';
import { DateInput } from '../../ui/DateInput';
import { CustodyTabs } from './CustodyTabs';
import { ProposeModal } from './ProposeModal';
import { useRetention } from './queries';

type RetentionClass = (typeof RETENTION_CLASSES)[number];

/** 保管期限到期报表: boxes whose retention has ended (or ends by a date), by class; pick some and propose them for destruction. */
export function RetentionReport() {
  const { t } = useTranslation(['custody', 'common']);
  // The dates live in the address, so the overview's month bars open the report on that month.
  const [params, setParams] = useSearchParams();
  const dateParam = (key: string) => {
    const value = params.get(key);
    return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).isValid() ? value : null;
  };
  const by = dateParam('by') ?? dayjs().format('YYYY-MM-DD');
  const from = dateParam('from');
  const setDates = (next: { by: string; from: string | null }) =>
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v !== null)) as Record<string, string>, { replace: true });
  const [retentionClass, setClass] = useState<RetentionClass | ''>('');
  const [selected, setSelected] = useState<string[]>([]);
  const [proposing, setProposing] = useState(false);
  const report = useRetention({ by, from: from && from <= by ? from : undefined, retentionClass: retentionClass || undefined });
  const mayPropose = useCanCall('destruction-propose');
  const today = dayjs().format('YYYY-MM-DD');
  // Only boxes already past their end, in stock and on no list, can be proposed.
  const proposable = (r: RetentionRow) => r.retentionEnd <= today && r.status === 'in_stock' && !r.proposed;
  const data = report.data;
  return (
    <Page title={t('title')}>
      <CustodyTabs>
        <Flex vertical gap={12}>
          <Flex gap={16} align="center" wrap>
            <label>
              {t('retention.from')}：<DateInput value={from} onChange={(v) => setDates({ by, from: v })} />
            </label>
            <label>
              {t('retention.by')}：<DateInput value={by} onChange={(v) => v && setDates({ by: v, from })} allowClear={false} />
            </label>
            <Select<RetentionClass | ''>
              style={{ width: 160 }}
              aria-label={t('retention.class')}
              value={retentionClass}
              onChange={setClass}
              options={[
                { value: '', label: t('retention.allClasses') },
                ...RETENTION_CLASSES.filter((c) => c !== 'permanent').map((c) => ({ value: c, label: t(`common:enums.retentionClass.${c}`) })),
              ]}
            />
            {mayPropose && (
              <Button type="primary" danger disabled={selected.length === 0} onClick={() => setProposing(true)}>
                {t('retention.propose', { count: selected.length })}
              </Button>
            )}
          </Flex>
          {data && data.heldExcluded > 0 && <Alert type="info" showIcon title={t('retention.heldExcluded', { count: data.heldExcluded })} />}
          {data?.truncated && <Alert type="warning" showIcon title={t('retention.truncated', { count: data.rows.length })} />}
          <Table<RetentionRow>
            size="small"
            rowKey="code"
            loading={report.isFetching}
            dataSource={data?.rows ?? []}
            pagination={{ pageSize: 100, showSizeChanger: false }}
            locale={{ emptyText: t('retention.empty') }}
            rowSelection={
              mayPropose
                ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (r) => ({ disabled: !proposable(r) }) }
                : undefined
            }
            columns={[
              {
                key: 'code',
                title: t('common.boxCode'),
                width: 150,
                render: (_, r) => (
                  <Link to={`/boxes/${r.boxId}`} className="mono">
                    {r.code}
                  </Link>
                ),
              },
              { key: 'title', title: t('common.boxTitle'), dataIndex: 'title', ellipsis: true },
              { key: 'class', title: t('retention.class'), width: 110, render: (_, r) => retentionLabel(t, r) },
              { key: 'start', title: t('retention.start'), dataIndex: 'retentionStart', width: 110 },
              { key: 'end', title: t('retention.end'), dataIndex: 'retentionEnd', width: 110 },
              { key: 'items', title: t('common.items'), dataIndex: 'itemCount', width: 60, align: 'right' },
              {
                key: 'status',
                title: t('common.status'),
                width: 160,
                render: (_, r) => (
                  <>
                    {<BoxStatusTag status={r.status} />}
                    {r.proposed && <Tag color="volcano">{t('retention.proposed')}</Tag>}
                  </>
                ),
              },
            ]}
          />
        </Flex>
      </CustodyTabs>
      {proposing && (
        <ProposeModal
          codes={selected}
          onClose={() => {
            setProposing(false);
            setSelected([]);
          }}
        />
      )}
    </Page>
  );
}
