import { Alert, Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JobStatus } from '../../../electron/core/contract/backups';
import { megabytes } from './BackupList';

/**
 * The long job under way: its phase (a backup's 复制/校验, a re-key's or restore's steps), a bar
 * of the bytes copied where a step writes a file, and for a re-key or restore that the archive can
 * be read but not changed meanwhile. `reason`, when the job is not this screen's own, says why
 * 立即备份 waits.
 */
export function JobProgress({ running, reason }: { running: NonNullable<JobStatus['running']>; reason: string | null }) {
  const { t } = useTranslation('backups');
  const percent = running.totalBytes > 0 ? Math.floor((running.doneBytes / running.totalBytes) * 100) : 0;
  const where =
    running.folderCount > 1 ? t('job.folderOf', { n: running.folderIndex + 1, count: running.folderCount, folder: running.folder }) : (running.folder ?? '');
  const counted = running.totalBytes > 0;
  return (
    <Alert
      type="info"
      showIcon
      role="status"
      title={t(`job.phase.${running.job}.${running.phase}`)}
      description={
        <>
          {where && <div className="backup-folder">{where}</div>}
          <Progress percent={counted ? percent : 0} status="active" showInfo={counted} aria-label={t(`job.progress.${running.job}`)} />
          {counted && <div>{t('job.bytes', { done: megabytes(running.doneBytes), total: megabytes(running.totalBytes) })}</div>}
          {running.job !== 'backup' && <div>{t('job.writesPaused')}</div>}
          {reason && <div>{reason}</div>}
        </>
      }
    />
  );
}
