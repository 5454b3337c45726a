import { CheckCircleTwoTone, CloseCircleTwoTone, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Progress, Table, Tag, Typography, type InputRef } from 'antd';
import { Confirm } from '../../ui/Confirm';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspection, InspectionItem, InspectionSummary } from '../../../electron/core/contract/inspections';
import { useErrorText } from '../../ui/forms';
import { ApiError } from '../../api/client';
import { Page } from '../../ui/Page';
import { useCanCall } from '../../ui/access';
import { RegisterExport } from './RegisterExport';
import { QueryState } from '../../ui/QueryState';
import { CheckModal } from './CheckModal';
import { CustodyTabs } from './CustodyTabs';
import { FollowUps } from './FollowUps';
import { Stocktake } from './Stocktake';
import { useCustodyWrite, useInspection, useInspections, useInspectionStatus, usePrint, useStocktake } from './queries';

const mark = (v: boolean | null) =>
  v === null ? '' : v ? <CheckCircleTwoTone twoToneColor="#52c41a" aria-label="✓" /> : <CloseCircleTwoTone twoToneColor="#cf1322" aria-label="✗" />;

/** The scan box of an inspection: a scan marks the box present and opens its check. */
function ScanToCheck({ inspection, onItem }: { inspection: Inspection; onItem: (item: InspectionItem) => void }) {
  const { t } = useTranslation('custody');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [code, setCode] = useState('');
  const ref = useRef<InputRef>(null);
  const scan = useCustodyWrite('inspection-scan');
  const submit = () => {
    const scanned = code.trim();
    if (!scanned || scan.isPending) return;
    scan.mutate(
      { inspectionId: inspection.id, code: scanned },
      {
        onSuccess: (item) => {
          setCode('');
          onItem(item);
        },
        onError: (error) => {
          void message.warning(errorText(error));
          ref.current?.focus({ cursor: 'all' });
        },
      },
    );
  };
  return (
    <Input
      ref={ref}
      size="large"
      className="mono"
      aria-label={t('inspection.scanHint')}
      placeholder={t('inspection.scanHint')}
      value={code}
      onChange={(e) => setCode(e.target.value.toUpperCase())}
      onPressEnter={submit}
      autoFocus
      autoComplete="off"
      spellCheck={false}
    />
  );
}

