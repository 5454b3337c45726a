import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Input } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/core/contract';
import { passwordChangeInput } from '../../../electron/core/contract/app';
import { call } from '../../api/client';
import { useSession } from '../../api/session-store';
import { Field } from '../../ui/field';
import { FormModal } from '../../ui/form-modal';
import { useServerErrors } from '../../ui/forms';

const EMPTY = { current: '', next: '', nextConfirm: '' };

function clearMustChange(): void {
  const { handle, user, signIn } = useSession.getState();
  if (handle && user) signIn(handle, { ...user, mustChangePassword: false });
}

/** `forced` after a first sign-in or a reset: the user cannot go on until the password is changed. */
export function ChangePasswordModal({ open, forced = false, onClose }: { open: boolean; forced?: boolean; onClose?: () => void }) {
  const { t } = useTranslation('app');
  const { message } = App.useApp();
  const { control, handleSubmit, setError, setFocus, reset } = useForm({ resolver: zodResolver(passwordChangeInput), defaultValues: EMPTY });
  const onError = useServerErrors(setError);
  const change = useMutation({
    mutationFn: (input: CallInput<'session-change-password'>) => call('session-change-password', input),
    onSuccess: () => {
      void message.success(t('password.changed'));
      reset(EMPTY);
      clearMustChange();
      onClose?.();
    },
    onError,
  });

  return (
    <FormModal
      open={open}
      forced={forced}
      title={t('password.title')}
      width={420}
      onSubmit={handleSubmit((input) => change.mutate(input))}
      onCancel={() => {
        reset(EMPTY);
        onClose?.();
      }}
      onShown={() => setFocus('current')}
      submitting={change.isPending}
    >
      {forced && <Alert type="info" showIcon className="form-alert" title={t('password.forcedNotice')} />}
      <Field control={control} name="current" label={t('password.current')} required>
        {(field) => <Input.Password {...field} autoComplete="current-password" />}
      </Field>
      <Field control={control} name="next" label={t('password.next')} required extra={t('password.rule')}>
        {(field) => <Input.Password {...field} autoComplete="new-password" />}
      </Field>
      <Field control={control} name="nextConfirm" label={t('password.nextConfirm')} required>
        {(field) => <Input.Password {...field} autoComplete="new-password" />}
      </Field>
    </FormModal>
  );
}
