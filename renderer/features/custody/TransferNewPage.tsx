import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Card, Col, Flex, Input, Row } from 'antd';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CallInput } from '../../../electron/core/contract';
import { transferCreateInput } from '../../../electron/core/contract/transfers';
import { useQuery } from '@tanstack/react-query';
import { Field, HookForm } from '../../ui/field';
import { useServerErrors, type CodeFields } from '../../ui/forms';
import { Page } from '../../ui/Page';
import { callQuery } from '../../ui/queries';
import { DateInput } from '../../ui/DateInput';
import { EscapeCancels } from '../../ui/EscapeCancels';
import { useGoBack } from '../../ui/formSupport';
import { BoxCodeList, type ListedBox } from './BoxCodeList';
import { CustodyTabs } from './CustodyTabs';
import { custodyPaths } from './paths';
import { useCustodyWrite } from './queries';

type Values = CallInput<'transfer-create'>;

/** A box's refusals belong beside the scanned list. */
const CODE_FIELDS: CodeFields<Values> = {
  NOT_FOUND: 'boxCodes',
  TRANSFER_BOX_ON_LOAN: 'boxCodes',
  TRANSFER_BOX_UNAVAILABLE: 'boxCodes',
  TRANSFER_BOX_BUSY: 'boxCodes',
};

/** 新建移交单: scan the boxes, name both departments and the reason; a manager approves next. */
export function TransferNewPage() {
  const { t } = useTranslation('custody');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const goBack = useGoBack(custodyPaths.transfers);
  const site = useQuery(callQuery('settings-get', {}));
  const [boxes, setBoxes] = useState<ListedBox[]>([]);
  const form = useForm<Values>({
    resolver: zodResolver(transferCreateInput),
    defaultValues: { boxCodes: [], fromDepartment: '', toDepartment: '', reason: '', personnelMoveDate: null },
    values: site.data ? { boxCodes: [], fromDepartment: site.data.siteName, toDepartment: '', reason: '', personnelMoveDate: null } : undefined,
    resetOptions: { keepDirtyValues: true },
  });
  const create = useCustodyWrite('transfer-create');
  const onError = useServerErrors(form.setError, CODE_FIELDS);
  const setListed = (next: ListedBox[]) => {
    setBoxes(next);
    form.setValue(
      'boxCodes',
      next.map((b) => b.code),
    );
    form.clearErrors('boxCodes');
  };
  const onSubmit = form.handleSubmit((values) =>
    create.mutate(values, {
      onSuccess: (transfer) => {
        void message.success(t('transfer.submitted'));
        void navigate(custodyPaths.transfer(transfer.id), { replace: true });
      },
      onError,
    }),
  );
  const boxError = form.formState.errors.boxCodes;
  return (
    <Page title={t('transfer.newTitle')}>
      <CustodyTabs>
        <EscapeCancels onCancel={goBack}>
          <Card className="custody-form-card">
            <FormProvider {...form}>
              <HookForm onSubmit={onSubmit}>
                <BoxCodeList
                  boxes={boxes}
                  onChange={setListed}
                  error={boxError ? tc(boxError.message ?? boxError.root?.message ?? 'v.required', { defaultValue: boxError.message }) : undefined}
                  acceptable={(box) =>
                    box.status === 'in_stock'
                      ? null
                      : tc(box.status === 'on_loan' ? 'errors.TRANSFER_BOX_ON_LOAN' : 'errors.TRANSFER_BOX_UNAVAILABLE', { code: box.code, status: box.status })
                  }
                />
                <Row gutter={16} style={{ marginTop: 16 }}>
                  <Col xs={24} md={12}>
                    <Field control={form.control} name="fromDepartment" label={t('transfer.from')} required>
                      {(field) => <Input {...field} autoComplete="off" />}
                    </Field>
                  </Col>
                  <Col xs={24} md={12}>
                    <Field control={form.control} name="toDepartment" label={t('transfer.to')} required>
                      {(field) => <Input {...field} autoComplete="off" />}
                    </Field>
                  </Col>
                </Row>
                <Field control={form.control} name="reason" label={t('transfer.reason')} required>
                  {(field) => <Input {...field} autoComplete="off" />}
                </Field>
                <Field control={form.control} name="personnelMoveDate" label={t('transfer.moveDate')} extra={t('transfer.moveDateHint')}>
                  {({ value, onChange, id }) => <DateInput id={id} value={value} onChange={onChange} />}
                </Field>
                <Flex gap={8} justify="end">
                  <Button onClick={goBack}>{tc('actions.cancel')}</Button>
                  <Button type="primary" htmlType="submit" loading={create.isPending}>
                    {t('transfer.submit')}
                  </Button>
                </Flex>
              </HookForm>
            </FormProvider>
          </Card>
        </EscapeCancels>
      </CustodyTabs>
    </Page>
  );
}
