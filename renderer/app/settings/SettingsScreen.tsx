import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Input, Row, Skeleton, Typography } from 'antd';
import { useForm, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { settingsSchema, type Settings } from '../../../electron/core/contract/app';
import { BOX_KINDS } from '../../../electron/core/enums';
import { call } from '../../api/client';
import { Field, HookForm } from '../../ui/field';
import { useErrorText, useServerErrors, type CodeFields } from '../../ui/forms';
import { Page } from '../../ui/Page';
import { callQuery } from '../../ui/queries';
import { fillCodePattern, numberCode } from '../../../electron/core/contract/box-code-pattern';
import { NumberInput } from '../../ui/NumberInput';
import { HostCard } from './HostCard';
import { SessionsCard } from './SessionsCard';
import { UpdatesCard } from '../updates/UpdatesCard';

const CODE_FIELDS: CodeFields<Settings> = { CODE_PATTERN_INVALID: 'codePattern' };

export function SettingsScreen() {
  const { t } = useTranslation('app');
  const errorText = useErrorText();
  const settings = useQuery(callQuery('settings-get', {}));
  return (
    <Page title={t('nav.settings')}>
      {settings.isError && <Alert type="error" showIcon title={errorText(settings.error)} />}
      {settings.isPending && <Skeleton active />}
      {settings.data && <SettingsForm settings={settings.data} />}
      {/* Apart from the form above: each of these saves on its own, and is not undone by 撤销修改. */}
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <HostCard />
        </Col>
        <Col xs={24} xl={14}>
          <SessionsCard />
        </Col>
        <Col xs={24} xl={10}>
          <UpdatesCard />
        </Col>
      </Row>
    </Page>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation('app');
  const { message } = App.useApp();
  const { control, handleSubmit, setError, reset, formState } = useForm({ resolver: zodResolver(settingsSchema), defaultValues: settings });
  const onError = useServerErrors(setError, CODE_FIELDS);
  const save = useMutation({
    mutationFn: (input: Settings) => call('settings-update', input),
    onSuccess: (saved) => {
      reset(saved);
      void message.success(t('settings.saved'));
    },
    onError,
  });

  return (
    <HookForm onSubmit={handleSubmit((input) => save.mutate(input))}>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('settings.general')} className="settings-card">
            <Field control={control} name="siteName" label={t('setup.siteName')} required extra={t('settings.siteNameHint')}>
              {(field) => <Input {...field} autoFocus />}
            </Field>
            <Field control={control} name="idleMinutes" label={t('settings.idleMinutes')} required extra={t('settings.idleHint')}>
              {(field) => <NumberInput {...field} suffix={t('settings.minutes')} className="number-input" />}
            </Field>
            <Field control={control} name="maxRenewals" label={t('settings.maxRenewals')} required extra={t('settings.maxRenewalsHint')}>
              {(field) => <NumberInput {...field} className="number-input" />}
            </Field>
            <Field control={control} name="deskPhone" label={t('settings.deskPhone')} extra={t('settings.deskPhoneHint')}>
              {(field) => <Input {...field} inputMode="tel" placeholder="0571-88881234" />}
            </Field>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('settings.numbering')} className="settings-card">
            <Field control={control} name="codePattern" label={t('settings.codePattern')} required extra={t('settings.codePatternHelp')}>
              {(field) => <Input {...field} className="mono" spellCheck={false} />}
            </Field>
            <KindPrefixes control={control} />
          </Card>
        </Col>
      </Row>
      <div className="form-actions">
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('settings.save')}
        </Button>
        <Button onClick={() => reset(settings)} disabled={!formState.isDirty}>
          {t('settings.undo')}
        </Button>
      </div>
    </HookForm>
  );
}

/** One row per box kind: its prefix and the code the next box of that kind would get this year. */
function KindPrefixes({ control }: { control: Control<Settings> }) {
  const { t } = useTranslation('app');
  const { t: tc } = useTranslation('common');
  const [pattern, prefixes] = useWatch({ control, name: ['codePattern', 'kindPrefixes'] });
  const year = new Date().getFullYear();
  return (
    <table className="prefix-grid" aria-label={t('settings.kindPrefixes')}>
      <thead>
        <tr className="prefix-row prefix-head">
          <th>{t('settings.kind')}</th>
          <th>{t('settings.prefix')}</th>
          <th>{t('settings.example')}</th>
        </tr>
      </thead>
      <tbody>
        {BOX_KINDS.map((kind) => (
          <tr className="prefix-row" key={kind}>
            <td>{tc(`enums.boxKind.${kind}`)}</td>
            <td>
              <Field control={control} name={`kindPrefixes.${kind}`} label={null} className="prefix-field">
                {(field) => (
                  <Input
                    {...field}
                    onChange={(e) => field.onChange(e.target.value.toUpperCase())}
                    aria-label={`${tc(`enums.boxKind.${kind}`)} ${t('settings.prefix')}`}
                    maxLength={8}
                    className="mono"
                    spellCheck={false}
                  />
                )}
              </Field>
            </td>
            <td className="prefix-example">
              <Typography.Text code>{numberCode(fillCodePattern(pattern, prefixes[kind], year), 1)}</Typography.Text>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
