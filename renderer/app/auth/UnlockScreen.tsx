import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/core/contract';
import { appCalls, type AppStatus } from '../../../electron/core/contract/app';
import { call } from '../../api/client';
import { Field, HookForm } from '../../ui/field';
import { applyFieldIssues, useErrorText } from '../../ui/forms';
import { statusQuery } from '../../ui/queries';
import { AuthFrame } from './AuthFrame';

/** The key could not be opened on this PC: the recovery passphrase written down at setup opens it. */
export function UnlockScreen({ status }: { status: AppStatus }) {
  const { t } = useTranslation('app');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const { control, handleSubmit, setError, setFocus } = useForm({
    resolver: zodResolver(appCalls['app-unlock'].input),
    defaultValues: { passphrase: '' },
  });
  const unlock = useMutation({
    mutationFn: (input: CallInput<'app-unlock'>) => call('app-unlock', input),
    onSuccess: (next) => queryClient.setQueryData(statusQuery.queryKey, next),
    onError: (error) => {
      if (!applyFieldIssues(error, setError)) setFocus('passphrase', { shouldSelect: true });
    },
  });

  return (
    <AuthFrame title={t('unlock.title')} siteName={status.siteName} width={460}>
      <HookForm onSubmit={handleSubmit((input) => unlock.mutate(input))}>
        <Alert
          type={status.lockedReason === 'keystore' ? 'warning' : 'info'}
          showIcon
          className="form-alert"
          title={status.lockedReason === 'keystore' ? t('unlock.keystoreTitle') : t('unlock.intro')}
          description={status.lockedReason === 'keystore' ? t('unlock.keystore') : undefined}
        />
        {unlock.isError && <Alert type="error" showIcon className="form-alert" title={errorText(unlock.error)} />}
        <Field control={control} name="passphrase" label={t('unlock.passphrase')}>
          {(field) => <Input.Password {...field} autoFocus autoComplete="off" />}
        </Field>
        <Button type="primary" htmlType="submit" block loading={unlock.isPending}>
          {t('unlock.submit')}
        </Button>
      </HookForm>
    </AuthFrame>
  );
}
