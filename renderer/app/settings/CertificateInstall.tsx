import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useErrorText } from '../../ui/forms';

interface PemFile {
  name: string;
  text: string;
}

/** The PEM text of a chosen file, read here: the host gets text, never a path on this PC. */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

function PemPicker({ label, file, onFile }: { label: string; file: PemFile | null; onFile: (file: PemFile) => void }) {
  return (
    <Space>
      <Upload
        accept=".pem,.crt,.cer,.key"
        showUploadList={false}
        maxCount={1}
        beforeUpload={(chosen) => {
          void readText(chosen).then((text) => onFile({ name: chosen.name, text }));
          return false;
        }}
      >
        <Button icon={<UploadOutlined />}>{label}</Button>
      </Upload>
      {file && <Typography.Text type="secondary">{file.name}</Typography.Text>}
    </Space>
  );
}

/** A company certificate in place of the self-signed one: the certificate and its key, both PEM. */
export function CertificateInstall() {
  const { t } = useTranslation('app');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [cert, setCert] = useState<PemFile | null>(null);
  const [key, setKey] = useState<PemFile | null>(null);
  const install = useMutation({
    mutationFn: (input: { certPem: string; keyPem: string }) => call('host-certificate-install', input),
    onSuccess: () => {
      setCert(null);
      setKey(null);
      void message.success(t('host.certInstalled'));
    },
  });
  return (
    <section aria-label={t('host.certTitle')}>
      <Typography.Title level={5}>{t('host.certTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('host.certHint')}</Typography.Paragraph>
      {install.isError && <Alert type="error" showIcon className="form-alert" title={errorText(install.error)} />}
      <Space orientation="vertical">
        <PemPicker label={t('host.certFile')} file={cert} onFile={setCert} />
        <PemPicker label={t('host.keyFile')} file={key} onFile={setKey} />
        <Button disabled={!cert || !key} loading={install.isPending} onClick={() => cert && key && install.mutate({ certPem: cert.text, keyPem: key.text })}>
          {t('host.certInstall')}
        </Button>
      </Space>
    </section>
  );
}
