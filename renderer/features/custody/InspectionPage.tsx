import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Flex, Progress, Table, Tag, Typography } from 'antd';
import { Confirm } from '../../ui/Confirm';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspection, InspectionItem, InspectionSummary } from '../../../electron/core/contract/inspections';
import { useErrorText } from '../../ui/forms';
import { ApiError } from '../../api/client';
import { Page } from '../../ui/Page';
import { useCanCall } from '../../ui/access';
import { RegisterExport } from './RegisterExport';
import { QueryState } from '../../ui/QueryState';
import { ApartBoxes } from './ApartBoxes';
import { CabinetWalk } from './CabinetWalk';
import { CheckModal } from './CheckModal';
import { CustodyTabs } from './CustodyTabs';
import { FollowUps } from './FollowUps';
import { InspectionItems } from './InspectionItems';
import { ScanToCheck } from './ScanToCheck';
import { Stocktake } from './Stocktake';
import { useCustodyWrite, useInspection, useInspections, useInspectionStatus, usePrint, useStocktake } from './queries';

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
          {inspection.byCabinet && <Tag>{t('inspection.byCabinetTag')}</Tag>}
          {inspection.status === 'completed' && <Tag color="green">{t('inspection.completed')}</Tag>}
        </Flex>
        {inspection.byCabinet ? (
          <CabinetWalk inspection={inspection} mayCheck={mayCheck} onItem={setChecking} onOpen={open} />
        ) : (
          <>
            {mayCheck && <ScanToCheck inspection={inspection} onItem={setChecking} />}
            <InspectionItems items={inspection.items} onOpen={open} clickable={mayCheck} />
            <ApartBoxes boxes={inspection.apart} />
          </>
        )}
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
  const [byCabinet, setByCabinet] = useState(false);
  return (
    <Card size="small">
      <Flex gap={16} align="center" wrap>
        <Typography.Text>{t('inspection.notStarted', { month })}</Typography.Text>
        {mayStart && (
          <>
            <Checkbox checked={byCabinet} onChange={(e) => setByCabinet(e.target.checked)}>
              {t('inspection.byCabinet')}
            </Checkbox>
            <Confirm
              title={byCabinet ? t('inspection.startByCabinetConfirm') : t('inspection.startConfirm')}
              onConfirm={() => start.mutate({ byCabinet }, { onError: (e) => void message.error(errorText(e)) })}
            >
              <Button type="primary" loading={start.isPending}>
                {t('inspection.start')}
              </Button>
            </Confirm>
          </>
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
