import { App, Input, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspection, InspectionItem } from '../../../electron/core/contract/inspections';
import { useErrorText } from '../../ui/forms';
import { useCustodyWrite } from './queries';

/** The scan box of an inspection (or of one cabinet of it): a scan marks the box present and opens its check. */
export function ScanToCheck({
  inspection,
  onItem,
  cabinet,
}: {
  inspection: Inspection;
  onItem: (item: InspectionItem) => void;
  cabinet?: { id: number; path: string };
}) {
  const { t } = useTranslation('custody');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [code, setCode] = useState('');
  const ref = useRef<InputRef>(null);
  const scan = useCustodyWrite('inspection-scan');
  const submit = () => {
    const scanned = code.trim();
    if (!scanned || scan.isPending) return;
    scan.mutate(
      { inspectionId: inspection.id, code: scanned, cabinetId: cabinet?.id },
      {
        onSuccess: (item) => {
          setCode('');
          onItem(item);
        },
        onError: (error) => {
          void message.warning(errorText(error));
          ref.current?.focus({ cursor: 'all' });
        },
      },
    );
  };
  const hint = cabinet ? t('inspection.partScanHint', { path: cabinet.path }) : t('inspection.scanHint');
  return (
    <Input
      ref={ref}
      size="large"
      className="mono"
      aria-label={hint}
      placeholder={hint}
      value={code}
      onChange={(e) => setCode(e.target.value.toUpperCase())}
      onPressEnter={submit}
      autoFocus
      autoComplete="off"
      spellCheck={false}
    />
  );
}
