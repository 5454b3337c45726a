import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Input, Typography } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { loginInput } from '../../../electron/core/contract/app';
import { call } from '../../api/client';
import { useSession } from '../../api/session-store';
import { DESK_NAME_MAX, deskName, isLan, setDeskName } from '../../api/transport';
import { Field, HookForm } from '../../ui/field';
import { applyFieldIssues, useErrorText } from '../../ui/forms';
import { AuthFrame } from './AuthFrame';

/** The desk's own name (前台1) travels as x-archive-desk, not in the call: the host records it as the client. */
const loginForm = loginInput.extend({ desk: z.string().trim().max(DESK_NAME_MAX) });
type LoginForm = z.infer<typeof loginForm>;

export function LoginScreen({ siteName }: { siteName: string | null }) {
  const { t } = useTranslation('app');
  const errorText = useErrorText();
  const expired = useSession((s) => s.expired);
  const lan = isLan();
  const { control, handleSubmit, setError, setFocus, resetField } = useForm({
    resolver: zodResolver(loginForm),
    defaultValues: { username: '', password: '', desk: lan ? deskName() : '' },
  });
  const login = useMutation({
    mutationFn: ({ desk, ...input }: LoginForm) => {
      if (lan) setDeskName(desk);
      return call('session-login', input);
    },
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
        {lan && (
          <Typography.Paragraph>
            {t('login.host')} <Typography.Text code>{window.location.host}</Typography.Text>
          </Typography.Paragraph>
        )}
        <Field control={control} name="username" label={t('login.username')}>
          {(field) => <Input {...field} autoFocus autoComplete="username" />}
        </Field>
        <Field control={control} name="password" label={t('login.password')}>
          {(field) => <Input.Password {...field} autoComplete="current-password" />}
        </Field>
        {lan && (
          <Field control={control} name="desk" label={t('login.desk')} extra={t('login.deskHint')}>
            {(field) => <Input {...field} maxLength={DESK_NAME_MAX} autoComplete="off" />}
          </Field>
        )}
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          {t('login.submit')}
        </Button>
      </HookForm>
    </AuthFrame>
  );
}