function InspectionView({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation('custody');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [checking, setChecking] = useState<InspectionItem | null>(null);
  const mayCheck = useCanCall('inspection-check') && inspection.status === 'open';
  const complete = useCustodyWrite('inspection-complete');
  const print = usePrint('inspection-record-pdf');
  const onError = (error: unknown) => void message.error(errorText(error));
  const open = (item: InspectionItem) => mayCheck && setChecking(item);
  const remaining = inspection.total - inspection.checked;
  return (
    <Card
      size="small"
      title={t('inspection.title', { kind: t(`common:enums.inspectionKind.${inspection.kind}`), month: inspection.month })}
      extra={
        <Flex gap={8}>
          {mayCheck &&
            (remaining > 0 ? (
              // Refused by the service until every box is checked: say so instead of asking first.
              <Flex gap={8} align="center">
                <Typography.Text type="secondary">{errorText(new ApiError({ code: 'INSPECTION_INCOMPLETE', params: { remaining } }))}</Typography.Text>
                <Button type="primary" disabled>
                  {t('inspection.complete')}
                </Button>
              </Flex>
            ) : (
              <Confirm
                title={t('inspection.completeConfirm')}
                onConfirm={() => complete.mutate({ id: inspection.id }, { onSuccess: () => void message.success(t('inspection.completed')), onError })}
              >
                <Button type="primary" loading={complete.isPending}>
                  {t('inspection.complete')}
                </Button>
              </Confirm>
            ))}
          <Button icon={<PrinterOutlined />} loading={print.isPending} onClick={() => print.mutate(inspection.id, { onError })}>
            {t('common.print')}
          </Button>
          <RegisterExport name="inspection-export" input={{ id: inspection.id }} />
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={16} align="center">
          <Progress percent={inspection.total ? Math.round((inspection.checked / inspection.total) * 100) : 100} style={{ maxWidth: 320 }} />
          <Typography.Text>
            {t('inspection.progress', { checked: inspection.checked, total: inspection.total, findings: inspection.withFindings })}
          </Typography.Text>
          {inspection.status === 'completed' && <Tag color="green">{t('inspection.completed')}</Tag>}
        </Flex>
        {mayCheck && <ScanToCheck inspection={inspection} onItem={setChecking} />}
        <Table<InspectionItem>
          size="small"
          rowKey="id"
          dataSource={inspection.items}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          onRow={(item) => ({
            onClick: () => open(item),
            onKeyDown: (e) => e.key === 'Enter' && open(item),
            tabIndex: 0,
            className: mayCheck ? 'clickable-row' : undefined,
          })}
          columns={[
            { key: 'seq', title: t('inspection.seq'), dataIndex: 'seq', width: 60 },
            { key: 'code', title: t('common.boxCode'), dataIndex: 'code', width: 150, render: (c: string) => <span className="mono">{c}</span> },
            { key: 'title', title: t('common.boxTitle'), dataIndex: 'title', ellipsis: true },
            { key: 'location', title: t('inspection.location'), dataIndex: 'location', width: 200, ellipsis: true },
            { key: 'present', title: t('inspection.present'), width: 60, align: 'center', render: (_, i) => mark(i.present) },
            { key: 'complete', title: t('inspection.complete_'), width: 60, align: 'center', render: (_, i) => i.checkedAt && mark(i.complete) },
            { key: 'filed', title: t('inspection.correctlyFiled'), width: 80, align: 'center', render: (_, i) => i.checkedAt && mark(i.correctlyFiled) },
            { key: 'condition', title: t('inspection.condition'), width: 70, render: (_, i) => i.condition && t(`common:enums.boxCondition.${i.condition}`) },
            {
              key: 'findings',
              title: t('inspection.findings'),
              width: 220,
              render: (_, i) =>
                i.checkedAt === null ? (
                  <Typography.Text type="secondary">{t('inspection.unchecked')}</Typography.Text>
                ) : (
                  i.findings.map((f) => (
                    <Tag key={f} color="red">
                      {t(`common:enums.finding.${f}`)}
                    </Tag>
                  ))
                ),
            },
          ]}
        />
      </Flex>
      {checking && <CheckModal item={checking} onClose={() => setChecking(null)} />}
    </Card>
  );
}

function StartInspection({ month }: { month: string }) {
  const { t } = useTranslation('custody');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const start = useCustodyWrite('inspection-start');
  const mayStart = useCanCall('inspection-start');
  return (
    <Card size="small">
      <Flex gap={16} align="center">
        <Typography.Text>{t('inspection.notStarted', { month })}</Typography.Text>
        {mayStart && (
          <Confirm title={t('inspection.startConfirm')} onConfirm={() => start.mutate({}, { onError: (e) => void message.error(errorText(e)) })}>
            <Button type="primary" loading={start.isPending}>
              {t('inspection.start')}
            </Button>
          </Confirm>
        )}
      </Flex>
    </Card>
  );
}

function Current({ summary }: { summary: InspectionSummary }) {
  const query = useInspection(summary.id);
  return <QueryState query={query}>{(inspection) => <InspectionView inspection={inspection} />}</QueryState>;
}

function History() {
  const { t } = useTranslation('custody');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const list = useInspections();
  const print = usePrint('inspection-record-pdf');
  return (
    <Card size="small" title={t('inspection.history')}>
      <Table<InspectionSummary>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('common.empty') }}
        columns={[
          { key: 'month', title: t('inspection.month'), dataIndex: 'month', width: 100 },
          { key: 'kind', title: t('inspection.kind'), width: 100, render: (_, i) => t(`common:enums.inspectionKind.${i.kind}`) },
          { key: 'by', title: t('common.requestedBy'), dataIndex: 'startedByName', width: 140 },
          { key: 'progress', render: (_, i) => t('inspection.progress', { checked: i.checked, total: i.total, findings: i.withFindings }) },
          {
            key: 'status',
            width: 90,
            render: (_, i) => (i.status === 'completed' ? <Tag color="green">{t('inspection.completed')}</Tag> : <Tag>{t('inspection.unchecked')}</Tag>),
          },
          {
            key: 'print',
            width: 180,
            render: (_, i) => (
              <Flex gap={8}>
                <Button size="small" icon={<PrinterOutlined />} onClick={() => print.mutate(i.id, { onError: (e) => void message.error(errorText(e)) })}>
                  {t('common.print')}
                </Button>
                <RegisterExport name="inspection-export" input={{ id: i.id }} size="small" />
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** 月度检查 (§4.8): this month's inspection, the full stocktake of the year, the findings still open, and the months before. */
export function InspectionPage() {
  const { t } = useTranslation('custody');
  const status = useInspectionStatus();
  const stocktake = useStocktake();
  return (
    <Page title={t('title')}>
      <CustodyTabs>
        <QueryState query={status}>
          {(s) => (
            <Flex vertical gap={16}>
              {s.current ? <Current summary={s.current} /> : <StartInspection month={s.month} />}
              {stocktake.data && <Stocktake status={stocktake.data} />}
              {stocktake.data?.open && <Current summary={stocktake.data.open} />}
              <FollowUps />
              <History />
            </Flex>
          )}
        </QueryState>
      </CustodyTabs>
    </Page>
  );
}
