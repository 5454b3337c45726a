import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HostStatus } from '../../../electron/core/contract/network';
import { call } from '../../api/client';
import { Confirm } from '../../ui/Confirm';
import { formatAt } from '../../ui/format';
import { useErrorText } from '../../ui/forms';
import { callQuery } from '../../ui/queries';
import { CertificateInstall } from './CertificateInstall';
import { HostEnableForm } from './HostEnableForm';

/**
 * 系统设置 → 网络共享 (issue #15): whether this PC serves the archive to the office network, the
 * address the other PCs type and the certificate fingerprint they can compare; turning it on,
 * off, and a company certificate. Where this window cannot serve (a browser) it says only that.
 */
export function HostCard() {
  const { t } = useTranslation('app');
  const errorText = useErrorText();
  const status = useQuery(callQuery('host-status', {}));
  return (
    <Card size="small" title={t('host.title')} className="settings-card">
      {status.isError && <Alert type="error" showIcon title={errorText(status.error)} />}
      {status.isPending && <Skeleton active />}
      {status.data && (status.data.available ? <HostDetails status={status.data} /> : <Alert type="info" showIcon title={t('host.unavailable')} />)}
    </Card>
  );
}

function StatusTag({ status }: { status: HostStatus }) {
  const { t, i18n } = useTranslation('app');
  if (status.running) return <Tag color="success">{t('host.running')}</Tag>;
  if (!status.enabled || !status.problem) return <Tag>{t('host.off')}</Tag>;
  // The problem is an error code; one this version has no text for reads as the generic failure.
  const key = i18n.exists(`common:errors.${status.problem}`) ? status.problem : 'INTERNAL';
  return <Typography.Text type="danger">{t(`common:errors.${key}`, { port: status.port ?? '', address: status.address ?? '' })}</Typography.Text>;
}

function HostDetails({ status }: { status: HostStatus }) {
  const { t } = useTranslation('app');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const disable = useMutation({
    mutationFn: () => call('host-disable', {}),
    onSuccess: () => void message.success(t('host.disabled')),
    onError: (error) => void message.error(errorText(error)),
  });
  const certificate = status.certificate;
  return (
    <Space orientation="vertical" size={16} className="full-width">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('host.status')}>
          <StatusTag status={status} />
        </Descriptions.Item>
        {status.running && (
          <Descriptions.Item label={t('host.urls')}>
            {status.urls.map((url) => (
              <Typography.Text key={url} code copyable={{ text: url }} className="host-address">
                {url}
              </Typography.Text>
            ))}
          </Descriptions.Item>
        )}
        {certificate && (
          <>
            <Descriptions.Item label={t('host.fingerprint')}>
              <Typography.Text className="mono" copyable>
                {certificate.fingerprint}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('host.subject')}>{certificate.subject}</Descriptions.Item>
            <Descriptions.Item label={t('host.validity')}>
              {t('host.validRange', { from: formatAt(certificate.validFrom), to: formatAt(certificate.validTo) })}{' '}
              <Tag>{certificate.selfSigned ? t('host.selfSigned') : t('host.companyCert')}</Tag>
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      {status.running && <Typography.Text type="secondary">{t('host.urlsHint')}</Typography.Text>}
      <HostEnableForm status={status} />
      {status.enabled && (
        <Confirm
          title={t('host.disableConfirm')}
          description={t('host.disableHint')}
          okText={t('host.disable')}
          okButtonProps={{ danger: true }}
          onConfirm={() => disable.mutate()}
        >
          <Button danger loading={disable.isPending}>
            {t('host.disable')}
          </Button>
        </Confirm>
      )}
      <CertificateInstall />
    </Space>
  );
}
