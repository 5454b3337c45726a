import { Alert, Button, Flex } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { callQuery } from '../../ui/queries';
import { useCanCall } from '../../ui/access';
import { formatAt } from '../../ui/format';

/**
 * Loans read in from the paper register did not pass the manager's desk: the desk says who read
 * how many in, from which file, and opens just those loans (the audit log is the auditor's).
 */
export function PaperImports({ onShow }: { onShow: () => void }) {
  const { t } = useTranslation('lending');
  const mayList = useCanCall('import-recent');
  const recent = useQuery({ ...callQuery('import-recent', { kind: 'loans' }), enabled: mayList });
  if (!recent.data?.length) return null;
  return (
    <Flex vertical gap={8}>
      {recent.data.map((entry) => (
        <Alert
          key={entry.at}
          type="info"
          showIcon
          title={t('paperImports.notice', {
            count: entry.count,
            stillOut: entry.stillOut > 0 ? t('paperImports.stillOut', { count: entry.stillOut }) : '',
            name: entry.actorName,
            at: formatAt(entry.at),
            file: entry.fileName,
          })}
          action={
            <Button size="small" onClick={onShow}>
              {t('paperImports.show')}
            </Button>
          }
        />
      ))}
    </Flex>
  );
}
