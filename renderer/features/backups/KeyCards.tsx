import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Card, Checkbox, Col, Input, Row, Typography } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { passphraseChangeInput, rekeyInput } from '../../../electron/core/contract/backups';
import { Field, HookForm } from '../../ui/field';
import { useServerErrors } from '../../ui/forms';
import { useCanCall } from '../../ui/access';
import { useBackupWrite } from './queries';

/**
 * Change the recovery passphrase; re-key the database. Both ask for the current passphrase, and
 * only the roles the contract lets make either call see them (the admin).
 */
export function KeyCards() {
  const { t } = useTranslation('backups');
  const mayChange = useCanCall('passphrase-change');
  const mayRekey = useCanCall('database-rekey');
  if (!mayChange && !mayRekey) return null;
  return (
    <Card size="small" title={t('keys.title')}>
      <Row gutter={32}>
        {mayChange && (
          <Col xs={24} xl={12}>
            <PassphraseForm />
          </Col>
        )}
        {mayRekey && (
          <Col xs={24} xl={12}>
            <RekeyForm />
          </Col>
        )}
      </Row>
    </Card>
  );
}

function PassphraseForm() {
  const { t } = useTranslation('backups');
  const { message } = App.useApp();
  const { control, handleSubmit, setError, reset } = useForm({
    resolver: zodResolver(passphraseChangeInput),
    defaultValues: { current: '', next: '', nextConfirm: '' },
  });
  const onError = useServerErrors(setError, { WRONG_PASSPHRASE: 'current' });
  const change = useBackupWrite('passphrase-change', () => {
    reset();
    void message.success(t('keys.changed'));
  });
  return (
    <HookForm onSubmit={handleSubmit((input) => change.mutate(input, { onError }))}>
      <Typography.Title level={5}>{t('keys.passphraseTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('keys.passphraseHint')}</Typography.Paragraph>
      <Field control={control} name="current" label={t('keys.current')} required>
        {(field) => <Input.Password {...field} autoComplete="off" />}
      </Field>
      <Field control={control} name="next" label={t('keys.next')} required>
        {(field) => <Input.Password {...field} autoComplete="new-password" />}
      </Field>
      <Field control={control} name="nextConfirm" label={t('keys.nextConfirm')} required>
        {(field) => <Input.Password {...field} autoComplete="new-password" />}
      </Field>
      <Button htmlType="submit" loading={change.isPending}>
        {t('keys.change')}
      </Button>
    </HookForm>
  );
}

function RekeyForm() {
  const { t } = useTranslation('backups');
  const { message } = App.useApp();
  const { control, handleSubmit, setError, reset } = useForm({
    resolver: zodResolver(rekeyInput),
    defaultValues: { passphrase: '', confirm: false as unknown as true },
  });
  const onError = useServerErrors(setError, { WRONG_PASSPHRASE: 'passphrase' });
  const rekey = useBackupWrite('database-rekey', () => {
    reset();
    void message.success(t('keys.rekeyed'));
  });
  return (
    <HookForm onSubmit={handleSubmit((input) => rekey.mutate(input, { onError }))}>
      <Typography.Title level={5}>{t('keys.rekeyTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('keys.rekeyHint')}</Typography.Paragraph>
      <Field control={control} name="passphrase" label={t('keys.rekeyPassphrase')} required>
        {(field) => <Input.Password {...field} autoComplete="off" />}
      </Field>
      <Field control={control} name="confirm" label={null}>
        {({ value, onChange, id }) => (
          <Checkbox id={id} checked={value === true} onChange={(e) => onChange(e.target.checked)}>
            {t('keys.rekeyConfirm')}
          </Checkbox>
        )}
      </Field>
      <Button danger htmlType="submit" loading={rekey.isPending}>
        {t('keys.rekey')}
      </Button>
    </HookForm>
  );
}
