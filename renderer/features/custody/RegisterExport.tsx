import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/core/contract';
import type { ExportFile } from '../../../electron/core/contract/audit';
import { call } from '../../api/client';
import { saveExportFile } from '../../ui/download';
import { useErrorText } from '../../ui/forms';
import { useCanCall } from '../../ui/access';
import { useCallProgress } from '../../ui/callProgress';

type ExportCall = 'transfer-export' | 'destruction-export' | 'inspection-export';
type Format = 'xlsx' | 'csv';

/** A custody register as shown (same filter), as an Excel or CSV file; hidden from roles that may not export it. */
export function RegisterExport<N extends ExportCall>({ name, input, size }: { name: N; input: Omit<CallInput<N>, 'format'>; size?: 'small' }) {
  const { t } = useTranslation('custody');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const may = useCanCall(name);
  const exportFile = useMutation({
    mutationFn: (format: Format) => call(name, { ...input, format } as CallInput<N>) as Promise<ExportFile>,
    onSuccess: (file) => {
      saveExportFile(file);
      void message.success(t('export.saved', { name: file.fileName }));
    },
    onError: (error) => void message.error(errorText(error)),
  });
  const progress = useCallProgress(name, exportFile.isPending);
  if (!may) return null;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: (['xlsx', 'csv'] as const).map((format) => ({ key: format, label: t(`export.${format}`) })),
        onClick: ({ key }) => exportFile.mutate(key as Format),
      }}
    >
      <Button size={size} icon={<DownloadOutlined />} loading={exportFile.isPending}>
        {progress ?? t('export.action')}
      </Button>
    </Dropdown>
  );
}
