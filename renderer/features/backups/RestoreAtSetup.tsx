import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Input } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/core/contract';
import { restoreAtSetupInput } from '../../../electron/core/contract/backups';
import { call } from '../../api/client';
import { Field, HookForm } from '../../ui/field';
import { applyFieldIssues, useErrorText } from '../../ui/forms';

/**
 * A backup file and the recovery passphrase it was made under become the archive: on a new PC at
 * setup, or from the start screen when the archive file is missing.
 */
export function RestoreFromBackupForm() {
  const { t } = useTranslation('backups');
  const { message } = App.useApp();
  const errorText = useErrorText();
  /** Errors no field carries (a damaged file, another install's backup without a manifest…). */
  const [banner, setBanner] = useState(false);
  const { control, handleSubmit, setError } = useForm({ resolver: zodResolver(restoreAtSetupInput), defaultValues: { file: '', passphrase: '' } });
  const restore = useMutation({
    mutationFn: (input: CallInput<'app-restore'>) => call('app-restore', input),
    onSuccess: () => {
      void message.success(t('setupRestore.done'));
    },
    onError: (error) => setBanner(!applyFieldIssues(error, setError, { WRONG_PASSPHRASE: 'passphrase', BACKUP_INVALID: 'file', BACKUP_NOT_A_FILE: 'file' })),
  });
  return (
    <HookForm onSubmit={handleSubmit((input) => restore.mutate(input))}>
      <Alert type="info" showIcon className="form-alert" title={t('setupRestore.intro')} />
      {restore.isError && banner && <Alert type="error" showIcon className="form-alert" title={errorText(restore.error)} />}
      <Field control={control} name="file" label={t('restore.file')} required>
        {(field) => <Input {...field} placeholder="E:\档案备份\archive-desk-20261126-180000.db" className="mono" />}
      </Field>
      <Field control={control} name="passphrase" label={t('restore.passphrase')} required>
        {(field) => <Input.Password {...field} autoComplete="off" />}
      </Field>
      <Button htmlType="submit" block loading={restore.isPending}>
        {t('setupRestore.submit')}
      </Button>
    </HookForm>
  );
}
