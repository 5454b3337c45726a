import { Alert, Button, DatePicker, Flex, Segmented, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { HeldRetentionRow, RetentionRow } from '../../../electron/core/contract/destructions';
import { isoMonth } from '../../../electron/core/contract/fields';
import { RETENTION_CLASSES } from '../../../electron/core/enums';
import { formatAt, orDash, retentionLabel } from '../../ui/format';
import { Page } from '../../ui/Page';
import { useCanCall } from '../../ui/access';
import { BoxStatusTag } from '../../ui/BoxStatusTag';
import { DateInput } from '../../ui/DateInput';
import { CustodyTabs } from './CustodyTabs';
import { ProposeModal } from './ProposeModal';
import { useRetention } from './queries';

type RetentionClass = (typeof RETENTION_CLASSES)[number];
type Mode = 'by' | 'month';

/** The month in the address (?month=2026-03, where the custodian's reminder links), if it is one. */
const monthParam = (params: URLSearchParams): string | null => {
  const month = params.get('month');
  return month && isoMonth.safeParse(month).success ? month : null;
};

/**
 * 保管期限到期报表: boxes whose retention has ended (or ends by a date), or the custodian's monthly
 * list of those ending in one month (this month by default), by class; pick some and propose them
 * for destruction, or open one to appraise it and extend its retention. Held boxes are listed apart.
 */
export function RetentionReport() {
  const { t } = useTranslation(['custody', 'common']);
  // The dates live in the address, so the overview's month bars and the custodian's reminder open the report there.
  const [params, setParams] = useSearchParams();
  const month = monthParam(params);
  const mode: Mode = month ? 'month' : 'by';
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
  const report = useRetention({
    ...(month ? { month } : { by, from: from && from <= by ? from : undefined }),
    retentionClass: retentionClass || undefined,
  });
  const mayPropose = useCanCall('destruction-propose');
  const mayAppraise = useCanCall('box-update');
  const today = dayjs().format('YYYY-MM-DD');
  // Only boxes already past their end, in stock and on no list, can be proposed.
  const proposable = (r: RetentionRow) => r.retentionEnd <= today && r.status === 'in_stock' && !r.proposed;
  const showMonth = (next: string | null) => {
    setSelected([]);
    setParams(next ? { month: next } : {}, { replace: true });
  };
  const data = report.data;
  const common = [
    {
      key: 'code',
      title: t('common.boxCode'),
      width: 150,
      render: (_: unknown, r: Omit<RetentionRow, 'proposed'>) => (
        <Link to={`/boxes/${r.boxId}`} className="mono">
          {r.code}
        </Link>
      ),
    },
    { key: 'title', title: t('common.boxTitle'), dataIndex: 'title', ellipsis: true },
    { key: 'kind', title: t('retention.kind'), width: 90, render: (_: unknown, r: Omit<RetentionRow, 'proposed'>) => t(`common:enums.boxKind.${r.kind}`) },
    { key: 'class', title: t('retention.class'), width: 100, render: (_: unknown, r: Omit<RetentionRow, 'proposed'>) => retentionLabel(t, r) },
    { key: 'end', title: t('retention.end'), dataIndex: 'retentionEnd', width: 110 },
    {
      key: 'location',
      title: t('retention.location'),
      width: 190,
      ellipsis: true,
      render: (_: unknown, r: Omit<RetentionRow, 'proposed'>) => orDash(r.location),
    },
  ];
  return (
    <Page title={t('title')}>
      <CustodyTabs>
        <Flex vertical gap={12}>
          <Flex gap={16} align="center" wrap>
            <Segmented<Mode>
              aria-label={t('retention.mode')}
              value={mode}
              onChange={(next) => showMonth(next === 'month' ? dayjs().format('YYYY-MM') : null)}
              options={[
                { value: 'by', label: t('retention.modeBy') },
                { value: 'month', label: t('retention.modeMonth') },
              ]}
            />
            {month ? (
              <span>
                {t('retention.month')}：
                <DatePicker
                  picker="month"
                  aria-label={t('retention.month')}
                  value={dayjs(`${month}-01`)}
                  allowClear={false}
                  onChange={(value) => value && showMonth(value.format('YYYY-MM'))}
                />
              </span>
            ) : (
              <>
                <label>
                  {t('retention.from')}：<DateInput value={from} onChange={(v) => setDates({ by, from: v })} />
                </label>
                <label>
                  {t('retention.by')}：<DateInput value={by} onChange={(v) => v && setDates({ by: v, from })} allowClear={false} />
                </label>
              </>
            )}
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
          {data?.truncated && <Alert type="warning" showIcon title={t('retention.truncated', { count: data.rows.length })} />}
          <Table<RetentionRow>
            size="small"
            rowKey="code"
            loading={report.isFetching}
            dataSource={data?.rows ?? []}
            pagination={{ pageSize: 100, showSizeChanger: false, hideOnSinglePage: true }}
            locale={{ emptyText: month ? t('retention.monthEmpty', { month }) : t('retention.empty') }}
            rowSelection={
              mayPropose
                ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (r) => ({ disabled: !proposable(r) }) }
                : undefined
            }
            columns={[
              ...common,
              { key: 'items', title: t('common.items'), dataIndex: 'itemCount', width: 60, align: 'right' },
              {
                key: 'status',
                title: t('common.status'),
                width: 150,
                render: (_, r) => (
                  <>
                    {<BoxStatusTag status={r.status} />}
                    {r.proposed && <Tag color="volcano">{t('retention.proposed')}</Tag>}
                  </>
                ),
              },
              ...(mayAppraise
                ? [
                    {
                      key: 'appraise',
                      title: '',
                      width: 90,
                      render: (_: unknown, r: RetentionRow) => <Link to={`/boxes/${r.boxId}/edit`}>{t('retention.appraise')}</Link>,
                    },
                  ]
                : []),
            ]}
          />
          {data && data.held.length > 0 && (
            <>
              <Typography.Text strong>{t('retention.held', { count: data.heldExcluded })}</Typography.Text>
              <Table<HeldRetentionRow>
                size="small"
                rowKey="code"
                dataSource={data.held}
                pagination={{ pageSize: 100, showSizeChanger: false, hideOnSinglePage: true }}
                columns={[
                  ...common,
                  { key: 'reason', title: t('retention.holdReason'), dataIndex: 'holdReason', ellipsis: true },
                  { key: 'since', title: t('retention.heldSince'), width: 140, render: (_, r) => formatAt(r.heldSince) },
                  { key: 'by', title: t('retention.heldBy'), dataIndex: 'heldByName', width: 110 },
                ]}
              />
            </>
          )}
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
