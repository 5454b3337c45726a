import { Alert, Card, Input, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputRef } from 'antd';
import { useErrorText } from '../../ui/forms';
import { useLocationWrite } from './queries';

/**
 * 扫码上架: one focused input that takes a box's code, then a position label's code, each
 * ended by the scanner's Enter; then it waits for the next box. Nothing is saved until both are read.
 */
export function ScanMove() {
  const { t } = useTranslation('locations');
  const errorText = useErrorText();
  const input = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const [boxCode, setBoxCode] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const place = useLocationWrite('box-place');

  const read = () => {
    const scanned = text.trim();
    setText('');
    if (!scanned) return;
    if (boxCode === null) {
      setBoxCode(scanned);
      setOutcome(null);
      return;
    }
    place.mutate(
      { boxCode, positionCode: scanned },
      {
        onSuccess: (done) => setOutcome({ ok: true, text: t('scan.placed', { code: done.code, path: done.path }) }),
        onError: (error) => setOutcome({ ok: false, text: errorText(error) }),
        onSettled: () => {
          setBoxCode(null);
          input.current?.focus();
        },
      },
    );
  };

  return (
    <Card size="small" title={t('scan.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{boxCode === null ? t('scan.stepBox') : t('scan.stepPosition', { code: boxCode })}</Typography.Text>
        <Input
          ref={input}
          aria-label={t('scan.input')}
          autoFocus
          autoComplete="off"
          value={text}
          placeholder={boxCode === null ? t('scan.boxPlaceholder') : t('scan.positionPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={read}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setBoxCode(null);
          }}
          // Read-only, not disabled, while saving: a disabled input would lose the scanner's focus.
          readOnly={place.isPending}
        />
        {outcome && <Alert role="status" type={outcome.ok ? 'success' : 'error'} showIcon message={outcome.text} />}
      </Space>
    </Card>
  );
}
