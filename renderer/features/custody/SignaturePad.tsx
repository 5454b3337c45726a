import { Button, Flex } from 'antd';
import SignaturePadLib from 'signature_pad';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

const WIDTH = 360;
const HEIGHT = 120;

/**
 * A signature drawn with mouse, pen or finger (signature_pad on a canvas). Each finished stroke
 * hands the picture up as a PNG data URL; cleared, it hands up ''.
 */
export function SignaturePad({ id, onChange, label }: { id?: string; onChange: (dataUrl: string) => void; label: string }) {
  const { t } = useTranslation('custody');
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePadLib | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const element = canvas.current;
    if (!element?.getContext('2d')) return; // no canvas drawing (e.g. jsdom): the pad stays inert
    const instance = new SignaturePadLib(element, { penColor: '#102a6b', minWidth: 0.8, maxWidth: 2.4 });
    instance.addEventListener('endStroke', () => changed.current(instance.isEmpty() ? '' : instance.toDataURL('image/png')));
    pad.current = instance;
    return () => instance.off();
  }, []);

  const clear = () => {
    pad.current?.clear();
    changed.current('');
  };
  return (
    <Flex vertical gap={4} align="start">
      <canvas id={id} ref={canvas} width={WIDTH} height={HEIGHT} className="signature-canvas" aria-label={label} role="img" />
      <Button size="small" onClick={clear}>
        {t('transfer.clearSignature')}
      </Button>
    </Flex>
  );
}
