import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Space, Table, Typography } from 'antd';
import { Confirm } from '../../ui/Confirm';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SignOffSide, Transfer } from '../../../electron/core/contract/transfers';
import { useSession } from '../../api/session-store';
import { useErrorText } from '../../ui/forms';
import { Page } from '../../ui/Page';
import { useCanCall } from '../../ui/access';
import { RefusedAction } from '../../ui/RefusedAction';
import { BoxStatusTag } from '../../ui/BoxStatusTag';
import { NotFound } from '../../ui/NotFound';
import { QueryState } from '../../ui/QueryState';
import { useIdParam } from '../../ui/useIdParam';
import { formatAt } from '../../ui/format';
import { CustodyTabs } from './CustodyTabs';
import { DecisionModal } from './DecisionModal';
import { useCustodyWrite, usePrint, useTransfer } from './queries';
import { SignOffModal } from './SignOffModal';
import { TransferStatusTag } from './StatusTags';

type Dialog = { kind: 'decide'; approve: boolean } | { kind: 'signOff' } | null;

function Signed({ side }: { side: SignOffSide | null }) {
  const { t } = useTranslation('custody');
  if (!side) return null;
  return (
    <Space direction="vertical" size={2}>
      <span>
        {side.name}
        {!side.signature && <Typography.Text type="secondary">（{t('transfer.passwordConfirmed')}）</Typography.Text>}
      </span>
      {side.signature && <img src={side.signature} alt={`${side.name} ${t('transfer.signature')}`} className="signature-image" />}
    </Space>
  );
}

function TransferActions({ transfer }: { transfer: Transfer }) {
  const { t } = useTranslation('custody');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const user = useSession((s) => s.user);
  const [dialog, setDialog] = useState<Dialog>(null);
  const cancel = useCustodyWrite('transfer-cancel');
  const print = usePrint('transfer-sheet-pdf');
  const onError = (error: unknown) => void message.error(errorText(error));
  const open = transfer.status === 'requested' || transfer.status === 'approved';
  const mayDecide = useCanCall('transfer-decide');
  const ownRequest = transfer.requestedById === user?.id;
  const maySign = useCanCall('transfer-sign-off');
  const mayCancel = useCanCall('transfer-cancel');
  return (
    <Space wrap>
      {transfer.status === 'requested' && mayDecide && ownRequest && <RefusedAction labels={[t('common.approve'), t('common.reject')]} code="SELF_APPROVAL" />}
      {transfer.status === 'requested' && mayDecide && !ownRequest && (
        <>
          <Button type="primary" onClick={() => setDialog({ kind: 'decide', approve: true })}>
            {t('common.approve')}
          </Button>
          <Button danger onClick={() => setDialog({ kind: 'decide', approve: false })}>
            {t('common.reject')}
          </Button>
        </>
      )}
      {transfer.status === 'approved' && maySign && (
        <Button type="primary" onClick={() => setDialog({ kind: 'signOff' })}>
          {t('transfer.signOff')}
        </Button>
      )}
      {open && mayCancel && (
        <Confirm
          title={t('transfer.cancelConfirm')}
          onConfirm={() =>
            cancel.mutate({ id: transfer.id }, { onSuccess: () => void message.success(t('common.cancelledDone', { no: transfer.transferNo })), onError })
          }
        >
          <Button loading={cancel.isPending}>{t('transfer.cancel')}</Button>
        </Confirm>
      )}
      <Button icon={<PrinterOutlined />} loading={print.isPending} onClick={() => print.mutate(transfer.id, { onError })}>
        {t('common.print')}
      </Button>
      {dialog?.kind === 'decide' && (
        <DecisionModal call="transfer-decide" id={transfer.id} no={transfer.transferNo} approve={dialog.approve} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'signOff' && <SignOffModal transfer={transfer} onClose={() => setDialog(null)} />}
    </Space>
  );
}

function TransferView({ transfer }: { transfer: Transfer }) {
  const { t } = useTranslation('custody');
  return (
    <Page title={t('transfer.detail', { no: transfer.transferNo })} extra={<TransferActions transfer={transfer} />}>
      <CustodyTabs>
        <Flex vertical gap={16}>
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
              <Descriptions.Item label={t('common.status')}>
                <TransferStatusTag status={transfer.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('transfer.from')}>{transfer.fromDepartment}</Descriptions.Item>
              <Descriptions.Item label={t('transfer.to')}>{transfer.toDepartment}</Descriptions.Item>
              <Descriptions.Item label={t('transfer.reason')} span={2}>
                {transfer.reason}
              </Descriptions.Item>
              {transfer.personnelMoveDate && (
                <Descriptions.Item label={t('transfer.collectBy')}>
                  <Typography.Text type={transfer.collectOverdue ? 'danger' : undefined} strong>
                    {transfer.collectBy}
                    {transfer.collectOverdue && ` ${t('transfer.overdue')}`}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    （{t('transfer.moveDate')} {transfer.personnelMoveDate}）
                  </Typography.Text>
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('common.requestedBy')}>
                {transfer.requestedByName} {formatAt(transfer.requestedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('common.approvedBy')}>
                {transfer.decidedByName} {formatAt(transfer.decidedAt)} {transfer.decisionReason}
              </Descriptions.Item>
              {transfer.signedAt && <Descriptions.Item label={t('transfer.signedAt')}>{formatAt(transfer.signedAt)}</Descriptions.Item>}
              {transfer.handover && (
                <Descriptions.Item label={t('transfer.handover')}>
                  <Signed side={transfer.handover} />
                </Descriptions.Item>
              )}
              {transfer.receiver && (
                <Descriptions.Item label={t('transfer.receiver')}>
                  <Signed side={transfer.receiver} />
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Table
            size="small"
            rowKey="boxId"
            pagination={false}
            dataSource={transfer.boxes}
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
              { key: 'items', title: t('common.items'), dataIndex: 'itemCount', width: 70, align: 'right' },
              { key: 'status', title: t('common.status'), width: 100, render: (_, b) => <BoxStatusTag status={b.status} /> },
            ]}
          />
        </Flex>
      </CustodyTabs>
    </Page>
  );
}

function TransferLoader({ id }: { id: number }) {
  const query = useTransfer(id);
  return <QueryState query={query}>{(transfer) => <TransferView transfer={transfer} />}</QueryState>;
}

/** One transfer order: its boxes, who approved, who handed over and who received. */
export function TransferDetailPage() {
  const id = useIdParam();
  return id === null ? <NotFound /> : <TransferLoader id={id} />;
}
