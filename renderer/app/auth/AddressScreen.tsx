import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AuthFrame } from './AuthFrame';

/**
 * The web shell opened without its #token, or with one from an earlier run: no call can succeed,
 * so instead of a role refusal and a useless 重试 the page says which address to open.
 */
export function AddressScreen({ problem }: { problem: 'missing' | 'refused' }) {
  const { t } = useTranslation('app');
  return (
    <AuthFrame title={t('address.title')} width={560}>
      <Alert type="warning" showIcon className="form-alert" title={t(`address.${problem}`)} description={t('address.where')} />
      <Typography.Paragraph>
        <Typography.Text code>{`${window.location.origin}/#token=…`}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('address.host')}</Typography.Paragraph>
    </AuthFrame>
  );
}
