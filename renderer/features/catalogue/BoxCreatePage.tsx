import { zodResolver } from '@hookform/resolvers/zod';
import { App, Input } from 'antd';
import { useEffect } from 'react';
import { FormProvider, useForm, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { CallInput } from '../../../electron/core/contract';
import { boxCreateInput } from '../../../electron/core/contract/boxes';
import { id as idSchema } from '../../../electron/core/contract/fields';
import { Field } from '../../ui/field';
import { useServerErrors, type CodeFields } from '../../ui/forms';
import { useCanCall } from '../../ui/access';
import { BoxFields } from './BoxFields';
import { BoxFormFrame } from './BoxFormFrame';
import { useGoBack } from '../../ui/formSupport';
import { paths } from '../../ui/paths';
import { lookAlikeCodes, useCreateBox, useNextCode } from './queries';

type CreateValues = CallInput<'box-create'>;

const CODE_FIELDS: CodeFields<CreateValues> = { DUPLICATE_CODE: 'code', OWNER_HAS_VOLUME: 'volume' };

function newBoxValues(ownerId: number | null): CreateValues {
  return {
    code: '',
    kind: 'tenant',
    title: '',
    ownerId,
    volume: 1,
    yearFrom: null,
    yearTo: null,
    locationId: null,
    confidentiality: 'internal',
    retentionClass: 'y30',
    retentionYears: null,
    retentionStart: null,
    note: '',
  };
}

/** ?ownerId= comes from an owner page's "为此租户新建档案". */
function useOwnerParam(): number | null {
  const [params] = useSearchParams();
  const parsed = idSchema.safeParse(Number(params.get('ownerId')));
  return parsed.success ? parsed.data : null;
}

/** Blank means "number it for me": the placeholder shows the number the server would take now. */
function CodeField() {
  const { t } = useTranslation('catalogue');
  const form = useFormContext<CreateValues>();
  const kind = useWatch({ control: form.control, name: 'kind' });
  const nextCode = useNextCode(kind, useCanCall('box-next-code'));
  return (
    <Field control={form.control} name="code" label={t('fields.code')} extra={t('form.codeHint')}>
      {(field) => (
        <Input
          {...field}
          onChange={(event) => field.onChange(event.target.value.toUpperCase())}
          placeholder={nextCode.data ? t('form.autoCode', { code: nextCode.data.code }) : undefined}
          className="mono"
          autoComplete="off"
          spellCheck={false}
        />
      )}
    </Field>
  );
}

export function BoxCreatePage() {
  const { t } = useTranslation('catalogue');
  const navigate = useNavigate();
  const ownerId = useOwnerParam();
  const goBack = useGoBack(ownerId === null ? paths.boxes : paths.owner(ownerId));
  const form = useForm({ resolver: zodResolver(boxCreateInput), defaultValues: newBoxValues(ownerId) });
  const onError = useServerErrors(form.setError, CODE_FIELDS);
  const create = useCreateBox();
  const { modal } = App.useApp();
  const { setFocus } = form;

  useEffect(() => setFocus('code'), [setFocus]);

  const save = (values: CreateValues) => create.mutate(values, { onSuccess: (detail) => void navigate(paths.box(detail.box.id), { replace: true }), onError });
  // The code is fixed once saved, so one an existing code could be mistaken for is confirmed first.
  const submit = form.handleSubmit(async (values) => {
    const codes = values.code ? await lookAlikeCodes(values.code).catch(onError) : [];
    if (!codes) return;
    if (!codes.length) return save(values);
    void modal.confirm({
      title: t('form.lookAlikeTitle'),
      content: t('form.lookAlike', { code: values.code, codes: codes.join(t('form.listSeparator')) }),
      okText: t('form.lookAlikeSave'),
      cancelText: t('form.lookAlikeBack'),
      onOk: () => save(values),
      onCancel: () => setFocus('code'),
    });
  });

  return (
    <FormProvider {...form}>
      <BoxFormFrame title={t('form.createTitle')} onSubmit={submit} onCancel={goBack} submitting={create.isPending}>
        <BoxFields initialOwnerId={null} leading={<CodeField />} />
      </BoxFormFrame>
    </FormProvider>
  );
}
