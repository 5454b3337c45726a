import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Input } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/core/contract';
import { loginInput } from '../../../electron/core/contract/app';
import { call } from '../../api/client';
import { useSession } from '../../api/session-store';
import { Field, HookForm } from '../../ui/field';
import { applyFieldIssues, useErrorText } from '../../ui/forms';
import { AuthFrame } from './AuthFrame';

export function LoginScreen({ siteName }: { siteName: string | null }) {
  const { t } = useTranslation('app');
  const errorText = useErrorText();
  const expired = useSession((s) => s.expired);
  const { control, handleSubmit, setError, setFocus, resetField } = useForm({
    resolver: zodResolver(loginInput),
    defaultValues: { username: '', password: '' },
  });
  const login = useMutation({
    mutationFn: (input: CallInput<'session-login'>) => call('session-login', input),
    onSuccess: ({ handle, user }) => useSession.getState().signIn(handle, user),
    onError: (error) => {
      if (applyFieldIssues(error, setError)) return;
      // A wrong password is typed again from scratch.
      resetField('password');
      setFocus('password');
    },
  });

  return (
    <AuthFrame title={t('login.title')} siteName={siteName}>
      <HookForm onSubmit={handleSubmit((input) => login.mutate(input))}>
        {expired && !login.isError && <Alert type="warning" showIcon className="form-alert" title={t('login.expired')} />}
        {login.isError && <Alert type="error" showIcon className="form-alert" title={errorText(login.error)} />}
        <Field control={control} name="username" label={t('login.username')}>
          {(field) => <Input {...field} autoFocus autoComplete="username" />}
        </Field>
        <Field control={control} name="password" label={t('login.password')}>
          {(field) => <Input.Password {...field} autoComplete="current-password" />}
        </Field>
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          {t('login.submit')}
        </Button>
      </HookForm>
    </AuthFrame>
  );
}
