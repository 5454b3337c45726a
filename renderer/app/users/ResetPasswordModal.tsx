import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Input } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { userResetPasswordInput, type PublicUser } from '../../../electron/core/contract/app';
import { call } from '../../api/client';
import { PASSWORD_MISMATCH, passwordConfirmShape, passwordsMatch } from '../../ui/confirm-password';
import { Field } from '../../ui/field';
import { FormModal } from '../../ui/form-modal';
import { useServerErrors } from '../../ui/forms';

const resetForm = userResetPasswordInput.safeExtend(passwordConfirmShape).refine(passwordsMatch, PASSWORD_MISMATCH);

export function ResetPasswordModal({ user, onClose }: { user: PublicUser; onClose: () => void }) {
  const { t } = useTranslation('app');
  const { message } = App.useApp();
  const { control, handleSubmit, setError, setFocus } = useForm({
    resolver: zodResolver(resetForm),
    defaultValues: { id: user.id, password: '', passwordConfirm: '' },
  });
  const onError = useServerErrors(setError);
  const resetPassword = useMutation({
    mutationFn: ({ passwordConfirm: _, ...input }: z.output<typeof resetForm>) => call('user-reset-password', input),
    onSuccess: () => {
      void message.success(t('users.passwordReset', { name: user.displayName }));
      onClose();
    },
    onError,
  });

  return (
    <FormModal
      open
      title={t('users.resetTitle', { name: user.displayName, username: user.username })}
      width={420}
      okText={t('users.resetPassword')}
      onSubmit={handleSubmit((values) => resetPassword.mutate(values))}
      onCancel={onClose}
      onShown={() => setFocus('password')}
      submitting={resetPassword.isPending}
    >
      <Alert type="info" showIcon className="form-alert" title={t('users.resetHint')} />
      <Field control={control} name="password" label={t('password.next')} required extra={t('password.rule')}>
        {(field) => <Input.Password {...field} autoComplete="new-password" />}
      </Field>
      <Field control={control} name="passwordConfirm" label={t('password.nextConfirm')} required>
        {(field) => <Input.Password {...field} autoComplete="new-password" />}
      </Field>
    </FormModal>
  );
}
