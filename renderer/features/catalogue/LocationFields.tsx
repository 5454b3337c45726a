import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/field';
import { LocationPicker } from '../../ui/LocationPicker';

/** 存放位置 from the managed tree: the same picker on the box form and the move dialog. */
export function LocationFields() {
  const { t } = useTranslation('catalogue');
  const { control, formState } = useFormContext<{ locationId: number | null }>();
  // The box's own place stays choosable though a box (itself) stands there.
  const own = formState.defaultValues?.locationId ?? null;
  return (
    <Field control={control} name="locationId" label={t('fields.location')} extra={t('form.locationHint')}>
      {(field) => <LocationPicker id={field.id} value={field.value ?? null} onChange={field.onChange} own={own} />}
    </Field>
  );
}
