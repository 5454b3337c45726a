import { zodResolver } from '@hookform/resolvers/zod';
import { App, Col, Input, Modal, Radio, Row, Typography } from 'antd';
import { useForm, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/core/contract';
import { transferSignOffInput, type Transfer } from '../../../electron/core/contract/transfers';
import { Field } from '../../ui/field';
import { FormModal } from '../../ui/form-modal';
import { useServerErrors } from '../../ui/forms';
import { useCustodyCheck, useCustodyWrite } from './queries';
import { SignaturePad } from './SignaturePad';

type Values = CallInput<'transfer-sign-off'>;
type Side = 'handover' | 'receiver';
type Party = Values[Side];

/** Who stands on a side, without the password or the drawn signature: what the check is given. */
const named = (party: Party) => (party.kind === 'account' ? { kind: party.kind, username: party.username } : { kind: party.kind, name: party.name });

const ACCOUNT = { kind: 'account', username: '', password: '' } as const;
const PERSON = { kind: 'person', name: '', signature: '' } as const;

/** One side: an account (user name + own password) or a person (name + signature drawn here). */
function SideFields({ control, side, onKind }: { control: Control<Values>; side: Side; onKind: (kind: 'account' | 'person') => void }) {
  const { t } = useTranslation('custody');
  const kind = useWatch({ control, name: `${side}.kind` });
  return (
    <div className="signoff-side">
      <Typography.Title level={5}>{t(`transfer.${side}`)}</Typography.Title>
      <Radio.Group
        value={kind}
        onChange={(e) => onKind(e.target.value as 'account' | 'person')}
        optionType="button"
        options={[
          { value: 'account', label: t('transfer.byAccount') },
          { value: 'person', label: t('transfer.byPerson') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {kind === 'account' ? (
        <>
          <Field control={control} name={`${side}.username`} label={t('transfer.account')} required>
            {(field) => <Input {...field} value={field.value ?? ''} autoComplete="off" />}
          </Field>
          <Field control={control} name={`${side}.password`} label={t('transfer.password')} required>
            {(field) => <Input.Password {...field} value={field.value ?? ''} autoComplete="off" />}
          </Field>
        </>
      ) : (
        <>
          <Field control={control} name={`${side}.name`} label={t('transfer.name')} required>
            {(field) => <Input {...field} value={field.value ?? ''} autoComplete="off" />}
          </Field>
          <Field control={control} name={`${side}.signature`} label={t('transfer.signature')} required>
            {({ id, onChange }) => <SignaturePad id={id} onChange={onChange} label={`${t(`transfer.${side}`)} ${t('transfer.signature')}`} />}
          </Field>
        </>
      )}
    </div>
  );
}

/**
 * 当场签收 (§4.7.2): both people at the same desk. Irreversible, so it asks once more before the
 * boxes change hands, and only after the server's checks that need no password have passed.
 */
export function SignOffModal({ transfer, onClose }: { transfer: Transfer; onClose: () => void }) {
  const { t } = useTranslation('custody');
  const { message } = App.useApp();
  const form = useForm<Values>({
    resolver: zodResolver(transferSignOffInput),
    defaultValues: { id: transfer.id, handover: { ...ACCOUNT }, receiver: { ...PERSON } },
  });
  const onError = useServerErrors(form.setError);
  const check = useCustodyCheck('transfer-sign-off-check');
  const signOff = useCustodyWrite('transfer-sign-off');
  const setKind = (side: Side, kind: 'account' | 'person') => {
    form.setValue(side, kind === 'account' ? { ...ACCOUNT } : { ...PERSON });
    form.clearErrors(side);
  };
  const confirm = (values: Values) =>
    Modal.confirm({
      title: t('transfer.signOff'),
      content: t('transfer.signOffConfirm'),
      okText: t('transfer.signOff'),
      onOk: () =>
        signOff.mutateAsync(values).then(() => {
          void message.success(t('transfer.signed'));
          onClose();
        }, onError),
    });
  // What can be refused without the passwords is refused before the question that cannot be undone.
  const onSubmit = form.handleSubmit((values) =>
    check.mutate({ id: values.id, handover: named(values.handover), receiver: named(values.receiver) }, { onSuccess: () => confirm(values), onError }),
  );
  return (
    <FormModal
      open
      width={820}
      title={t('transfer.signOffTitle', { no: transfer.transferNo })}
      okText={t('transfer.signOff')}
      onSubmit={onSubmit}
      onCancel={onClose}
      submitting={check.isPending || signOff.isPending}
    >
      <Typography.Paragraph type="secondary">{t('transfer.signOffHint')}</Typography.Paragraph>
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <SideFields control={form.control} side="handover" onKind={(k) => setKind('handover', k)} />
        </Col>
        <Col xs={24} md={12}>
          <SideFields control={form.control} side="receiver" onKind={(k) => setKind('receiver', k)} />
        </Col>
      </Row>
    </FormModal>
  );
}
