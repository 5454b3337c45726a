import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Col, Input, Row, Select } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CallInput } from '../../../electron/core/contract';
import { ownerCreateInput } from '../../../electron/core/contract/owners';
import { BUSINESS_TYPES } from '../../../electron/core/enums';
import type { OwnerRow } from '../../../electron/core/rows';
import { Field } from '../../ui/field';
import { FormModal } from '../../ui/form-modal';
import { useServerErrors } from '../../ui/forms';
import { DateInput } from '../../ui/DateInput';
import { paths } from '../../ui/paths';
import { ownersOfSameName, useSaveOwner } from './queries';

type OwnerValues = CallInput<'owner-create'>;

function ownerValues(owner: OwnerRow | null): OwnerValues {
  if (!owner)
    return { name: '', unitNo: '', floor: '', businessType: 'non_catering', contactPerson: '', phone: '', leaseStart: null, moveOutDate: null, note: '' };
  const { name, unitNo, floor, businessType, contactPerson, phone, leaseStart, moveOutDate, note } = owner;
  return { name, unitNo, floor, businessType, contactPerson, phone, leaseStart, moveOutDate, note };
}

interface OwnerFormModalProps {
  /** null registers a new owner. */
  owner: OwnerRow | null;
  onClose: () => void;
  onSaved?: (owner: OwnerRow) => void;
}

/**
 * 租户/客户 details. Create and update share their fields and rules (ownerUpdateInput is the same
 * schema plus the id), so one form validates with ownerCreateInput and adds the id on save.
 */
export function OwnerFormModal({ owner, onClose, onSaved }: OwnerFormModalProps) {
  const { t } = useTranslation(['catalogue', 'common']);
  const { control, handleSubmit, setError, setFocus } = useForm({ resolver: zodResolver(ownerCreateInput), defaultValues: ownerValues(owner) });
  const onError = useServerErrors(setError);
  const save = useSaveOwner();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const store = (values: OwnerValues) =>
    save.mutate(
      { id: owner?.id ?? null, values },
      {
        onSuccess: (saved) => {
          onSaved?.(saved);
          onClose();
        },
        onError,
      },
    );
  // A name that is an existing owner's written another way (brackets, spaces, width) would make a second record of one tenant.
  const submit = handleSubmit(async (values) => {
    if (owner && owner.name === values.name) return store(values);
    const same = await ownersOfSameName(values.name, owner?.id).catch(onError);
    if (!same) return;
    if (!same.length) return store(values);
    const existing = same[0]!;
    const asked = modal.confirm({
      title: t('owners.sameNameTitle'),
      content: t('owners.sameName', { name: values.name, existing: same.map((o) => `“${o.name}”`).join(t('form.listSeparator')) }),
      okText: t('owners.sameNameSave'),
      cancelText: t('owners.sameNameBack'),
      onOk: () => store(values),
      onCancel: () => setFocus('name'),
      footer: (_, { OkBtn, CancelBtn }) => (
        <>
          <Button
            onClick={() => {
              asked.destroy();
              onClose();
              void navigate(paths.owner(existing.id));
            }}
          >
            {t('owners.sameNameOpen', { name: existing.name })}
          </Button>
          <CancelBtn />
          <OkBtn />
        </>
      ),
    });
  });

  return (
    <FormModal
      open
      title={owner ? t('owners.editTitle', { name: owner.name }) : t('owners.createTitle')}
      width={640}
      onSubmit={submit}
      onCancel={onClose}
      onShown={() => setFocus('name')}
      submitting={save.isPending}
    >
      <Field control={control} name="name" label={t('owners.name')} required>
        {(field) => <Input {...field} autoComplete="off" />}
      </Field>
      <Row gutter={12}>
        <Col span={8}>
          <Field control={control} name="unitNo" label={t('fields.unitNo')}>
            {(field) => <Input {...field} autoComplete="off" />}
          </Field>
        </Col>
        <Col span={8}>
          <Field control={control} name="floor" label={t('fields.floor')}>
            {(field) => <Input {...field} autoComplete="off" />}
          </Field>
        </Col>
        <Col span={8}>
          <Field control={control} name="businessType" label={t('owners.businessType')} required>
            {(field) => <Select {...field} options={BUSINESS_TYPES.map((b) => ({ value: b, label: t(`common:enums.businessType.${b}`) }))} />}
          </Field>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Field control={control} name="contactPerson" label={t('owners.contactPerson')}>
            {(field) => <Input {...field} autoComplete="off" />}
          </Field>
        </Col>
        <Col span={12}>
          <Field control={control} name="phone" label={t('owners.phone')}>
            {(field) => <Input {...field} autoComplete="off" />}
          </Field>
        </Col>
      </Row>
      <Row gutter={12}>
        {(['leaseStart', 'moveOutDate'] as const).map((name) => (
          <Col key={name} span={12}>
            <Field control={control} name={name} label={t(`owners.${name}`)}>
              {(field) => <DateInput id={field.id} value={field.value} onChange={field.onChange} onBlur={field.onBlur} style={{ width: '100%' }} />}
            </Field>
          </Col>
        ))}
      </Row>
      <Field control={control} name="note" label={t('fields.note')}>
        {(field) => <Input.TextArea {...field} autoSize={{ minRows: 2, maxRows: 5 }} />}
      </Field>
    </FormModal>
  );
}
