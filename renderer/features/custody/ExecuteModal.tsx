import { zodResolver } from '@hookform/resolvers/zod';
import { App, Col, Input, Modal, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/core/contract';
import { DESTRUCTION_METHODS, destructionExecuteInput, type Destruction } from '../../../electron/core/contract/destructions';
import { Field } from '../../ui/field';
import { FormModal } from '../../ui/form-modal';
import { useServerErrors, type CodeFields } from '../../ui/forms';
import { DateInput } from '../../ui/DateInput';
import { useCustodyCheck, useCustodyWrite } from './queries';

type Values = CallInput<'destruction-execute'>;
const CODE_FIELDS: CodeFields<Values> = { SUPERVISOR_DUPLICATE: 'supervisors.1' };

/** 执行销毁: method, date, executor and two different supervisors 监销人; checked by the server, then asked once more, as it cannot be undone. */
export function ExecuteModal({ destruction, onClose }: { destruction: Destruction; onClose: () => void }) {
  const { t } = useTranslation('custody');
  const { message } = App.useApp();
  const form = useForm<Values>({
    resolver: zodResolver(destructionExecuteInput),
    defaultValues: { id: destruction.id, method: 'shred', methodNote: '', destroyedOn: dayjs().format('YYYY-MM-DD'), executor: '', supervisors: ['', ''] },
  });
  const onError = useServerErrors(form.setError, CODE_FIELDS);
  const check = useCustodyCheck('destruction-execute-check');
  const execute = useCustodyWrite('destruction-execute');
  const method = useWatch({ control: form.control, name: 'method' });
  const confirm = (values: Values) =>
    Modal.confirm({
      title: t('destruction.execute'),
      content: t('destruction.executeConfirm'),
      okText: t('destruction.execute'),
      okButtonProps: { danger: true },
      onOk: () =>
        execute.mutateAsync(values).then(() => {
          void message.success(t('destruction.executed'));
          onClose();
        }, onError),
    });
  // The server's refusals (supervisors, date, state, holds) come before the question that cannot be undone.
  const onSubmit = form.handleSubmit((values) => check.mutate(values, { onSuccess: () => confirm(values), onError }));
  return (
    <FormModal
      open
      width={640}
      title={t('destruction.executeTitle', { no: destruction.registerNo })}
      okText={t('destruction.execute')}
      onSubmit={onSubmit}
      onCancel={onClose}
      submitting={check.isPending || execute.isPending}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Field control={form.control} name="method" label={t('destruction.method')} required>
            {({ id, value, onChange }) => (
              <Select
                id={id}
                value={value}
                onChange={onChange}
                options={DESTRUCTION_METHODS.map((m) => ({ value: m, label: t(`common:enums.destructionMethod.${m}`) }))}
              />
            )}
          </Field>
        </Col>
        <Col span={12}>
          <Field control={form.control} name="destroyedOn" label={t('destruction.destroyedOn')} required>
            {({ id, value, onChange }) => <DateInput id={id} value={value} onChange={(v) => onChange(v ?? '')} style={{ width: '100%' }} />}
          </Field>
        </Col>
      </Row>
      {method === 'other' && (
        <Field control={form.control} name="methodNote" label={t('destruction.methodNote')} required>
          {(field) => <Input {...field} autoComplete="off" />}
        </Field>
      )}
      <Field control={form.control} name="executor" label={t('destruction.executor')} required>
        {(field) => <Input {...field} autoComplete="off" />}
      </Field>
      <Row gutter={16}>
        <Col span={12}>
          <Field control={form.control} name="supervisors.0" label={t('destruction.supervisor1')} required>
            {(field) => <Input {...field} autoComplete="off" />}
          </Field>
        </Col>
        <Col span={12}>
          <Field control={form.control} name="supervisors.1" label={t('destruction.supervisor2')} required>
            {(field) => <Input {...field} autoComplete="off" />}
          </Field>
        </Col>
      </Row>
      <Typography.Text type="secondary">{t('destruction.supervisorsHint')}</Typography.Text>
    </FormModal>
  );
}
