import { zodResolver } from '@hookform/resolvers/zod';
import { Input } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/core/contract';
import { LOAN_DAYS_LIMIT, renewalDecisionInput, renewalRequestInput, type Loan, type LoanRenewal } from '../../../electron/core/contract/loans';
import { Field } from '../../ui/field';
import { FormModal } from '../../ui/form-modal';
import { useServerErrors } from '../../ui/forms';
import { useDecideRenewal, useRequestRenewal } from './queries';
import { NumberInput } from '../../ui/NumberInput';

/** 申请续借: asked for before the due date, approved like a loan; at most the loan type's limit again. */
export function RenewalRequestModal({ loan, onClose }: { loan: Loan; onClose: () => void }) {
  const { t } = useTranslation('lending');
  const limit = LOAN_DAYS_LIMIT[loan.loanType];
  const form = useForm<CallInput<'loan-renewal-request'>>({
    resolver: zodResolver(renewalRequestInput),
    defaultValues: { loanId: loan.id, days: limit, reason: '' },
  });
  const onError = useServerErrors(form.setError);
  const renew = useRequestRenewal();
  const onSubmit = form.handleSubmit((values) => renew.mutate(values, { onSuccess: onClose, onError }));
  return (
    <FormModal
      open
      title={t('renewalForm.title')}
      okText={t('actions.renew')}
      onSubmit={onSubmit}
      onCancel={onClose}
      submitting={renew.isPending}
      onShown={() => form.setFocus('reason')}
    >
      <Field control={form.control} name="days" label={t('renewalForm.days')} required>
        {(field) => <NumberInput {...field} style={{ width: 120 }} />}
      </Field>
      <Field control={form.control} name="reason" label={t('renewalForm.reason')} required>
        {(field) => <Input {...field} autoComplete="off" />}
      </Field>
    </FormModal>
  );
}

/** 批准/驳回 a pending renewal; rejecting needs a reason. */
export function RenewalDecisionModal({ renewal, approve, onClose }: { renewal: LoanRenewal; approve: boolean; onClose: () => void }) {
  const { t } = useTranslation('lending');
  const form = useForm<CallInput<'loan-renewal-decide'>>({
    resolver: zodResolver(renewalDecisionInput),
    defaultValues: { id: renewal.id, approve, reason: '' },
  });
  const onError = useServerErrors(form.setError);
  const decide = useDecideRenewal();
  const onSubmit = form.handleSubmit((values) => decide.mutate(values, { onSuccess: onClose, onError }));
  const action = t(approve ? 'actions.approveRenewal' : 'actions.rejectRenewal');
  return (
    <FormModal open title={action} okText={action} onSubmit={onSubmit} onCancel={onClose} submitting={decide.isPending} onShown={() => form.setFocus('reason')}>
      <p>
        {t('renewalForm.days')}: {renewal.days} · {renewal.reason}
      </p>
      <Field control={form.control} name="reason" label={t(approve ? 'fields.decisionReason' : 'actions.rejectReason')} required={!approve}>
        {(field) => <Input {...field} autoComplete="off" />}
      </Field>
    </FormModal>
  );
}
