import { PrinterOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Divider, Flex, Input, Popover, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/core/contract';
import { LABELS_CAP } from '../../../electron/core/contract/labels';
import { LABEL_SIZES, type LabelSize } from '../../../electron/core/enums';
import type { BoxRow } from '../../../electron/core/rows';
import { call } from '../../api/client';
import { useCanCall } from '../../ui/access';
import { saveExportFile } from '../../ui/download';
import { useErrorText } from '../../ui/forms';

type Labelled = Pick<BoxRow, 'id' | 'retentionClass'>;

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

function SizeSelect({ value, onChange }: { value: LabelSize; onChange: (size: LabelSize) => void }) {
  const { t } = useTranslation(['catalogue', 'common']);
  return (
    <Flex vertical gap={4}>
      <Typography.Text>{t('labels.size')}</Typography.Text>
      <Select
        aria-label={t('labels.size')}
        value={value}
        onChange={onChange}
        options={LABEL_SIZES.map((size) => ({ value: size, label: t(`common:enums.labelSize.${size}`) }))}
      />
    </Flex>
  );
}

/**
 * Roll labels are what a thermal printer prints, and direct-thermal paper darkens and fades within
 * a few years: said for every roll print, as a warning when a 永久 box is among those printed.
 */
function FadingNotice({ size, permanent }: { size: LabelSize; permanent: boolean }) {
  const { t } = useTranslation('catalogue');
  if (size !== 'roll_40x30' && size !== 'roll_60x40') return null;
  return (
    <Alert showIcon type={permanent ? 'warning' : 'info'} message={permanent ? t('labels.fadingPermanent') : t('labels.fading')} data-testid="label-fading" />
  );
}

/** The catalogue's labels: for the boxes the list shows (filtered to a shelf), or a code range. */
export function LabelsButton({ boxes }: { boxes: Labelled[] }) {
  const { t } = useTranslation('catalogue');
  const may = useCanCall('box-labels-pdf');
  const labels = useLabelsPdf();
  const [size, setSize] = useState<LabelSize>('sheet');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  if (!may) return null;
  // Sliced before mapping: the list can hold 100,000 boxes, and this renders on every page loaded.
  const listed = boxes.slice(0, LABELS_CAP);
  const content = (
    <Flex vertical gap={8} style={{ width: 340 }}>
      <SizeSelect value={size} onChange={setSize} />
      <FadingNotice size={size} permanent={listed.some((box) => box.retentionClass === 'permanent')} />
      <Button
        icon={<PrinterOutlined />}
        disabled={listed.length === 0}
        loading={labels.isPending && labels.variables && 'ids' in labels.variables}
        onClick={() => labels.mutate({ ids: listed.map((box) => box.id), size })}
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
        onClick={() => labels.mutate({ fromCode: from.trim(), toCode: to.trim(), size })}
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
export function BoxLabelButton({ box }: { box: Labelled }) {
  const { t } = useTranslation('catalogue');
  const may = useCanCall('box-labels-pdf');
  const labels = useLabelsPdf();
  const [size, setSize] = useState<LabelSize>('sheet');
  if (!may) return null;
  const content = (
    <Flex vertical gap={8} style={{ width: 320 }}>
      <SizeSelect value={size} onChange={setSize} />
      <FadingNotice size={size} permanent={box.retentionClass === 'permanent'} />
      <Button type="primary" icon={<PrinterOutlined />} loading={labels.isPending} onClick={() => labels.mutate({ ids: [box.id], size })}>
        {t('labels.print')}
      </Button>
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('labels.title')} content={content}>
      <Button icon={<PrinterOutlined />}>{t('labels.one')}</Button>
    </Popover>
  );
}
