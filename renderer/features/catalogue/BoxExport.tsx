import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/core/contract';
import { call } from '../../api/client';
import { saveExportFile } from '../../ui/download';
import { useErrorText } from '../../ui/forms';
import { useCanCall } from '../../ui/access';
import { useCallProgress } from '../../ui/callProgress';
import type { BoxFilters } from '../../ui/listParams';

/** The catalogue as filtered on screen, as the office's Excel register (re-importable) or CSV. */
export function BoxExport({ filters }: { filters: BoxFilters }) {
  const { t } = useTranslation('catalogue');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const may = useCanCall('box-export');
  const exportBoxes = useMutation({
    mutationFn: (input: CallInput<'box-export'>) => call('box-export', input),
    onSuccess: (file) => {
      saveExportFile(file);
      void message.success(t('export.saved', { name: file.fileName }));
    },
    onError: (error) => void message.error(errorText(error)),
  });
  const progress = useCallProgress('box-export', exportBoxes.isPending);
  if (!may) return null;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: (['xlsx', 'csv'] as const).map((format) => ({ key: format, label: t(`export.${format}`) })),
        onClick: ({ key }) => exportBoxes.mutate({ ...filters, format: key as 'xlsx' | 'csv' }),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={exportBoxes.isPending}>
        {progress ?? t('export.action')}
      </Button>
    </Dropdown>
  );
}
