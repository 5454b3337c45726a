import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Input, Switch } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/core/contract';
import { userUpdateInput, type PublicUser } from '../../../electron/core/contract/app';
import { call } from '../../api/client';
import { useSession } from '../../api/session-store';
import { Field } from '../../ui/field';
import { FormModal } from '../../ui/form-modal';
import { useServerErrors } from '../../ui/forms';
import { RoleSelect } from './RoleSelect';

export function UserEditModal({ user, onClose }: { user: PublicUser; onClose: () => void }) {
  const { t } = useTranslation('app');
  const { message } = App.useApp();
  // An administrator who demotes or disables themself could leave nobody able to manage accounts.
  const isSelf = useSession((s) => s.user?.id === user.id);
  const { control, handleSubmit, setError, setFocus } = useForm({
    resolver: zodResolver(userUpdateInput),
    defaultValues: { id: user.id, displayName: user.displayName, role: user.role, disabled: user.disabled, mustChangePassword: user.mustChangePassword },
  });
  const onError = useServerErrors(setError);
  const update = useMutation({
    mutationFn: (input: CallInput<'user-update'>) => call('user-update', input),
    onSuccess: () => {
      void message.success(t('saved'));
      onClose();
    },
    onError,
  });

  return (
    <FormModal
      open
      title={t('users.editTitle', { username: user.username })}
      width={440}
      onSubmit={handleSubmit((input) => update.mutate(input))}
      onCancel={onClose}
      onShown={() => setFocus('displayName', { shouldSelect: true })}
      submitting={update.isPending}
    >
      {isSelf && <Alert type="info" showIcon className="form-alert" title={t('users.selfHint')} />}
      <Field control={control} name="displayName" label={t('account.displayName')} required>
        {(field) => <Input {...field} />}
      </Field>
      <Field control={control} name="role" label={t('account.role')} required>
        {(field) => <RoleSelect {...field} disabled={isSelf} />}
      </Field>
      <Field control={control} name="disabled" label={t('users.disabledLabel')} extra={t('users.noDelete')}>
        {({ value, onChange, ref, id }) => (
          <Switch
            id={id}
            ref={ref}
            checked={value}
            onChange={onChange}
            disabled={isSelf}
            checkedChildren={t('users.statusDisabled')}
            unCheckedChildren={t('users.statusEnabled')}
          />
        )}
      </Field>
      <Field control={control} name="mustChangePassword" label={t('users.forceChangeLabel')} extra={t('users.forceChangeHint')}>
        {({ value, onChange, ref, id }) => <Switch id={id} ref={ref} checked={value} onChange={onChange} disabled={isSelf} />}
      </Field>
    </FormModal>
  );
}
