import { zodResolver } from '@hookform/resolvers/zod';
import { App, Input, Typography } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CallInput } from '../../../electron/core/contract';
import { destructionProposeInput } from '../../../electron/core/contract/destructions';
import { Field } from '../../ui/field';
import { FormModal } from '../../ui/form-modal';
import { useServerErrors } from '../../ui/forms';
import { custodyPaths } from './paths';
import { useCustodyWrite } from './queries';

type Values = CallInput<'destruction-propose'>;

/** 提出销毁: the boxes picked in the retention report, and the reason; a manager decides next. */
export function ProposeModal({ codes, onClose }: { codes: string[]; onClose: () => void }) {
  const { t } = useTranslation('custody');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const form = useForm<Values>({ resolver: zodResolver(destructionProposeInput), defaultValues: { boxCodes: codes, reason: '保管期限已满' } });
  const onError = useServerErrors(form.setError);
  const propose = useCustodyWrite('destruction-propose');
  const onSubmit = form.handleSubmit((values) =>
    propose.mutate(values, {
      onSuccess: (d) => {
        void message.success(t('destruction.proposed'));
        onClose();
        void navigate(custodyPaths.destruction(d.id));
      },
      onError,
    }),
  );
  return (
    <FormModal
      open
      title={t('destruction.proposeTitle')}
      okText={t('destruction.proposeTitle')}
      onSubmit={onSubmit}
      onCancel={onClose}
      submitting={propose.isPending}
      onShown={() => form.setFocus('reason')}
    >
      <Typography.Paragraph className="mono">{codes.join('、')}</Typography.Paragraph>
      <Field control={form.control} name="reason" label={t('destruction.reason')} required>
        {(field) => <Input {...field} autoComplete="off" />}
      </Field>
    </FormModal>
  );
}
