import { Col, Input, Radio, Row, Select } from 'antd';
import { useFormContext, useWatch, type ControllerRenderProps } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/core/contract';
import { Field } from '../../ui/field';
import { useUserDirectory } from './queries';

type Values = CallInput<'loan-request'>;
type BorrowerKind = Values['borrower']['kind'];

/**
 * The borrower as each kind starts out. An account starts unpicked: the resolver then says 必填
 * until one is chosen (the input schema is strict, so the person's fields cannot linger).
 */
const EMPTY_BORROWER: Record<BorrowerKind, Values['borrower']> = {
  person: { kind: 'person', name: '', department: '', phone: '' },
  user: { kind: 'user', userId: undefined as unknown as number },
};

/** Whom to focus once the box is scanned: the first borrower field of the kind chosen. */
export const firstBorrowerField = (kind: BorrowerKind) => (kind === 'user' ? 'borrower.userId' : 'borrower.name');

/** 借阅人: an account of this site, picked by name, or a person of another department recorded by name and phone. */
export function BorrowerFields() {
  const { t } = useTranslation('lending');
  const { control, setValue, clearErrors, setFocus } = useFormContext<Values>();
  const kind = useWatch({ control, name: 'borrower.kind' });
  return (
    <>
      <Field control={control} name="borrower.kind" label={t('fields.borrower')} required>
        {({ id, value }) => (
          <Radio.Group
            id={id}
            value={value}
            optionType="button"
            onChange={(event) => {
              const next = event.target.value as BorrowerKind;
              setValue('borrower', EMPTY_BORROWER[next]);
              clearErrors('borrower');
              // After the radio has re-rendered the fields of the new kind.
              setTimeout(() => setFocus(firstBorrowerField(next)));
            }}
            options={(['person', 'user'] as const).map((k) => ({ value: k, label: t(`borrowerKind.${k}`) }))}
          />
        )}
      </Field>
      {kind === 'user' ? (
        <Field control={control} name="borrower.userId" label={t('fields.account')} required>
          {(field) => <AccountSelect {...field} />}
        </Field>
      ) : (
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Field control={control} name="borrower.name" label={t('fields.name')} required>
              {(field) => <Input {...field} autoComplete="off" />}
            </Field>
          </Col>
          <Col xs={24} md={8}>
            <Field control={control} name="borrower.department" label={t('fields.department')} required>
              {(field) => <Input {...field} autoComplete="off" />}
            </Field>
          </Col>
          <Col xs={24} md={8}>
            <Field control={control} name="borrower.phone" label={t('fields.phone')} required>
              {(field) => <Input {...field} autoComplete="off" />}
            </Field>
          </Col>
        </Row>
      )}
    </>
  );
}

type AccountSelectProps = ControllerRenderProps<Values, 'borrower.userId'> & { id: string };

/** Searches the accounts by name or username as the clerk types; arrows and Enter pick. */
function AccountSelect({ id, value, onChange, onBlur, ref }: AccountSelectProps) {
  const { t } = useTranslation(['lending', 'common']);
  const directory = useUserDirectory();
  return (
    <Select<number>
      id={id}
      ref={ref}
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      placeholder={t('request.accountPlaceholder')}
      loading={directory.isPending}
      showSearch={{ optionFilterProp: 'search' }}
      options={(directory.data ?? []).map((u) => ({
        value: u.id,
        label: `${u.displayName}（${t(`common:enums.role.${u.role}`)}）`,
        search: `${u.displayName} ${u.username}`,
      }))}
      notFoundContent={t('request.noAccount')}
      style={{ maxWidth: 400 }}
    />
  );
}
