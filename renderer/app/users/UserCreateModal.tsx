import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { App, Col, Input, Row } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { userCreateInput } from '../../../electron/core/contract/app';
import { call } from '../../api/client';
import { PASSWORD_MISMATCH, passwordConfirmShape, passwordsMatch } from '../../ui/confirm-password';
import { Field } from '../../ui/field';
import { FormModal } from '../../ui/form-modal';
import { useServerErrors } from '../../ui/forms';
import { RoleSelect } from './RoleSelect';

const createForm = userCreateInput.safeExtend(passwordConfirmShape).refine(passwordsMatch, PASSWORD_MISMATCH);

export function UserCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('app');
  const { message } = App.useApp();
  const { control, handleSubmit, setError, setFocus } = useForm({
    resolver: zodResolver(createForm),
    defaultValues: { username: '', displayName: '', role: 'clerk' as const, password: '', passwordConfirm: '' },
  });
  const onError = useServerErrors(setError);
  const create = useMutation({
    mutationFn: ({ passwordConfirm: _, ...input }: z.output<typeof createForm>) => call('user-create', input),
    onSuccess: (user) => {
      void message.success(t('users.created', { name: user.displayName }));
      onClose();
    },
    onError,
  });

  return (
    <FormModal
      open
      title={t('users.createTitle')}
      width={520}
      okText={t('users.create')}
      onSubmit={handleSubmit((values) => create.mutate(values))}
      onCancel={onClose}
      onShown={() => setFocus('username')}
      submitting={create.isPending}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Field control={control} name="username" label={t('account.username')} required>
            {(field) => <Input {...field} autoComplete="off" />}
          </Field>
        </Col>
        <Col span={12}>
          <Field control={control} name="displayName" label={t('account.displayName')} required>
            {(field) => <Input {...field} />}
          </Field>
        </Col>
      </Row>
      <Field control={control} name="role" label={t('account.role')} required>
        {(field) => <RoleSelect {...field} />}
      </Field>
      <Row gutter={16}>
        <Col span={12}>
          <Field control={control} name="password" label={t('users.initialPassword')} required extra={t('users.initialPasswordHint')}>
            {(field) => <Input.Password {...field} autoComplete="new-password" />}
          </Field>
        </Col>
        <Col span={12}>
          <Field control={control} name="passwordConfirm" label={t('account.passwordConfirm')} required>
            {(field) => <Input.Password {...field} autoComplete="new-password" />}
          </Field>
        </Col>
      </Row>
    </FormModal>
  );
}
