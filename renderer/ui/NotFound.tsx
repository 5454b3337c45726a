import { useTranslation } from 'react-i18next';
import { ExceptionResult } from './ExceptionResult';

export function NotFound() {
  const { t } = useTranslation('common');
  return <ExceptionResult status="404" title={t('errors.NOT_FOUND')} />;
}
