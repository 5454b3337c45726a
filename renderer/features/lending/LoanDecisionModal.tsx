import { zodResolver } from '@hookform/resolvers/zod';
import { Input, Switch } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/core/contract';
import { loanDecisionInput, type Loan } from '../../../electron/core/contract/loans';
import { Field } from '../../ui/field';
import { FormModal } from '../../ui/form-modal';
import { useServerErrors } from '../../ui/forms';
import { useDecideLoan } from './queries';

type Values = CallInput<'loan-decide'>;

/** 批准 or 驳回 a request; approving a request that asked to copy also decides that, separately (§4.6.2). */
export function LoanDecisionModal({ loan, approve, onClose }: { loan: Loan; approve: boolean; onClose: () => void }) {
  const { t } = useTranslation('lending');
  const form = useForm<Values>({ resolver: zodResolver(loanDecisionInput), defaultValues: { id: loan.id, approve, copyAllowed: false, reason: '' } });
  const onError = useServerErrors(form.setError);
  const decide = useDecideLoan();
  const onSubmit = form.handleSubmit((values) => decide.mutate(values, { onSuccess: onClose, onError }));
  return (
    <FormModal
      open
      title={`${t(approve ? 'actions.approve' : 'actions.reject')} · ${loan.loanNo}`}
      okText={t(approve ? 'actions.approve' : 'actions.reject')}
      onSubmit={onSubmit}
      onCancel={onClose}
      submitting={decide.isPending}
      onShown={() => form.setFocus('reason')}
    >
      {approve && loan.copyRequested && (
        <Field control={form.control} name="copyAllowed" label={t('actions.allowCopy')}>
          {({ id, value, onChange, ref }) => <Switch id={id} ref={ref} checked={value} onChange={onChange} />}
        </Field>
      )}
      <Field control={form.control} name="reason" label={t(approve ? 'fields.decisionReason' : 'actions.rejectReason')} required={!approve}>
        {(field) => <Input {...field} autoComplete="off" />}
      </Field>
    </FormModal>
  );
}
