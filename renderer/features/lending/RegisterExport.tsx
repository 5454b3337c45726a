import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, DatePicker, Flex, Popover, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/core/contract';
import { call } from '../../api/client';
import { saveExportFile } from '../../ui/download';
import { useCallProgress } from '../../ui/callProgress';
import { useErrorText } from '../../ui/forms';

const ISO_DAY = 'YYYY-MM-DD';
const FORMATS = ['pdf', 'xlsx', 'csv'] as const;

/** 借阅登记簿 for a period, as the printed register (PDF) or a spreadsheet; this month by default. */
export function RegisterExport() {
  const { t } = useTranslation('lending');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('month'), dayjs().endOf('month')]);
  const exportRegister = useMutation({
    mutationFn: (input: CallInput<'loan-register-export'>) => call('loan-register-export', input),
    onSuccess: (file) => {
      saveExportFile(file);
      void message.success(t('register.saved', { name: file.fileName }));
    },
    onError: (error) => void message.error(errorText(error)),
  });
  const pendingFormat = exportRegister.isPending ? exportRegister.variables.format : null;
  // A PDF is printed on this thread's printer and is short; the spreadsheets are written in a worker, and say how far.
  const progress = useCallProgress('loan-register-export', pendingFormat === 'xlsx' || pendingFormat === 'csv');
  const run = (format: (typeof FORMATS)[number]) => exportRegister.mutate({ from: range[0].format(ISO_DAY), to: range[1].format(ISO_DAY), format });

  const content = (
    <Flex vertical gap={12} style={{ width: 300 }}>
      <Typography.Text type="secondary">{t('register.period')}</Typography.Text>
      <DatePicker.RangePicker
        aria-label={t('register.period')}
        value={range}
        allowClear={false}
        onChange={(next) => next?.[0] && next[1] && setRange([next[0], next[1]])}
      />
      <Flex gap={8}>
        {FORMATS.map((format) => (
          <Button key={format} loading={pendingFormat === format} onClick={() => run(format)}>
            {(pendingFormat === format && progress) || t(`register.${format}`)}
          </Button>
        ))}
      </Flex>
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('register.title')} content={content}>
      <Button icon={<DownloadOutlined />}>{t('register.title')}</Button>
    </Popover>
  );
}
