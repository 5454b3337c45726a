import { zodResolver } from '@hookform/resolvers/zod';
import { Col, Input, Row } from 'antd';
import { useEffect } from 'react';
import { FormProvider, useForm, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CallInput } from '../../../electron/core/contract';
import { boxUpdateInput, type BoxDetail } from '../../../electron/core/contract/boxes';
import type { BoxRow } from '../../../electron/core/rows';
import { Field } from '../../ui/field';
import { useServerErrors, type CodeFields } from '../../ui/forms';
import { BoxFields } from './BoxFields';
import { BoxFormFrame } from './BoxFormFrame';
import { useGoBack } from '../../ui/formSupport';
import { NotFound } from '../../ui/NotFound';
import { paths } from '../../ui/paths';
import { QueryState } from '../../ui/QueryState';
import { useBox, useUpdateBox } from './queries';
import { useIdParam } from '../../ui/useIdParam';

type UpdateValues = CallInput<'box-update'>;

const CODE_FIELDS: CodeFields<UpdateValues> = { OWNER_HAS_VOLUME: 'volume' };

/** The editable fields of a stored box; the schema is strict, so nothing else may ride along. */
function editValues(box: BoxRow): UpdateValues {
  return {
    id: box.id,
    kind: box.kind,
    title: box.title,
    ownerId: box.ownerId,
    volume: box.volume,
    yearFrom: box.yearFrom,
    yearTo: box.yearTo,
    locationId: box.locationId,
    confidentiality: box.confidentiality,
    retentionClass: box.retentionClass,
    retentionYears: box.retentionYears,
    retentionStart: box.retentionStart,
    note: box.note,
    moveReason: '',
  };
}

/** A changed location is recorded as a move, and the server wants to know why, as the move dialog does. */
function MoveReasonField({ box }: { box: BoxRow }) {
  const { t } = useTranslation('catalogue');
  const { control } = useFormContext<UpdateValues>();
  const moved = useWatch({ control, name: 'locationId' }) !== box.locationId;
  if (!moved) return null;
  return (
    <Row>
      <Col span={24}>
        <Field control={control} name="moveReason" label={t('fields.moveReason')} required extra={t('form.moveReasonHint')}>
          {(field) => <Input {...field} autoComplete="off" />}
        </Field>
      </Col>
    </Row>
  );
}

function BoxEditForm({ box }: { box: BoxDetail['box'] }) {
  const { t } = useTranslation('catalogue');
  const navigate = useNavigate();
  const goBack = useGoBack(paths.box(box.id));
  const form = useForm({ resolver: zodResolver(boxUpdateInput), defaultValues: editValues(box) });
  const onError = useServerErrors(form.setError, CODE_FIELDS);
  const update = useUpdateBox();
  const { setFocus } = form;

  useEffect(() => setFocus('kind'), [setFocus]);

  const submit = form.handleSubmit((values) => update.mutate(values, { onSuccess: () => void navigate(paths.box(box.id), { replace: true }), onError }));
  const title = (
    <>
      {t('form.editTitle')} <span className="mono">{box.code}</span>
    </>
  );

  return (
    <FormProvider {...form}>
      <BoxFormFrame title={title} onSubmit={submit} onCancel={goBack} submitting={update.isPending}>
        <BoxFields boxId={box.id} initialOwnerId={box.ownerId} afterLocation={<MoveReasonField box={box} />} />
      </BoxFormFrame>
    </FormProvider>
  );
}

function BoxEditLoader({ id }: { id: number }) {
  const query = useBox(id);
  return <QueryState query={query}>{(detail) => <BoxEditForm key={detail.box.id} box={detail.box} />}</QueryState>;
}

export function BoxEditPage() {
  const id = useIdParam();
  return id === null ? <NotFound /> : <BoxEditLoader id={id} />;
}
