import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Col, Input, Radio, Row, Select, Typography } from 'antd';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/core/contract';
import { BOX_CONDITIONS, inspectionCheckInput, type InspectionItem } from '../../../electron/core/contract/inspections';
import { Field } from '../../ui/field';
import { FormModal } from '../../ui/form-modal';
import { useServerErrors } from '../../ui/forms';
import { useCustodyWrite } from './queries';

type Values = CallInput<'inspection-check'>;
type Flag = 'present' | 'complete' | 'correctlyFiled';

/**
 * One box's check: present, complete, filed right, its condition; anything wrong names who follows
 * it up. The cursor starts in the note, so after a scan Enter alone records a box found in order.
 */
export function CheckModal({ item, onClose }: { item: InspectionItem; onClose: () => void }) {
  const { t } = useTranslation('custody');
  const form = useForm<Values>({
    resolver: zodResolver(inspectionCheckInput),
    defaultValues: {
      itemId: item.id,
      present: item.present ?? true,
      complete: item.complete ?? true,
      correctlyFiled: item.foundIn === null ? (item.correctlyFiled ?? true) : false,
      condition: item.condition ?? 'good',
      note: item.note,
      followUpOwner: '',
    },
  });
  const onError = useServerErrors(form.setError);
  const check = useCustodyWrite('inspection-check');
  const { message } = App.useApp();
  const onSubmit = form.handleSubmit((values) =>
    check.mutate(values, {
      onSuccess: () => {
        void message.success(t('inspection.checkedDone', { code: item.code }));
        onClose();
      },
      onError,
    }),
  );
  const values = useWatch({ control: form.control });
  const wrong = values.present === false || values.complete === false || values.correctlyFiled === false || (values.condition ?? 'good') !== 'good';
  const flag = (name: Flag, label: string) => (
    <Col span={8}>
      <Field control={form.control} name={name} label={label}>
        {({ id, value, onChange }) => (
          <Radio.Group
            id={id}
            value={value}
            onChange={(e) => onChange(e.target.value as boolean)}
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: true, label: t('inspection.yes') },
              { value: false, label: t('inspection.no') },
            ]}
          />
        )}
      </Field>
    </Col>
  );
  return (
    <FormModal
      open
      width={620}
      title={t('inspection.checkTitle', { code: item.code })}
      okText={t('inspection.check')}
      onSubmit={onSubmit}
      onCancel={onClose}
      submitting={check.isPending}
      onShown={() => form.setFocus('note')}
    >
      <Typography.Paragraph>
        <b>{item.title}</b>　<Typography.Text type="secondary">{item.location}</Typography.Text>
      </Typography.Paragraph>
      {item.foundIn !== null && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('inspection.wrongPlace', { foundIn: item.foundIn, location: item.location || t('inspection.noPlace') })}
        />
      )}
      <Row gutter={16}>
        {flag('present', t('inspection.present'))}
        {flag('complete', t('inspection.complete_'))}
        {flag('correctlyFiled', t('inspection.correctlyFiled'))}
      </Row>
      <Field control={form.control} name="condition" label={t('inspection.condition')}>
        {({ id, value, onChange }) => (
          <Select
            id={id}
            value={value}
            onChange={onChange}
            style={{ width: 160 }}
            options={BOX_CONDITIONS.map((c) => ({ value: c, label: t(`common:enums.boxCondition.${c}`) }))}
          />
        )}
      </Field>
      <Field control={form.control} name="note" label={t('inspection.note')} required={wrong}>
        {(field) => <Input {...field} autoComplete="off" />}
      </Field>
      {wrong && (
        <Field control={form.control} name="followUpOwner" label={t('inspection.followUpOwner')} required>
          {(field) => <Input {...field} autoComplete="off" />}
        </Field>
      )}
    </FormModal>
  );
}
