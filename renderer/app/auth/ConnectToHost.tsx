import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Descriptions, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type HostProbe, hostAddressInput } from '../../../electron/core/contract/client';
import { call } from '../../api/client';
import { Field, HookForm } from '../../ui/field';
import { formatTimestamp } from '../../ui/format';
import { applyFieldIssues, useErrorText } from '../../ui/forms';

/** The fingerprint in groups of four pairs, as easy to read aloud over the phone as the host shows it. */
const grouped = (fingerprint: string) => {
  const pairs = fingerprint.split(':');
  return Array.from({ length: Math.ceil(pairs.length / 4) }, (_, row) => pairs.slice(row * 4, row * 4 + 4).join(':'));
};

/** Step two: the user compares the host's certificate with the host's own screen before trusting it. */
function CompareFingerprint({ probe, onBack }: { probe: HostProbe; onBack: () => void }) {
  const { t } = useTranslation('app');
  const errorText = useErrorText();
  const [compared, setCompared] = useState(false);
  const connect = useMutation({ mutationFn: () => call('client-connect', { url: probe.url, fingerprint: probe.fingerprint }) });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'site', label: t('connect.siteName'), children: probe.siteName ?? t('connect.noSiteName') },
          { key: 'url', label: t('connect.url'), children: <span className="mono">{probe.url}</span> },
          {
            key: 'fingerprint',
            label: t('connect.fingerprint'),
            children: (
              <span className="mono" data-testid="host-fingerprint">
                {grouped(probe.fingerprint).map((row) => (
                  <div key={row}>{row}</div>
                ))}
              </span>
            ),
          },
          { key: 'subject', label: t('connect.subject'), children: probe.subject },
          { key: 'validTo', label: t('connect.validTo'), children: formatTimestamp(probe.validTo) },
        ]}
      />
      <Alert type="warning" showIcon title={t('connect.compareTitle')} description={t('connect.compare')} />
      <Checkbox checked={compared} onChange={(event) => setCompared(event.target.checked)}>
        {t('connect.compared')}
      </Checkbox>
      {connect.isError && <Alert type="error" showIcon title={errorText(connect.error)} />}
      {connect.isSuccess && <Alert type="success" showIcon title={t('connect.opening')} />}
      <Space>
        <Button type="primary" disabled={!compared || connect.isSuccess} loading={connect.isPending} onClick={() => connect.mutate()}>
          {t('connect.submit')}
        </Button>
        <Button onClick={onBack} disabled={connect.isPending}>
          {t('connect.back')}
        </Button>
      </Space>
    </Space>
  );
}

/** Step one: the host's address (what its 网络共享 card shows), looked up before anything is trusted. */
export function ConnectToHostForm() {
  const { t } = useTranslation('app');
  const errorText = useErrorText();
  const [probe, setProbe] = useState<HostProbe | null>(null);
  /** Errors about the address itself are told under it; the rest (a refused network…) above the form. */
  const [banner, setBanner] = useState(false);
  const { control, handleSubmit, setError } = useForm({ resolver: zodResolver(hostAddressInput), defaultValues: { address: '' } });
  const lookUp = useMutation({
    mutationFn: (input: { address: string }) => call('client-probe', input),
    onSuccess: setProbe,
    onError: (error) => setBanner(!applyFieldIssues(error, setError, { HOST_UNREACHABLE: 'address', HOST_NOT_ARCHIVE: 'address' })),
  });
  if (probe) return <CompareFingerprint probe={probe} onBack={() => setProbe(null)} />;
  return (
    <HookForm onSubmit={handleSubmit((input) => lookUp.mutate(input))}>
      <Typography.Paragraph type="secondary">{t('connect.intro')}</Typography.Paragraph>
      {lookUp.isError && banner && <Alert type="error" showIcon className="form-alert" title={errorText(lookUp.error)} />}
      <Field control={control} name="address" label={t('connect.address')} required extra={t('connect.addressHint')}>
        {(field) => <Input {...field} className="mono" placeholder="192.168.1.10:8443" autoComplete="off" />}
      </Field>
      <Button htmlType="submit" block loading={lookUp.isPending}>
        {t('connect.lookUp')}
      </Button>
    </HookForm>
  );
}
