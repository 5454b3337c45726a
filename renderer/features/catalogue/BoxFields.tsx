import { Col, Divider, Input, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/core/contract';
import { BOX_KINDS, CONFIDENTIALITY } from '../../../electron/core/enums';
import { Field } from '../../ui/field';
import { LocationFields } from './LocationFields';
import { OwnerSelect } from './OwnerSelect';
import { RetentionFields } from './RetentionFields';
import { VolumeField } from './VolumeField';
import { NumberInput } from '../../ui/NumberInput';

/** What the create and edit forms share: everything but the code (create) and id + move reason (edit). */
export type BoxFieldValues = Omit<CallInput<'box-create'>, 'code'>;

const OWNED_KINDS: readonly BoxFieldValues['kind'][] = ['tenant', 'customer'];

interface BoxFieldsProps {
  boxId?: number;
  initialOwnerId: number | null;
  /** Beside the kind on the first row: the code field of a new box. */
  leading?: ReactNode;
  /** Under the location: the edit form's move reason. */
  afterLocation?: ReactNode;
}

function YearFields() {
  const { t } = useTranslation('catalogue');
  const { control } = useFormContext<BoxFieldValues>();
  return (
    <>
      {(['yearFrom', 'yearTo'] as const).map((name) => (
        <Col key={name} xs={12} md={6}>
          <Field control={control} name={name} label={t(`fields.${name}`)}>
            {(field) => <NumberInput {...field} style={{ width: '100%' }} />}
          </Field>
        </Col>
      ))}
    </>
  );
}

/** The body of the box form; the page around it owns useForm and provides it through FormProvider. */
export function BoxFields({ boxId, initialOwnerId, leading, afterLocation }: BoxFieldsProps) {
  const { t } = useTranslation(['catalogue', 'common']);
  const { control } = useFormContext<BoxFieldValues>();
  const kind = useWatch({ control, name: 'kind' });
  return (
    <>
      <Row gutter={12}>
        {leading && (
          <Col xs={24} md={12}>
            {leading}
          </Col>
        )}
        <Col xs={24} md={leading ? 12 : 8}>
          <Field control={control} name="kind" label={t('fields.kind')} required>
            {(field) => <Select {...field} options={BOX_KINDS.map((k) => ({ value: k, label: t(`common:enums.boxKind.${k}`) }))} />}
          </Field>
        </Col>
      </Row>
      <Field control={control} name="title" label={t('fields.title')} required>
        {(field) => <Input {...field} autoComplete="off" />}
      </Field>
      <Row gutter={12}>
        <Col xs={24} md={16}>
          <Field control={control} name="ownerId" label={t('fields.owner')} required={OWNED_KINDS.includes(kind)}>
            {(field) => <OwnerSelect id={field.id} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
          </Field>
        </Col>
        <Col xs={24} md={8}>
          <VolumeField boxId={boxId} initialOwnerId={initialOwnerId} />
        </Col>
      </Row>
      <Row gutter={12}>
        <YearFields />
        <Col xs={24} md={12}>
          <Field control={control} name="confidentiality" label={t('fields.confidentiality')} required>
            {(field) => <Select {...field} options={CONFIDENTIALITY.map((c) => ({ value: c, label: t(`common:enums.confidentiality.${c}`) }))} />}
          </Field>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('form.locationSection')}
      </Divider>
      <LocationFields />
      {afterLocation}
      <Divider titlePlacement="start" plain>
        {t('form.retentionSection')}
      </Divider>
      <RetentionFields />
      <Field control={control} name="note" label={t('fields.note')}>
        {(field) => <Input.TextArea {...field} autoSize={{ minRows: 2, maxRows: 6 }} />}
      </Field>
    </>
  );
}
