import { LockOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Avatar, Button, Input, Space, Typography } from 'antd';
import { createPortal } from 'react-dom';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CallInput } from '../../../electron/core/contract';
import { loginInput, type PublicUser } from '../../../electron/core/contract/app';
import { call } from '../../api/client';
import { useSession } from '../../api/session-store';
import { Field, HookForm } from '../../ui/field';
import { applyFieldIssues, useErrorText } from '../../ui/forms';
import { AuthFrame } from './AuthFrame';
import { useCoverLayer } from './useCoverLayer';

/**
 * Shown over the signed-in screens when the desk is locked (idle, or main ended the session). Only
 * the same user's password opens it again: that signs in anew (a wrong one counts as a failed
 * sign-in in main) and swaps the handle, so the screens behind, and any half-typed form, carry on.
 * 换个用户登录 signs out for good and drops all of it.
 */
export function LockScreen({ user, siteName }: { user: PublicUser; siteName: string | null }) {
  const layer = useCoverLayer('lock-layer');
  return layer && createPortal(<LockForm user={user} siteName={siteName} />, layer);
}

function LockForm({ user, siteName }: { user: PublicUser; siteName: string | null }) {
  const { t } = useTranslation('app');
  const { t: tc } = useTranslation('common');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { control, handleSubmit, setError, setFocus, resetField } = useForm({
    resolver: zodResolver(loginInput),
    defaultValues: { username: user.username, password: '' },
  });
  const unlock = useMutation({
    mutationFn: (input: CallInput<'session-login'>) => call('session-login', input),
    onSuccess: ({ handle, user: signedIn }) => {
      useSession.getState().signIn(handle, signedIn);
      // What failed while the session was gone is asked for again.
      void queryClient.invalidateQueries({ predicate: (query) => query.state.status === 'error' });
    },
    onError: (error) => {
      if (applyFieldIssues(error, setError)) return;
      resetField('password');
      setFocus('password');
    },
  });
  const switchUser = () => {
    useSession.getState().signOut();
    void navigate('/');
  };

  return (
    <div role="dialog" aria-modal="true" aria-label={t('lock.title')}>
      <AuthFrame
        siteName={siteName}
        title={
          <Space size={8}>
            <LockOutlined />
            {t('lock.title')}
          </Space>
        }
      >
        <div className="lock-user">
          <Avatar size={44}>{Array.from(user.displayName)[0]}</Avatar>
          <div>
            <div className="lock-user-name">{user.displayName}</div>
            <Typography.Text type="secondary">{tc(`enums.role.${user.role}`)}</Typography.Text>
          </div>
        </div>
        <HookForm onSubmit={handleSubmit((input) => unlock.mutate(input))}>
          {unlock.isError ? (
            <Alert type="error" showIcon className="form-alert" title={errorText(unlock.error)} />
          ) : (
            <Alert type="info" showIcon className="form-alert" title={t('lock.notice')} />
          )}
          <Field control={control} name="username" label={t('login.username')}>
            {(field) => <Input {...field} readOnly variant="filled" autoComplete="username" />}
          </Field>
          <Field control={control} name="password" label={t('login.password')}>
            {(field) => <Input.Password {...field} autoFocus autoComplete="current-password" />}
          </Field>
          <Button type="primary" htmlType="submit" block loading={unlock.isPending}>
            {t('lock.unlock')}
          </Button>
        </HookForm>
        <Button type="link" className="lock-switch-user" onClick={switchUser}>
          {t('lock.switchUser')}
        </Button>
      </AuthFrame>
    </div>
  );
}
