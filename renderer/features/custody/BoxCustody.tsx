import { LockOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Card, Descriptions, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CallInput } from '../../../electron/core/contract';
import { holdLiftInput, holdPlaceInput, type Hold } from '../../../electron/core/contract/holds';
import { Field } from '../../ui/field';
import { FormModal } from '../../ui/form-modal';
import { useServerErrors } from '../../ui/forms';
import { useCanCall } from '../../ui/access';
import { formatAt } from '../../ui/format';
import { custodyPaths } from './paths';
import { useBoxCustody, useCustodyWrite } from './queries';
import { DestructionStatusTag, TransferStatusTag } from './StatusTags';

type Dialog = { kind: 'place' } | { kind: 'lift'; hold: Hold } | null;

function PlaceHoldModal({ boxId, onClose }: { boxId: number; onClose: () => void }) {
  const { t } = useTranslation('custody');
  const form = useForm<CallInput<'hold-place'>>({ resolver: zodResolver(holdPlaceInput), defaultValues: { boxId, reason: '' } });
  const onError = useServerErrors(form.setError);
  const place = useCustodyWrite('hold-place');
  const { message } = App.useApp();
  const onSubmit = form.handleSubmit((values) =>
    place.mutate(values, {
      onSuccess: (hold) => {
        void message.success(t('holds.placed', { reason: hold.reason }));
        onClose();
      },
      onError,
    }),
  );
  return (
    <FormModal
      open
      title={t('holds.placeTitle')}
      okText={t('holds.place')}
      onSubmit={onSubmit}
      onCancel={onClose}
      submitting={place.isPending}
      onShown={() => form.setFocus('reason')}
    >
      <Typography.Paragraph type="secondary">{t('holds.hint')}</Typography.Paragraph>
      <Field control={form.control} name="reason" label={t('holds.reason')} required>
        {(field) => <Input {...field} autoComplete="off" />}
      </Field>
    </FormModal>
  );
}

function LiftHoldModal({ hold, onClose }: { hold: Hold; onClose: () => void }) {
  const { t } = useTranslation('custody');
  const form = useForm<CallInput<'hold-lift'>>({ resolver: zodResolver(holdLiftInput), defaultValues: { id: hold.id, reason: '' } });
  const onError = useServerErrors(form.setError);
  const lift = useCustodyWrite('hold-lift');
  const { message } = App.useApp();
  const onSubmit = form.handleSubmit((values) =>
    lift.mutate(values, {
      onSuccess: () => {
        void message.success(t('holds.liftedDone'));
        onClose();
      },
      onError,
    }),
  );
  return (
    <FormModal
      open
      title={`${t('holds.lift')} · ${hold.reason}`}
      okText={t('holds.lift')}
      onSubmit={onSubmit}
      onCancel={onClose}
      submitting={lift.isPending}
      onShown={() => form.setFocus('reason')}
    >
      <Field control={form.control} name="reason" label={t('holds.liftReason')} required>
        {(field) => <Input {...field} autoComplete="off" />}
      </Field>
    </FormModal>
  );
}

/**
 * 冻结 / 解除冻结 among the box header's buttons: a hold is placed at the desk the moment a dispute
 * or audit comes up, so it sits where the eye is, not at the foot of a long page.
 */
export function BoxHoldAction({ boxId }: { boxId: number }) {
  const { t } = useTranslation('custody');
  const data = useBoxCustody(boxId).data;
  const mayHold = useCanCall('hold-place');
  const [dialog, setDialog] = useState<Dialog>(null);
  if (!mayHold || !data) return null;
  const active = data.holds.find((h) => h.liftedAt === null);
  return (
    <>
      {active ? (
        <Button onClick={() => setDialog({ kind: 'lift', hold: active })}>{t('holds.lift')}</Button>
      ) : (
        <Button danger icon={<LockOutlined />} onClick={() => setDialog({ kind: 'place' })}>
          {t('holds.place')}
        </Button>
      )}
      {dialog?.kind === 'place' && <PlaceHoldModal boxId={boxId} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'lift' && <LiftHoldModal hold={dialog.hold} onClose={() => setDialog(null)} />}
    </>
  );
}

/** The box page's custody card: who holds it, its holds 冻结 (placed and lifted from the header), its transfers and the register that destroyed it. */
export function BoxCustody({ boxId }: { boxId: number }) {
  const { t } = useTranslation('custody');
  const custody = useBoxCustody(boxId);
  const data = custody.data;
  const active = data?.holds.find((h) => h.liftedAt === null);
  return (
    <Card title={t('title')}>
      {data && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('holds.custodian')}>{data.custodianDepartment || t('holds.archive')}</Descriptions.Item>
            <Descriptions.Item label={t('holds.title')}>
              {active ? (
                <Tag color="red">
                  {t('holds.active')}：{active.reason}
                </Tag>
              ) : (
                t('holds.none')
              )}
            </Descriptions.Item>
            {data.destruction && (
              <Descriptions.Item label={t('holds.destroyedBy')}>
                <Link to={custodyPaths.destruction(data.destruction.id)} className="mono">
                  {data.destruction.registerNo}
                </Link>{' '}
                <DestructionStatusTag status={data.destruction.status} /> {data.destruction.destroyedOn}
              </Descriptions.Item>
            )}
          </Descriptions>
          {data.transfers.length > 0 && (
            <List
              size="small"
              header={t('holds.transfers')}
              dataSource={data.transfers}
              renderItem={(tr) => (
                <List.Item>
                  <Link to={custodyPaths.transfer(tr.id)} className="mono">
                    {tr.transferNo}
                  </Link>
                  <span>→ {tr.toDepartment}</span>
                  <TransferStatusTag status={tr.status} />
                </List.Item>
              )}
            />
          )}
          {data.holds
            .filter((h) => h.liftedAt !== null)
            .map((h) => (
              <Typography.Text key={h.id} type="secondary" style={{ display: 'block' }}>
                {t('holds.lifted')}：{h.reason}（{h.placedByName} {formatAt(h.placedAt)}；{h.liftedByName} {formatAt(h.liftedAt)} {h.liftReason}）
              </Typography.Text>
            ))}
        </Space>
      )}
    </Card>
  );
}
