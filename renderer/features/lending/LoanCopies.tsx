import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Card, Input, Radio, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/core/contract';
import { COPY_KINDS, loanCopyInput, type Loan, type LoanCopy } from '../../../electron/core/contract/loans';
import { useCanCall } from '../../ui/access';
import { DateInput } from '../../ui/DateInput';
import { Field } from '../../ui/field';
import { BoxDocumentsSelect } from './BoxDocumentsSelect';
import { FormModal } from '../../ui/form-modal';
import { formatAt } from '../../ui/format';
import { useServerErrors } from '../../ui/forms';
import { NumberInput } from '../../ui/NumberInput';
import { RefusedAction } from '../../ui/RefusedAction';
import { useRegisterCopy } from './queries';

/**
 * 复制/摘抄登记 (§4.6.2): the copies and excerpts made from the box while it was out. The desk
 * registers one where the manager gave the copy consent and the box is out; elsewhere the button
 * stays in view, disabled, with the service's own sentence.
 */
export function LoanCopies({ loan }: { loan: Loan }) {
  const { t } = useTranslation('lending');
  const mayRegister = useCanCall('loan-copy-register');
  const [open, setOpen] = useState(false);
  const action = t('copies.register');
  const extra = !mayRegister ? null : !loan.copyAllowed ? (
    <RefusedAction labels={[action]} code="LOAN_COPY_NOT_ALLOWED" />
  ) : loan.status !== 'out' ? (
    <RefusedAction labels={[action]} code="LOAN_COPY_NOT_OUT" params={{ status: loan.status }} />
  ) : (
    <Button size="small" type="primary" onClick={() => setOpen(true)}>
      {action}
    </Button>
  );
  return (
    <Card title={t('copies.title')} size="small" extra={extra} className="lend-copies">
      <Table<LoanCopy>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={loan.copies}
        locale={{ emptyText: t('copies.empty') }}
        columns={[
          { key: 'madeOn', title: t('copies.madeOn'), dataIndex: 'madeOn', width: 110 },
          { key: 'kind', title: t('copies.kind'), width: 70, render: (_, c) => t(`common:enums.copyKind.${c.kind}`) },
          {
            key: 'what',
            title: t('copies.description'),
            render: (_, c) => [c.description, c.documentTitles.join('、')].filter(Boolean).join(' · '),
          },
          { key: 'pages', title: t('copies.pages'), dataIndex: 'pages', width: 70, align: 'right' },
          { key: 'copies', title: t('copies.copies'), dataIndex: 'copies', width: 70, align: 'right' },
          { key: 'madeBy', title: t('copies.madeBy'), dataIndex: 'madeBy', width: 100 },
          { key: 'recorded', title: t('detail.recorded'), render: (_, c) => t('detail.by', { name: c.createdByName, at: formatAt(c.createdAt) }) },
        ]}
      />
      {open && <LoanCopyModal loan={loan} onClose={() => setOpen(false)} />}
    </Card>
  );
}

function LoanCopyModal({ loan, onClose }: { loan: Loan; onClose: () => void }) {
  const { t } = useTranslation('lending');
  const form = useForm<CallInput<'loan-copy-register'>>({
    resolver: zodResolver(loanCopyInput),
    defaultValues: {
      loanId: loan.id,
      kind: 'copy',
      description: '',
      documentIds: [],
      pages: 1,
      copies: 1,
      madeBy: loan.borrower.name,
      madeOn: dayjs().format('YYYY-MM-DD'),
    },
  });
  const { control } = form;
  const onError = useServerErrors(form.setError);
  const register = useRegisterCopy();
  const onSubmit = form.handleSubmit((values) => register.mutate(values, { onSuccess: onClose, onError }));
  return (
    <FormModal
      open
      width={600}
      title={`${t('copies.register')} · ${loan.loanNo}`}
      okText={t('copies.submit')}
      onSubmit={onSubmit}
      onCancel={onClose}
      submitting={register.isPending}
      onShown={() => form.setFocus('description')}
    >
      <Field control={control} name="kind" label={t('copies.kind')} required>
        {({ id, value, onChange }) => (
          <Radio.Group
            id={id}
            value={value}
            optionType="button"
            onChange={(event) => onChange(event.target.value)}
            options={COPY_KINDS.map((k) => ({ value: k, label: t(`common:enums.copyKind.${k}`) }))}
          />
        )}
      </Field>
      <Field control={control} name="description" label={t('copies.description')} required>
        {(field) => <Input {...field} autoComplete="off" />}
      </Field>
      <Field control={control} name="documentIds" label={t('copies.documents')}>
        {(field) => <BoxDocumentsSelect boxId={loan.boxId} {...field} />}
      </Field>
      <Field control={control} name="pages" label={t('copies.pages')} required>
        {(field) => <NumberInput {...field} style={{ width: 120 }} />}
      </Field>
      <Field control={control} name="copies" label={t('copies.copies')} required>
        {(field) => <NumberInput {...field} style={{ width: 120 }} />}
      </Field>
      <Field control={control} name="madeBy" label={t('copies.madeBy')} required>
        {(field) => <Input {...field} autoComplete="off" />}
      </Field>
      <Field control={control} name="madeOn" label={t('copies.madeOn')} required>
        {({ id, value, onChange }) => <DateInput id={id} value={value} onChange={(v) => onChange(v ?? '')} allowClear={false} />}
      </Field>
    </FormModal>
  );
}
