import { useQueryClient } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { statusQuery } from '../../ui/queries';

/**
 * A desk on the network reaching a host whose archive is not set up or not open yet: that is done
 * at the archive PC itself (the host refuses it from here), so the desk says so and waits.
 */
export function HostNotReady({ state }: { state: 'setup' | 'locked' }) {
  const { t } = useTranslation('app');
  const queryClient = useQueryClient();
  return (
    <Result
      status="info"
      title={t(`hostNotReady.${state}Title`)}
      subTitle={t(`hostNotReady.${state}`)}
      extra={
        <Button type="primary" onClick={() => void queryClient.invalidateQueries({ queryKey: statusQuery.queryKey })}>
          {t('status.retry')}
        </Button>
      }
    />
  );
}
