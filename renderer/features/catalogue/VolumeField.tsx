import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/field';
import type { BoxFieldValues } from './BoxFields';
import { useOwner } from './queries';
import { NumberInput } from '../../ui/NumberInput';

/** The owner's other volumes, and the number after the highest: a box that outgrows itself continues as 第N卷. */
function useVolumeSuggestion(ownerId: number | null, boxId: number | undefined) {
  const owner = useOwner(ownerId);
  if (!owner.data) return null;
  const volumes = owner.data.boxes.filter((box) => box.id !== boxId).map((box) => box.volume);
  return { volumes, next: volumes.length > 0 ? Math.max(...volumes) + 1 : 1 };
}

interface VolumeFieldProps {
  boxId?: number;
  /** The owner the box had when the form opened; keeping it keeps the volume too. */
  initialOwnerId: number | null;
}

export function VolumeField({ boxId, initialOwnerId }: VolumeFieldProps) {
  const { t } = useTranslation('catalogue');
  const { control, setValue, getFieldState } = useFormContext<BoxFieldValues>();
  const ownerId = useWatch({ control, name: 'ownerId' });
  const suggestion = useVolumeSuggestion(ownerId, boxId);
  const next = suggestion?.next;

  // Filled in for a newly chosen owner, unless the user has typed a volume of their own.
  useEffect(() => {
    if (next !== undefined && ownerId !== initialOwnerId && !getFieldState('volume').isDirty) setValue('volume', next);
  }, [next, ownerId, initialOwnerId, getFieldState, setValue]);

  const hint =
    suggestion && suggestion.volumes.length > 0
      ? t('form.volumeHint', { volumes: suggestion.volumes.join(t('form.listSeparator')), next: suggestion.next })
      : undefined;
  return (
    <Field control={control} name="volume" label={t('fields.volume')} required extra={hint}>
      {(field) => <NumberInput {...field} style={{ width: '100%' }} />}
    </Field>
  );
}
