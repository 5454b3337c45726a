import { BarcodeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Input, type InputRef } from 'antd';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '../../api/client';
import { errorPayload, useErrorText } from '../../ui/forms';

function focusAndSelect(ref: RefObject<InputRef | null>): void {
  ref.current?.focus({ cursor: 'all' });
}

/** F2 or Ctrl+K (⌘K) from anywhere puts the cursor in the scan box. */
function useFocusShortcut(ref: RefObject<InputRef | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const ctrlK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
      if (event.key !== 'F2' && !ctrlK) return;
      event.preventDefault();
      focusAndSelect(ref);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [ref]);
}

/**
 * The front desk's main entry: a barcode scanner types the code and presses Enter. A miss keeps
 * the text selected, so the next scan simply replaces it.
 */
export function ScanInput() {
  const { t } = useTranslation('app');
  const { t: tc } = useTranslation('common');
  const errorText = useErrorText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const ref = useRef<InputRef>(null);
  const [code, setCode] = useState('');
  useFocusShortcut(ref);

  // Ready to scan right after sign-in, unless the opening screen already took the cursor.
  useEffect(() => {
    if (document.activeElement === document.body) focusAndSelect(ref);
  }, []);

  const find = useMutation({
    mutationFn: (scanned: string) => call('box-find-by-code', { code: scanned }),
    onSuccess: ({ id, code: current, formerCode }) => {
      setCode('');
      // An old label scanned: the box opens, and the desk is told its code has changed.
      if (formerCode) void message.info(tc('formerCode', { code: formerCode, current }));
      void navigate(`/boxes/${id}`);
    },
    onError: (error, scanned) => {
      const payload = errorPayload(error);
      const issue = payload.code === 'VALIDATION' ? payload.issues?.[0]?.message : undefined;
      const text = payload.code === 'NOT_FOUND' ? t('header.scanNotFound', { code: scanned }) : issue ? tc(issue, { defaultValue: issue }) : errorText(error);
      void message.warning(text);
      focusAndSelect(ref);
    },
  });

  const submit = () => {
    const scanned = code.trim();
    if (scanned && !find.isPending) find.mutate(scanned);
  };

  return (
    <Input
      ref={ref}
      className="scan-input"
      aria-label={t('header.scanPlaceholder')}
      placeholder={t('header.scanPlaceholder')}
      prefix={<BarcodeOutlined />}
      suffix={<kbd className="kbd">F2</kbd>}
      value={code}
      onChange={(e) => setCode(e.target.value)}
      onPressEnter={submit}
      allowClear
      autoComplete="off"
      spellCheck={false}
      title={t('header.scanShortcut')}
    />
  );
}
