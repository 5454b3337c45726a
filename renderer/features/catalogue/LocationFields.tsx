import { Col, Input, Row } from 'antd';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Location } from '../../../electron/core/rows';
import { Field } from '../../ui/field';

export const LOCATION_KEYS = ['room', 'cabinet', 'shelf', 'position'] as const satisfies readonly (keyof Location)[];

/** 库房 / 柜 / 层 / 位: the same four boxes on the box form and the move dialog. */
export function LocationFields() {
  const { t } = useTranslation('catalogue');
  const { control } = useFormContext<Location>();
  return (
    <Row gutter={12}>
      {LOCATION_KEYS.map((key) => (
        <Col key={key} xs={12} md={6}>
          <Field control={control} name={key} label={t(`fields.${key}`)}>
            {(field) => <Input {...field} autoComplete="off" />}
          </Field>
        </Col>
      ))}
    </Row>
  );
}
