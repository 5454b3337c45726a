import { Button, Col, Row, Select } from 'antd';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RETENTION_CLASSES } from '../../../electron/core/enums';
import { RETENTION_MINIMUMS } from '../../../electron/core/retention-minimums';
import { Field } from '../../ui/field';
import type { BoxFieldValues } from './BoxFields';
import { DateInput } from '../../ui/DateInput';
import { useOwner } from './queries';
import { NumberInput } from '../../ui/NumberInput';

/** A tenant file's retention counts from the move-out date (004): the owner's, when it is not already chosen. */
function useMoveOutSuggestion(): string | null {
  const { control } = useFormContext<BoxFieldValues>();
  const [kind, ownerId, start] = useWatch({ control, name: ['kind', 'ownerId', 'retentionStart'] });
  const moveOut = useOwner(kind === 'tenant' ? ownerId : null).data?.owner.moveOutDate ?? null;
  return moveOut !== start ? moveOut : null;
}

export function RetentionFields() {
  const { t } = useTranslation(['catalogue', 'common']);
  const { control, setValue } = useFormContext<BoxFieldValues>();
  const [retentionClass, kind] = useWatch({ control, name: ['retentionClass', 'kind'] });
  // The floor 国家档案局令第10号 sets for this kind, said before the save refuses a shorter one.
  const minimum = t('form.retentionMinimum', { minimum: t(`common:enums.retentionClass.${RETENTION_MINIMUMS[kind]}`) });
  const moveOut = useMoveOutSuggestion();
  const moveOutButton = moveOut ? (
    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setValue('retentionStart', moveOut, { shouldDirty: true, shouldValidate: true })}>
      {t('form.useMoveOut', { date: moveOut })}
    </Button>
  ) : undefined;
  return (
    <Row gutter={12}>
      <Col xs={24} md={8}>
        <Field control={control} name="retentionClass" label={t('fields.retentionClass')} required extra={minimum}>
          {(field) => (
            <Select
              {...field}
              onChange={(value) => {
                field.onChange(value);
                // Years only mean something for a custom period; a stale number would be saved silently.
                if (value !== 'custom') setValue('retentionYears', null);
              }}
              options={RETENTION_CLASSES.map((c) => ({ value: c, label: t(`common:enums.retentionClass.${c}`) }))}
            />
          )}
        </Field>
      </Col>
      {retentionClass === 'custom' && (
        <Col xs={12} md={6}>
          <Field control={control} name="retentionYears" label={t('fields.retentionYears')} required>
            {(field) => <NumberInput {...field} suffix={t('form.years')} style={{ width: '100%' }} />}
          </Field>
        </Col>
      )}
      <Col xs={12} md={retentionClass === 'custom' ? 10 : 16}>
        <Field control={control} name="retentionStart" label={t('fields.retentionStart')} extra={moveOutButton}>
          {(field) => <DateInput id={field.id} value={field.value} onChange={field.onChange} onBlur={field.onBlur} style={{ width: '100%' }} />}
        </Field>
      </Col>
    </Row>
  );
}
