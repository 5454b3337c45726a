import { Alert, Button, Descriptions, Divider, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../electron/core/contract/app';
import { RestoreFromBackupForm } from '../../features/backups/RestoreAtSetup';
import { AuthFrame } from './AuthFrame';

const EXPLAINED = [
  'DISK_FULL',
  'DATA_READ_ONLY',
  'ALREADY_RUNNING',
  'DB_CORRUPT',
  'WRONG_KEY',
  'KEY_FILE_MISSING',
  'KEY_FILE_CORRUPT',
  'KEY_FILE_UNREADABLE',
  'DB_TOO_NEW',
  'DB_MISSING',
  'DATA_FOLDER_GONE',
  'DATA_FOLDER_ON_NETWORK',
  'MIGRATION_BACKUP_FAILED',
];
/** Faults whose way forward is a restore from a backup, offered right here. */
const RESTORE_HERE = ['DB_MISSING', 'DATA_FOLDER_GONE'];
/** Which paths each fault needs a person to look at or act on. */
const PATHS: Record<string, readonly ('dataDir' | 'db' | 'keyFile' | 'lockFile')[]> = {
  DATA_READ_ONLY: ['dataDir'],
  ALREADY_RUNNING: ['lockFile'],
  DB_CORRUPT: ['db'],
  WRONG_KEY: ['keyFile', 'db'],
  KEY_FILE_MISSING: ['keyFile'],
  KEY_FILE_CORRUPT: ['keyFile'],
  KEY_FILE_UNREADABLE: ['keyFile'],
  DB_TOO_NEW: ['db'],
  DB_MISSING: ['db'],
  DATA_FOLDER_GONE: ['dataDir'],
  DATA_FOLDER_ON_NETWORK: ['dataDir'],
  MIGRATION_BACKUP_FAILED: ['dataDir'],
};

/**
 * The archive did not open: what happened in words an office clerk follows, the file or folder
 * involved (copyable, for the administrator), and "try again" once the cause is dealt with.
 */
export function FaultScreen({ status, onRetry, retrying }: { status: AppStatus; onRetry: () => void; retrying: boolean }) {
  const { t } = useTranslation('app');
  const fault = status.fault;
  const params = fault?.params ?? {};
  const key = fault && EXPLAINED.includes(fault.code) ? fault.code : 'other';
  const paths = PATHS[key] ?? ['dataDir'];
  // The system's reason (EACCES, EISDIR…) in words; one without words of its own keeps its code.
  const reason =
    typeof params.reason === 'string' ? t(`fault.reasons.${params.reason}`, { defaultValue: t('fault.reasons.other', { code: params.reason }) }) : undefined;
  const url = typeof params.url === 'string' && params.url.startsWith('http://127.0.0.1:') ? params.url : null;

  return (
    <AuthFrame title={t('fault.title')} width={560}>
      <Alert
        type="error"
        showIcon
        className="form-alert"
        title={t(`fault.${key}.title`)}
        description={t(`fault.${key}.action`, { pid: params.pid, reason, kind: params.kind })}
      />
      <Descriptions column={1} size="small" bordered className="form-alert">
        {paths
          .filter((p) => typeof params[p] === 'string')
          .map((p) => (
            <Descriptions.Item key={p} label={t(`fault.${p}`)}>
              <Typography.Text copyable code>
                {String(params[p])}
              </Typography.Text>
            </Descriptions.Item>
          ))}
      </Descriptions>
      {url && (
        <Button block href={url} className="form-alert">
          {t('fault.openRunning')}
        </Button>
      )}
      <Button type="primary" block autoFocus loading={retrying} onClick={onRetry}>
        {t('fault.retry')}
      </Button>
      {RESTORE_HERE.includes(key) && (
        <>
          <Divider titlePlacement="start">{t('fault.restoreTitle')}</Divider>
          <RestoreFromBackupForm />
        </>
      )}
    </AuthFrame>
  );
}
