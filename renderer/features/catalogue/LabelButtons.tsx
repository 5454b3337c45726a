import { PrinterOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Divider, Flex, Input, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/core/contract';
import { LABELS_CAP } from '../../../electron/core/contract/labels';
import { call } from '../../api/client';
import { saveExportFile } from '../../ui/download';
import { useErrorText } from '../../ui/forms';
import { useCanCall } from '../../ui/access';

function useLabelsPdf() {
  const { t } = useTranslation('catalogue');
  const { message } = App.useApp();
  const errorText = useErrorText();
  return useMutation({
    mutationFn: (input: CallInput<'box-labels-pdf'>) => call('box-labels-pdf', input),
    onSuccess: (file) => {
      saveExportFile(file);
      void message.success(t('labels.saved', { name: file.fileName }));
    },
    onError: (error) => void message.error(errorText(error)),
  });
}

/** The catalogue's labels: for the boxes the list shows (filtered to a shelf), or a code range. */
export function LabelsButton({ boxes }: { boxes: { id: number }[] }) {
  const { t } = useTranslation('catalogue');
  const may = useCanCall('box-labels-pdf');
  const labels = useLabelsPdf();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  if (!may) return null;
  // Sliced before mapping: the list can hold 100,000 boxes, and this renders on every page loaded.
  const listed = boxes.slice(0, LABELS_CAP).map((box) => box.id);
  const content = (
    <Flex vertical gap={8} style={{ width: 320 }}>
      <Button
        icon={<PrinterOutlined />}
        disabled={listed.length === 0}
        loading={labels.isPending && labels.variables && 'ids' in labels.variables}
        onClick={() => labels.mutate({ ids: listed })}
      >
        {t('labels.loaded', { count: listed.length })}
      </Button>
      <Typography.Text type="secondary">{t('labels.loadedHint')}</Typography.Text>
      <Divider plain style={{ margin: '4px 0' }}>
        {t('labels.range')}
      </Divider>
      <Flex gap={8}>
        <Input aria-label={t('labels.from')} placeholder={t('labels.from')} value={from} onChange={(e) => setFrom(e.target.value)} className="mono" />
        <Input aria-label={t('labels.to')} placeholder={t('labels.to')} value={to} onChange={(e) => setTo(e.target.value)} className="mono" />
      </Flex>
      <Button
        type="primary"
        disabled={!from.trim() || !to.trim()}
        loading={labels.isPending && labels.variables && 'fromCode' in labels.variables}
        onClick={() => labels.mutate({ fromCode: from.trim(), toCode: to.trim() })}
      >
        {t('labels.print')}
      </Button>
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('labels.title')} content={content}>
      <Button icon={<PrinterOutlined />}>{t('labels.action')}</Button>
    </Popover>
  );
}

/** One box's label, from its page. */
export function BoxLabelButton({ id }: { id: number }) {
  const { t } = useTranslation('catalogue');
  const may = useCanCall('box-labels-pdf');
  const labels = useLabelsPdf();
  if (!may) return null;
  return (
    <Button icon={<PrinterOutlined />} loading={labels.isPending} onClick={() => labels.mutate({ ids: [id] })}>
      {t('labels.one')}
    </Button>
  );
}
