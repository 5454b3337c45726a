import { zodResolver } from '@hookform/resolvers/zod';
import { Col, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { documentFields } from '../../../electron/core/contract/boxes';
import { DOC_CATEGORIES } from '../../../electron/core/enums';
import type { BoxDocumentRow } from '../../../electron/core/rows';
import { Field } from '../../ui/field';
import { FormModal } from '../../ui/form-modal';
import { useServerErrors } from '../../ui/forms';
import { DateInput } from '../../ui/DateInput';
import { useAddDocument, useUpdateDocument } from './queries';
import { NumberInput } from '../../ui/NumberInput';

type DocumentValues = z.input<typeof documentFields>;

function documentValues(document: BoxDocumentRow | null): DocumentValues {
  if (!document) return { docDate: dayjs().format('YYYY-MM-DD'), title: '', category: 'a', pages: 1, note: '' };
  const { docDate, title, category, pages, note } = document;
  return { docDate, title, category, pages, note };
}

interface DocumentFormModalProps {
  boxId: number;
  /** null adds a new entry. */
  document: BoxDocumentRow | null;
  onClose: () => void;
}

/** One line of the 卷内目录; the same fields whether it is added or corrected. */
export function DocumentFormModal({ boxId, document, onClose }: DocumentFormModalProps) {
  const { t } = useTranslation(['catalogue', 'common']);
  const { control, handleSubmit, setError, setFocus } = useForm({
    resolver: zodResolver(documentFields),
    defaultValues: documentValues(document),
  });
  const onError = useServerErrors(setError);
  const add = useAddDocument();
  const update = useUpdateDocument();
  const submit = handleSubmit((values) => {
    const options = { onSuccess: onClose, onError };
    if (document) update.mutate({ ...values, id: document.id }, options);
    else add.mutate({ ...values, boxId }, options);
  });

  return (
    <FormModal
      open
      title={t(document ? 'contents.editTitle' : 'contents.addTitle')}
      width={560}
      onSubmit={submit}
      onCancel={onClose}
      onShown={() => setFocus('title')}
      submitting={add.isPending || update.isPending}
    >
      <Field control={control} name="title" label={t('contents.docTitle')} required>
        {(field) => <Input {...field} autoComplete="off" />}
      </Field>
      <Row gutter={12}>
        <Col span={12}>
          <Field control={control} name="docDate" label={t('contents.date')} required>
            {(field) => (
              <DateInput id={field.id} value={field.value} onChange={(day) => field.onChange(day ?? '')} onBlur={field.onBlur} style={{ width: '100%' }} />
            )}
          </Field>
        </Col>
        <Col span={12}>
          <Field control={control} name="pages" label={t('contents.pages')} required>
            {(field) => <NumberInput {...field} style={{ width: '100%' }} />}
          </Field>
        </Col>
      </Row>
      <Field control={control} name="category" label={t('contents.category')} required>
        {(field) => <Select {...field} options={DOC_CATEGORIES.map((c) => ({ value: c, label: t(`common:enums.docCategory.${c}`) }))} />}
      </Field>
      <Field control={control} name="note" label={t('fields.note')}>
        {(field) => <Input {...field} autoComplete="off" />}
      </Field>
    </FormModal>
  );
}
