import { zodResolver } from '@hookform/resolvers/zod';
import { App, Input } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { destructionDecisionInput } from '../../../electron/core/contract/destructions';
import { transferDecisionInput } from '../../../electron/core/contract/transfers';
import { Field } from '../../ui/field';
import { FormModal } from '../../ui/form-modal';
import { useServerErrors } from '../../ui/forms';
import { useCustodyWrite } from './queries';

interface Values {
  id: number;
  approve: boolean;
  reason: string;
}

/** 批准 or 驳回 a transfer order or a destruction list; a rejection needs its reason. */
export function DecisionModal({
  call,
  id,
  no,
  approve,
  onClose,
}: {
  call: 'transfer-decide' | 'destruction-decide';
  id: number;
  no: string;
  approve: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('custody');
  const schema = call === 'transfer-decide' ? transferDecisionInput : destructionDecisionInput;
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { id, approve, reason: '' } });
  const onError = useServerErrors(form.setError);
  const decide = useCustodyWrite(call);
  const { message } = App.useApp();
  const label = t(approve ? 'common.approve' : 'common.reject');
  const onSubmit = form.handleSubmit((values) =>
    decide.mutate(values, {
      onSuccess: () => {
        void message.success(t(approve ? 'common.approvedDone' : 'common.rejectedDone', { no }));
        onClose();
      },
      onError,
    }),
  );
  return (
    <FormModal
      open
      title={`${label} · ${no}`}
      okText={label}
      onSubmit={onSubmit}
      onCancel={onClose}
      submitting={decide.isPending}
      onShown={() => form.setFocus('reason')}
    >
      <Field control={form.control} name="reason" label={t(approve ? 'common.decisionReason' : 'common.rejectReason')} required={!approve}>
        {(field) => <Input {...field} autoComplete="off" />}
      </Field>
    </FormModal>
  );
}
