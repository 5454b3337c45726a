import { zodResolver } from '@hookform/resolvers/zod';
import { Input, Radio } from 'antd';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/core/contract';
import { loanReturnInput, RETURN_CONDITIONS, type Loan } from '../../../electron/core/contract/loans';
import { Field } from '../../ui/field';
import { BoxDocumentsSelect } from './BoxDocumentsSelect';
import { FormModal } from '../../ui/form-modal';
import { useServerErrors } from '../../ui/forms';
import { useReturnLoan } from './queries';

type Values = CallInput<'loan-return'>;

/**
 * 归还验收: the custodian checks the box. Anything but 完好 is an incident, described with the
 * people responsible (§4.5.3); 缺件 names the missing documents from the box's contents.
 */
export function ReturnModal({ loan, onClose }: { loan: Loan; onClose: () => void }) {
  const { t } = useTranslation('lending');
  const form = useForm<Values>({
    resolver: zodResolver(loanReturnInput),
    defaultValues: { id: loan.id, condition: 'intact', missingDocumentIds: [], incident: { description: '', responsible: '', followUp: '' } },
  });
  const { control } = form;
  const condition = useWatch({ control, name: 'condition' });
  const onError = useServerErrors(form.setError);
  const giveBack = useReturnLoan();
  const onSubmit = form.handleSubmit((values) => giveBack.mutate(values, { onSuccess: onClose, onError }));
  return (
    <FormModal
      open
      width={640}
      title={`${t('returnForm.title')} · ${loan.boxCode}`}
      okText={t('returnForm.title')}
      onSubmit={onSubmit}
      onCancel={onClose}
      submitting={giveBack.isPending}
    >
      <Field control={control} name="condition" label={t('returnForm.condition')} required>
        {({ id, value, onChange }) => (
          <Radio.Group
            id={id}
            value={value}
            optionType="button"
            onChange={(event) => {
              onChange(event.target.value);
              // Only 缺件 names documents; a list left over from it would contradict 完好.
              if (event.target.value !== 'documents_missing') form.setValue('missingDocumentIds', []);
            }}
            options={RETURN_CONDITIONS.map((c) => ({ value: c, label: t(`common:enums.returnCondition.${c}`) }))}
          />
        )}
      </Field>
      {condition === 'documents_missing' && (
        <Field control={control} name="missingDocumentIds" label={t('returnForm.missing')} required>
          {(field) => <BoxDocumentsSelect boxId={loan.boxId} {...field} />}
        </Field>
      )}
      {condition !== 'intact' && (
        <>
          <Field control={control} name="incident.description" label={t('returnForm.description')} required>
            {(field) => <Input.TextArea {...field} autoSize={{ minRows: 2, maxRows: 5 }} />}
          </Field>
          <Field control={control} name="incident.responsible" label={t('returnForm.responsible')} required>
            {(field) => <Input {...field} autoComplete="off" />}
          </Field>
          <Field control={control} name="incident.followUp" label={t('returnForm.followUp')}>
            {(field) => <Input {...field} autoComplete="off" />}
          </Field>
        </>
      )}
    </FormModal>
  );
}
