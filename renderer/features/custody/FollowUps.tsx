import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Card, Input, Table } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CallInput } from '../../../electron/core/contract';
import { followUpCloseInput, type FollowUp } from '../../../electron/core/contract/inspections';
import { Field } from '../../ui/field';
import { FormModal } from '../../ui/form-modal';
import { useServerErrors } from '../../ui/forms';
import { useCanCall } from '../../ui/access';
import { useCustodyWrite, useFollowUps } from './queries';
import { followUpText } from './follow-up-text';

function CloseModal({ followUp, onClose }: { followUp: FollowUp; onClose: () => void }) {
  const { t } = useTranslation('custody');
  const form = useForm<CallInput<'follow-up-close'>>({ resolver: zodResolver(followUpCloseInput), defaultValues: { id: followUp.id, resolution: '' } });
  const onError = useServerErrors(form.setError);
  const close = useCustodyWrite('follow-up-close');
  const { message } = App.useApp();
  const onSubmit = form.handleSubmit((values) =>
    close.mutate(values, {
      onSuccess: () => {
        void message.success(t('inspection.closedDone', { code: followUp.boxCode }));
        onClose();
      },
      onError,
    }),
  );
  return (
    <FormModal
      open
      title={`${t('inspection.close')} · ${followUp.boxCode}`}
      okText={t('inspection.close')}
      onSubmit={onSubmit}
      onCancel={onClose}
      submitting={close.isPending}
      onShown={() => form.setFocus('resolution')}
    >
      <Field control={form.control} name="resolution" label={t('inspection.resolution')} required>
        {(field) => <Input {...field} autoComplete="off" />}
      </Field>
    </FormModal>
  );
}

/** Findings still open, whatever month found them, each with its owner, until someone closes it. */
export function FollowUps() {
  const { t } = useTranslation('custody');
  const list = useFollowUps();
  const mayClose = useCanCall('follow-up-close');
  const [closing, setClosing] = useState<FollowUp | null>(null);
  return (
    <Card size="small" title={t('inspection.followUps')}>
      <Table<FollowUp>
        size="small"
        rowKey="id"
        pagination={false}
        loading={list.isFetching}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('inspection.noFollowUps') }}
        columns={[
          { key: 'month', title: t('inspection.month'), dataIndex: 'month', width: 90 },
          {
            key: 'code',
            title: t('common.boxCode'),
            width: 150,
            render: (_, f) => (
              <Link to={`/boxes/${f.boxId}`} className="mono">
                {f.boxCode}
              </Link>
            ),
          },
          {
            key: 'findings',
            title: t('inspection.findings'),
            render: (_, f) => followUpText(t, f),
          },
          { key: 'owner', title: t('inspection.owner'), dataIndex: 'owner', width: 100 },
          {
            key: 'close',
            width: 100,
            render: (_, f) =>
              mayClose && (
                <Button size="small" onClick={() => setClosing(f)}>
                  {t('inspection.close')}
                </Button>
              ),
          },
        ]}
      />
      {closing && <CloseModal followUp={closing} onClose={() => setClosing(null)} />}
    </Card>
  );
}
