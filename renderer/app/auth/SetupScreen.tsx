import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Divider, Input, Row, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { setupInput } from '../../../electron/core/contract/app';
import { call } from '../../api/client';
import { PASSWORD_MISMATCH, passwordConfirmShape, passwordsMatch } from '../../ui/confirm-password';
import { Field, HookForm } from '../../ui/field';
import { useServerErrors } from '../../ui/forms';
import { statusQuery } from '../../ui/queries';
import { RestoreFromBackupForm } from '../../features/backups/RestoreAtSetup';
import { AuthFrame } from './AuthFrame';
import { ConnectToHostForm } from './ConnectToHost';

const setupForm = setupInput.safeExtend({ admin: setupInput.shape.admin.extend(passwordConfirmShape).refine(passwordsMatch, PASSWORD_MISMATCH) });
type SetupValues = z.output<typeof setupForm>;

/** Drops the client-only confirmation, which the strict contract schema would refuse. */
function toSetupInput({ admin: { passwordConfirm: _, ...admin }, ...rest }: SetupValues) {
  return { ...rest, admin };
}

type Start = 'new' | 'connect' | 'restore';

/**
 * First run, three ways in: a new archive on this PC, this PC as a desk of the office's archive
 * host (the desktop app only: a browser just opens the host's address), or an archive restored
 * from a backup.
 */
export function SetupScreen() {
  const { t } = useTranslation('app');
  const [start, setStart] = useState<Start>('new');
  const choices = [
    { value: 'new' as const, label: t('setup.startNew') },
    ...(window.archiveDesk ? [{ value: 'connect' as const, label: t('setup.startConnect') }] : []),
    { value: 'restore' as const, label: t('setup.startRestore') },
  ];
  return (
    <AuthFrame title={t('setup.title')} width={600}>
      <Segmented<Start> block options={choices} value={start} onChange={setStart} className="setup-start" />
      {start === 'new' && <NewArchiveForm />}
      {start === 'connect' && <ConnectToHostForm />}
      {start === 'restore' && <RestoreFromBackupForm />}
    </AuthFrame>
  );
}

/** A new archive: name the site, create the administrator, choose the recovery passphrase. */
function NewArchiveForm() {
  const { t } = useTranslation('app');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { control, handleSubmit, setError } = useForm({
    resolver: zodResolver(setupForm),
    defaultValues: {
      siteName: '',
      admin: { username: 'admin', displayName: '', password: '', passwordConfirm: '' },
      passphrase: '',
      passphraseConfirm: '',
    },
  });
  const onError = useServerErrors(setError);
  const setup = useMutation({
    mutationFn: (values: SetupValues) => call('app-setup', toSetupInput(values)),
    onSuccess: (status) => {
      void message.success(t('setup.done'));
      queryClient.setQueryData(statusQuery.queryKey, status);
    },
    onError,
  });

  return (
    <HookForm onSubmit={handleSubmit((values) => setup.mutate(values))}>
      <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
      <Field control={control} name="siteName" label={t('setup.siteName')} required>
        {(field) => <Input {...field} autoFocus placeholder={t('setup.siteNamePlaceholder')} />}
      </Field>

      <Divider titlePlacement="start">{t('setup.adminSection')}</Divider>
      <Row gutter={16}>
        <Col span={12}>
          <Field control={control} name="admin.username" label={t('account.username')} required>
            {(field) => <Input {...field} autoComplete="off" />}
          </Field>
        </Col>
        <Col span={12}>
          <Field control={control} name="admin.displayName" label={t('account.displayName')} required>
            {(field) => <Input {...field} />}
          </Field>
        </Col>
        <Col span={12}>
          <Field control={control} name="admin.password" label={t('account.password')} required extra={t('password.rule')}>
            {(field) => <Input.Password {...field} autoComplete="new-password" />}
          </Field>
        </Col>
        <Col span={12}>
          <Field control={control} name="admin.passwordConfirm" label={t('account.passwordConfirm')} required>
            {(field) => <Input.Password {...field} autoComplete="new-password" />}
          </Field>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('setup.passphraseSection')}</Divider>
      <Alert type="warning" showIcon className="form-alert" title={t('setup.passphraseWarningTitle')} description={t('setup.passphraseWarning')} />
      <Field control={control} name="passphrase" label={t('setup.passphrase')} required>
        {(field) => <Input.Password {...field} autoComplete="new-password" />}
      </Field>
      <Field control={control} name="passphraseConfirm" label={t('setup.passphraseConfirm')} required>
        {(field) => <Input.Password {...field} autoComplete="new-password" />}
      </Field>

      <Button type="primary" htmlType="submit" block loading={setup.isPending}>
        {t('setup.submit')}
      </Button>
    </HookForm>
  );
}
