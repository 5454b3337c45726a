import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Card, Checkbox, Col, Flex, Input, Radio, Row } from 'antd';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CallInput } from '../../../electron/core/contract';
import { LOAN_DAYS_LIMIT, LOAN_TYPES, loanRequestInput } from '../../../electron/core/contract/loans';
import { Field, HookForm } from '../../ui/field';
import { useServerErrors, type CodeFields } from '../../ui/forms';
import { Page } from '../../ui/Page';
import { EscapeCancels } from '../../ui/EscapeCancels';
import { useGoBack } from '../../ui/formSupport';
import { BorrowerFields, firstBorrowerField } from './BorrowerFields';
import { BoxCodeField, useBoxLookup } from './BoxCodeField';
import { lendingPaths } from './paths';
import { useRequestLoan } from './queries';
import { NumberInput } from '../../ui/NumberInput';

type Values = CallInput<'loan-request'>;

/** The box's refusals belong under the box code, where the scan went in. */
const CODE_FIELDS: CodeFields<Values> = { NOT_FOUND: 'boxCode', LOAN_BOX_UNAVAILABLE: 'boxCode', LOAN_BOX_BUSY: 'boxCode' };

/** Most borrowers come from other departments, so the form starts with a person recorded by name. */
const NEW_LOAN: Values = {
  boxCode: '',
  borrower: { kind: 'person', name: '', department: '', phone: '' },
  purpose: '',
  loanType: 'short',
  days: LOAN_DAYS_LIMIT.short,
  copyRequested: false,
  note: '',
};

/** 借阅登记: scan the box, say who borrows it and why; the manager approves it next. */
export function LoanRequestPage() {
  const { t } = useTranslation('lending');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const goBack = useGoBack(lendingPaths.desk);
  const form = useForm<Values>({ resolver: zodResolver(loanRequestInput), defaultValues: NEW_LOAN });
  const lookup = useBoxLookup();
  const onError = useServerErrors(form.setError, CODE_FIELDS);
  const request = useRequestLoan();
  const { control } = form;

  const onSubmit = form.handleSubmit((values) => {
    // Refused here already, so the clerk sees it beside the code rather than after a round trip.
    if (lookup.data && lookup.data.code === values.boxCode && lookup.data.status !== 'in_stock') {
      form.setError('boxCode', { message: t('request.notInStock', { status: tc(`enums.boxStatus.${lookup.data.status}`) }) }, { shouldFocus: true });
      return;
    }
    request.mutate(values, {
      onSuccess: (loan) => {
        void message.success(t('request.submitted'));
        void navigate(lendingPaths.loan(loan.id), { replace: true });
      },
      onError,
    });
  });

  return (
    <Page title={t('request.title')}>
      <EscapeCancels onCancel={goBack}>
        <Card className="lend-form-card">
          <FormProvider {...form}>
            <HookForm onSubmit={onSubmit}>
              <BoxCodeField lookup={lookup} onFound={() => form.setFocus(firstBorrowerField(form.getValues('borrower.kind')))} />
              <BorrowerFields />
              <Field control={control} name="purpose" label={t('fields.purpose')} required>
                {(field) => <Input {...field} autoComplete="off" />}
              </Field>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Field control={control} name="loanType" label={t('fields.loanType')} required>
                    {({ id, value, onChange }) => (
                      <Radio.Group
                        id={id}
                        value={value}
                        onChange={(event) => {
                          const type = event.target.value as Values['loanType'];
                          onChange(type);
                          // Days over the new type's limit are refused in view, not shortened behind the clerk's back.
                          if (form.getValues('days') > LOAN_DAYS_LIMIT[type]) void form.trigger('days');
                        }}
                        optionType="button"
                        options={LOAN_TYPES.map((type) => ({
                          value: type,
                          label: t('request.loanTypeOption', { type: t(`common:enums.loanType.${type}`), days: LOAN_DAYS_LIMIT[type] }),
                        }))}
                      />
                    )}
                  </Field>
                </Col>
                <Col xs={24} md={12}>
                  <Field control={control} name="days" label={t('fields.days')} required>
                    {(field) => <NumberInput {...field} style={{ width: 120 }} />}
                  </Field>
                </Col>
              </Row>
              <Field control={control} name="copyRequested" label={null}>
                {({ value, onChange, ref, id }) => (
                  <Checkbox id={id} ref={ref} checked={value} onChange={(event) => onChange(event.target.checked)}>
                    {t('fields.copyRequested')}
                  </Checkbox>
                )}
              </Field>
              <Field control={control} name="note" label={t('fields.note')}>
                {(field) => <Input.TextArea {...field} autoSize={{ minRows: 2, maxRows: 5 }} />}
              </Field>
              <Flex gap={8} justify="end">
                <Button onClick={goBack}>{tc('actions.cancel')}</Button>
                <Button type="primary" htmlType="submit" loading={request.isPending}>
                  {t('request.submit')}
                </Button>
              </Flex>
            </HookForm>
          </FormProvider>
        </Card>
      </EscapeCancels>
    </Page>
  );
}
