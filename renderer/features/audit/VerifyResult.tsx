import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditVerification } from '../../../electron/core/contract/audit';
import { shortHash } from './format';

/** The answer of 校验完整性: the chain's length and head, or the first entry that breaks it and why. */
export function VerifyResult({ result, onClose }: { result: AuditVerification; onClose: () => void }) {
  const { t } = useTranslation('audit');
  return result.intact ? (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      title={t('verify.intact', { count: result.entries, head: shortHash(result.headHash) })}
      description={t('verify.intactHint')}
    />
  ) : (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      title={t('verify.broken', { seq: result.brokenAt })}
      description={t(`verify.reasons.${result.reason}`)}
    />
  );
}
