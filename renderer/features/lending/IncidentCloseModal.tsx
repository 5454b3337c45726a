import { zodResolver } from '@hookform/resolvers/zod';
import { App, Input, Typography } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/core/contract';
import { incidentCloseInput, type Incident } from '../../../electron/core/contract/loans';
import { Field } from '../../ui/field';
import { FormModal } from '../../ui/form-modal';
import { useServerErrors } from '../../ui/forms';
import { useCloseIncident } from './queries';

type Values = CallInput<'incident-close'>;

/** 结案: how the damage or loss was settled. A closed incident cannot be reopened, so it is confirmed first. */
export function IncidentCloseModal({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const { t } = useTranslation('lending');
  const { t: tc } = useTranslation('common');
  const { modal } = App.useApp();
  const form = useForm<Values>({ resolver: zodResolver(incidentCloseInput), defaultValues: { id: incident.id, resolution: '' } });
  const onError = useServerErrors(form.setError);
  const close = useCloseIncident();
  const onSubmit = form.handleSubmit((values) => {
    void modal.confirm({
      title: t('incidentClose.confirm'),
      content: t('incidentClose.confirmText'),
      okText: t('incidentClose.submit'),
      cancelText: tc('actions.cancel'),
      onOk: () => new Promise<void>((resolve) => close.mutate(values, { onSuccess: onClose, onError, onSettled: () => resolve() })),
    });
  });
  return (
    <FormModal
      open
      title={t('incidentClose.title')}
      okText={t('incidentClose.submit')}
      onSubmit={onSubmit}
      onCancel={onClose}
      submitting={close.isPending}
      onShown={() => form.setFocus('resolution')}
    >
      <Typography.Paragraph type="secondary">
        {t(`common:enums.incidentKind.${incident.kind}`)}：{incident.description}
      </Typography.Paragraph>
      <Field control={form.control} name="resolution" label={t('detail.resolution')} required>
        {(field) => <Input.TextArea {...field} autoSize={{ minRows: 3, maxRows: 6 }} />}
      </Field>
    </FormModal>
  );
}
