import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Space, Table } from 'antd';
import { Confirm } from '../../ui/Confirm';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Destruction } from '../../../electron/core/contract/destructions';
import { useSession } from '../../api/session-store';
import { useErrorText } from '../../ui/forms';
import { Page } from '../../ui/Page';
import { useCanCall } from '../../ui/access';
import { RefusedAction } from '../../ui/RefusedAction';
import { BoxStatusTag } from '../../ui/BoxStatusTag';
import { NotFound } from '../../ui/NotFound';
import { QueryState } from '../../ui/QueryState';
import { useIdParam } from '../../ui/useIdParam';
import { formatAt, retentionLabel } from '../../ui/format';
import { CustodyTabs } from './CustodyTabs';
import { DecisionModal } from './DecisionModal';
import { ExecuteModal } from './ExecuteModal';
import { useCustodyWrite, useDestruction, usePrint } from './queries';
import { DestructionStatusTag } from './StatusTags';

type Dialog = { kind: 'decide'; approve: boolean } | { kind: 'execute' } | null;

function DestructionActions({ destruction }: { destruction: Destruction }) {
  const { t } = useTranslation('custody');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const user = useSession((s) => s.user);
  const [dialog, setDialog] = useState<Dialog>(null);
  const cancel = useCustodyWrite('destruction-cancel');
  const print = usePrint('destruction-register-pdf');
  const onError = (error: unknown) => void message.error(errorText(error));
  const mayDecide = useCanCall('destruction-decide');
  const ownRequest = destruction.proposedById === user?.id;
  const mayExecute = useCanCall('destruction-execute');
  const mayCancel = useCanCall('destruction-cancel');
  const open = destruction.status === 'proposed' || destruction.status === 'approved';
  return (
    <Space wrap>
      {destruction.status === 'proposed' && mayDecide && ownRequest && (
        <RefusedAction labels={[t('common.approve'), t('common.reject')]} code="SELF_APPROVAL" />
      )}
      {destruction.status === 'proposed' && mayDecide && !ownRequest && (
        <>
          <Button type="primary" onClick={() => setDialog({ kind: 'decide', approve: true })}>
            {t('common.approve')}
          </Button>
          <Button danger onClick={() => setDialog({ kind: 'decide', approve: false })}>
            {t('common.reject')}
          </Button>
        </>
      )}
      {destruction.status === 'approved' && mayExecute && (
        <Button type="primary" danger onClick={() => setDialog({ kind: 'execute' })}>
          {t('destruction.execute')}
        </Button>
      )}
      {open && mayCancel && (
        <Confirm
          title={t('destruction.cancelConfirm')}
          onConfirm={() =>
            cancel.mutate({ id: destruction.id }, { onSuccess: () => void message.success(t('common.cancelledDone', { no: destruction.registerNo })), onError })
          }
        >
          <Button loading={cancel.isPending}>{t('destruction.cancel')}</Button>
        </Confirm>
      )}
      <Button icon={<PrinterOutlined />} loading={print.isPending} onClick={() => print.mutate(destruction.id, { onError })}>
        {t('common.print')}
      </Button>
      {dialog?.kind === 'decide' && (
        <DecisionModal call="destruction-decide" id={destruction.id} no={destruction.registerNo} approve={dialog.approve} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'execute' && <ExecuteModal destruction={destruction} onClose={() => setDialog(null)} />}
    </Space>
  );
}

function DestructionView({ destruction: d }: { destruction: Destruction }) {
  const { t } = useTranslation(['custody', 'common']);
  return (
    <Page title={t('destruction.detail', { no: d.registerNo })} extra={<DestructionActions destruction={d} />}>
      <CustodyTabs>
        <Flex vertical gap={16}>
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
              <Descriptions.Item label={t('common.status')}>
                <DestructionStatusTag status={d.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('destruction.reason')}>{d.reason}</Descriptions.Item>
              <Descriptions.Item label={t('destruction.proposedBy')}>
                {d.proposedByName} {formatAt(d.proposedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('common.approvedBy')}>
                {d.decidedByName} {formatAt(d.decidedAt)} {d.decisionReason}
              </Descriptions.Item>
              {d.method && (
                <Descriptions.Item label={t('destruction.method')}>
                  {t(`common:enums.destructionMethod.${d.method}`)}
                  {d.methodNote && `（${d.methodNote}）`}
                </Descriptions.Item>
              )}
              {d.destroyedOn && <Descriptions.Item label={t('destruction.destroyedOn')}>{d.destroyedOn}</Descriptions.Item>}
              {d.executorName && <Descriptions.Item label={t('destruction.executor')}>{d.executorName}</Descriptions.Item>}
              {d.supervisors && (
                <Descriptions.Item label={`${t('destruction.supervisor1')} / ${t('destruction.supervisor2')}`}>{d.supervisors.join('、')}</Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Table
            size="small"
            rowKey="boxId"
            pagination={false}
            dataSource={d.boxes}
            columns={[
              { key: 'n', title: '#', width: 48, render: (_, __, i) => i + 1 },
              {
                key: 'code',
                title: t('common.boxCode'),
                width: 160,
                render: (_, b) => (
                  <Link to={`/boxes/${b.boxId}`} className="mono">
                    {b.code}
                  </Link>
                ),
              },
              { key: 'title', title: t('common.boxTitle'), dataIndex: 'title', ellipsis: true },
              { key: 'years', title: t('destruction.years'), width: 110, render: (_, b) => [b.yearFrom, b.yearTo].filter((y) => y !== null).join('–') },
              { key: 'class', title: t('retention.class'), width: 100, render: (_, b) => retentionLabel(t, b) },
              { key: 'end', title: t('destruction.retentionEnd'), dataIndex: 'retentionEnd', width: 110 },
              { key: 'items', title: t('common.items'), dataIndex: 'itemCount', width: 60, align: 'right' },
              { key: 'status', title: t('common.status'), width: 100, render: (_, b) => <BoxStatusTag status={b.status} /> },
            ]}
          />
        </Flex>
      </CustodyTabs>
    </Page>
  );
}

function DestructionLoader({ id }: { id: number }) {
  const query = useDestruction(id);
  return <QueryState query={query}>{(d) => <DestructionView destruction={d} />}</QueryState>;
}

/** One destruction list: the boxes, the approval, and once carried out the method, date, executor and supervisors. */
export function DestructionDetailPage() {
  const id = useIdParam();
  return id === null ? <NotFound /> : <DestructionLoader id={id} />;
}
