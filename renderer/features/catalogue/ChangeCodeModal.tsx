import { zodResolver } from '@hookform/resolvers/zod';
import { Input, Typography } from 'antd';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/core/contract';
import { boxCodeChangeInput, type BoxDetail } from '../../../electron/core/contract/boxes';
import { Field } from '../../ui/field';
import { FormModal } from '../../ui/form-modal';
import { useServerErrors } from '../../ui/forms';
import { useChangeBoxCode } from './queries';

/** 更改档号: a new code and why; the old one stays the box's former code, found by scan and search. */
export function ChangeCodeModal({ box, onClose }: { box: BoxDetail['box']; onClose: () => void }) {
  const { t } = useTranslation('catalogue');
  const form = useForm<CallInput<'box-code-change'>>({ resolver: zodResolver(boxCodeChangeInput), defaultValues: { id: box.id, code: '', reason: '' } });
  const onError = useServerErrors(form.setError);
  const change = useChangeBoxCode();
  const submit = form.handleSubmit((values) => change.mutate(values, { onSuccess: onClose, onError }));
  return (
    <FormModal
      open
      title={t('codeChange.title', { code: box.code })}
      width={520}
      okText={t('codeChange.submit')}
      onSubmit={submit}
      onCancel={onClose}
      onShown={() => form.setFocus('code')}
      submitting={change.isPending}
    >
      <FormProvider {...form}>
        <Typography.Paragraph type="secondary">{t('codeChange.explain', { code: box.code })}</Typography.Paragraph>
        <Field control={form.control} name="code" label={t('codeChange.newCode')} required>
          {(field) => (
            <Input {...field} onChange={(e) => field.onChange(e.target.value.toUpperCase())} className="mono" autoComplete="off" spellCheck={false} />
          )}
        </Field>
        <Field control={form.control} name="reason" label={t('codeChange.reason')} required>
          {(field) => <Input.TextArea {...field} rows={2} placeholder={t('codeChange.reasonPlaceholder')} />}
        </Field>
      </FormProvider>
    </FormModal>
  );
}
