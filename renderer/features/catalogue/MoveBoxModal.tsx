import { zodResolver } from '@hookform/resolvers/zod';
import { Input, Typography } from 'antd';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/core/contract';
import { boxMoveInput, type BoxDetail } from '../../../electron/core/contract/boxes';
import { Field } from '../../ui/field';
import { FormModal } from '../../ui/form-modal';
import { useServerErrors } from '../../ui/forms';
import { formatLocation } from '../../ui/format';
import { LocationFields } from './LocationFields';
import { useMoveBox } from './queries';

/** 移位: a new shelf place and the reason, which the location history keeps. */
export function MoveBoxModal({ box, onClose }: { box: BoxDetail['box']; onClose: () => void }) {
  const { t } = useTranslation('catalogue');
  const form = useForm<CallInput<'box-move'>>({
    resolver: zodResolver(boxMoveInput),
    defaultValues: { id: box.id, reason: '', ...(box.locationId === null ? {} : { locationId: box.locationId }) },
  });
  const onError = useServerErrors(form.setError);
  const move = useMoveBox();
  const submit = form.handleSubmit((values) => move.mutate(values, { onSuccess: onClose, onError }));

  return (
    <FormModal
      open
      title={t('move.title', { code: box.code })}
      width={600}
      okText={t('move.submit')}
      onSubmit={submit}
      onCancel={onClose}
      onShown={() => form.setFocus('reason')}
      submitting={move.isPending}
    >
      <FormProvider {...form}>
        <Typography.Paragraph type="secondary">{t('move.current', { location: formatLocation(box) })}</Typography.Paragraph>
        <LocationFields />
        <Field control={form.control} name="reason" label={t('fields.moveReason')} required>
          {(field) => <Input {...field} autoComplete="off" placeholder={t('move.reasonPlaceholder')} />}
        </Field>
      </FormProvider>
    </FormModal>
  );
}
