import { Alert, Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callResult } from '../../api/client';
import { useConnection } from '../../api/connection';
import { retryLiveUpdates } from '../../api/events';
import { isLan } from '../../api/transport';

/** A stream gap shorter than this (a host restart, a Wi-Fi hiccup) is not worth alarming the desk. */
export const STREAM_GRACE_MS = 3000;
const BACK_SHOWN_MS = 3000;

/** Whether the desk has lost the archive host: a call could not reach it, or (LAN) the stream is gone for a while. */
function useLost(): boolean {
  const stream = useConnection((s) => s.stream);
  const lostSince = useConnection((s) => s.lostSince);
  const unreachable = useConnection((s) => s.unreachable);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (stream !== 'reconnecting' || lostSince === null) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, lostSince + STREAM_GRACE_MS - Date.now()) + 20);
    return () => clearTimeout(timer);
  }, [stream, lostSince]);
  const streamGone = isLan() && stream === 'reconnecting' && lostSince !== null && now - lostSince >= STREAM_GRACE_MS;
  return unreachable || streamGone;
}

/**
 * Says plainly when this desk cannot reach the archive host, offers 立即重试, and says so briefly
 * once it is back (when every query refetches: refresh.ts). It sits above the screens, which stay
 * mounted, so what is typed in an open form survives the outage.
 */
export function ConnectionBanner() {
  const { t } = useTranslation('app');
  const lost = useLost();
  const [back, setBack] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const wasLost = useRef(false);

  useEffect(() => {
    if (lost) {
      wasLost.current = true;
      setBack(false);
      return;
    }
    if (!wasLost.current) return;
    wasLost.current = false;
    setBack(true);
    const timer = setTimeout(() => setBack(false), BACK_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [lost]);

  const retry = async () => {
    setRetrying(true);
    retryLiveUpdates();
    // Any answer clears the unreachable mark (client.ts), even with the stream still reconnecting.
    await callResult('app-status', {});
    setRetrying(false);
  };

  if (lost)
    return (
      <Alert
        type="error"
        showIcon
        className="connection-banner"
        title={t('connection.lost')}
        description={t('connection.lostHint')}
        action={
          <Button size="small" type="primary" loading={retrying} onClick={() => void retry()}>
            {t('connection.retry')}
          </Button>
        }
      />
    );
  if (back) return <Alert type="success" showIcon className="connection-banner" title={t('connection.back')} />;
  return null;
}
